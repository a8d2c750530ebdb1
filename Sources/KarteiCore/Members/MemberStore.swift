import Foundation
import GRDB

/// The member file's tables (docs/MEMBERS.md): `person` (identity and member number) and
/// `personVersion` (one row per version of a person's data, valid from one day to another).
/// Every function runs inside a transaction the session opened on the audited path.
enum MemberStore {
    static let firstNumber = 100_001

    static let columns = """
        p.number, v.personID, v.kind, v.status, v.givenName, v.familyName, v.birthDate, v.gender, v.street,
        v.houseNumber, v.postalCode, v.city, v.email, v.phone, v.district, v.branch, v.entryDate, v.exitDate,
        v.duesCents, v.validFrom, v.validTo, v.event, v.reason, p.erasedAt
        """

    /// Where `columns` puts each field, by name.
    struct Layout {
        let number, personID, kind, status, givenName, familyName, birthDate, gender, street, houseNumber, postalCode,
            city, email, phone, district, branch, entryDate, exitDate, duesCents, validFrom, validTo, event, reason,
            erasedAt: Int

        init(_ statement: Statement) {
            let c = ResultColumns(statement)
            (number, personID, kind, status) = (c["number"], c["personID"], c["kind"], c["status"])
            (givenName, familyName, birthDate, gender) = (c["givenName"], c["familyName"], c["birthDate"], c["gender"])
            (street, houseNumber, postalCode, city) = (c["street"], c["houseNumber"], c["postalCode"], c["city"])
            (email, phone, district, branch) = (c["email"], c["phone"], c["district"], c["branch"])
            (entryDate, exitDate, duesCents) = (c["entryDate"], c["exitDate"], c["duesCents"])
            (validFrom, validTo, event, reason, erasedAt) = (c["validFrom"], c["validTo"], c["event"], c["reason"], c["erasedAt"])
        }
    }

    static func record(_ row: Row, _ c: Layout) throws -> MemberRecord {
        MemberRecord(number: row[c.number], personID: row[c.personID],
                     kind: try row.stored(PersonKind.self, at: c.kind, table: "personVersion", column: "kind"),
                     status: try row.stored(MemberStatus.self, at: c.status, table: "personVersion", column: "status"),
                     givenName: row[c.givenName], familyName: row[c.familyName], birthDate: row[c.birthDate],
                     gender: row[c.gender], street: row[c.street], houseNumber: row[c.houseNumber],
                     postalCode: row[c.postalCode], city: row[c.city], email: row[c.email], phone: row[c.phone],
                     district: row[c.district], branch: row[c.branch], entryDate: row[c.entryDate],
                     exitDate: row[c.exitDate], duesCents: row[c.duesCents], validFrom: row[c.validFrom],
                     validTo: row[c.validTo],
                     event: try row.stored(MemberEvent.self, at: c.event, table: "personVersion", column: "event"),
                     reason: row[c.reason], erasedAt: row[c.erasedAt])
    }

    /// The records a query over `columns` returns, decoded by column name.
    static func records(_ statement: Statement, _ arguments: StatementArguments) throws -> [MemberRecord] {
        let layout = Layout(statement)
        return try Row.fetchAll(statement, arguments: arguments).map { try record($0, layout) }
    }

    /// SQL condition: the version holds on the day bound to both `?`.
    static let holdsOn = "v.validFrom <= ? AND (v.validTo IS NULL OR v.validTo > ?)"

    // MARK: Reading

    static func personID(_ reference: MemberReference, _ db: Database) throws -> Int64? {
        switch reference {
        case .number(let number):
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE number = ?"), arguments: [number])
        case .person(let id):
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE id = ?"), arguments: [id])
        }
    }

    /// The version that holds on `day`; nil before the person's first version.
    static func version(of personID: Int64, on day: String, _ db: Database) throws -> MemberRecord? {
        let sql = "SELECT \(columns) FROM personVersion v JOIN person p ON p.id = v.personID WHERE v.personID = ? AND \(holdsOn)"
        return try records(db.cachedStatement(sql: sql), [personID, day, day]).first
    }

    static func history(of personID: Int64, _ db: Database) throws -> [MemberRecord] {
        try records(db.cachedStatement(sql: """
            SELECT \(columns) FROM personVersion v JOIN person p ON p.id = v.personID WHERE v.personID = ?
            ORDER BY v.validFrom, v.id
            """), [personID])
    }

    /// The newest version (the one with no end), whatever day it starts.
    static func latest(of personID: Int64, _ db: Database) throws -> MemberRecord? {
        try records(db.cachedStatement(sql: """
            SELECT \(columns) FROM personVersion v JOIN person p ON p.id = v.personID
            WHERE v.personID = ? AND v.validTo IS NULL
            """), [personID]).first
    }

    /// People as they stood on `day`, optionally in one district, with given statuses and kind, in
    /// German order (`GermanCollation`).
    static func list(district: String?, on day: String, statuses: Set<MemberStatus>?, kind: PersonKind?,
                     _ db: Database) throws -> [MemberRecord] {
        var conditions = [holdsOn]
        var arguments: StatementArguments = [day, day]
        if let district { conditions.append("v.district = ?"); arguments += [district] }
        if let statuses {
            conditions.append("v.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(statuses.map(\.rawValue).sorted())
        }
        if let kind { conditions.append("v.kind = ?"); arguments += [kind.rawValue] }
        let sql = """
            SELECT \(columns) FROM personVersion v JOIN person p ON p.id = v.personID
            WHERE \(conditions.joined(separator: " AND "))
            """
        return GermanCollation.sorted(try records(db.cachedStatement(sql: sql), arguments))
    }

    /// The condition on a person's newest version (`v`, person `pe`) that makes them a former member
    /// not erased yet.
    private static let former = """
        v.validTo IS NULL AND v.status IN ('resigned', 'deceased', 'expelled', 'transferred', 'rejected') AND pe.erasedAt IS NULL
        """

    /// Former members whose exit lies on or before `cutoff`: person id and reference (`#id` for
    /// rejected entries without a number).
    static func formerMembers(exitedBy cutoff: String, _ db: Database) throws -> [(Int64, String)] {
        try Row.fetchAll(db, sql: """
            SELECT v.personID AS personID, CAST(coalesce(pe.number, '#' || v.personID) AS TEXT) AS reference
            FROM personVersion v JOIN person pe ON pe.id = v.personID
            WHERE \(former) AND v.exitDate <= ? ORDER BY v.personID
            """, arguments: [cutoff]).map { ($0["personID"], $0["reference"]) }
    }

    static func isFormerMember(_ personID: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM personVersion v JOIN person pe ON pe.id = v.personID WHERE v.personID = ? AND \(former))
            """, arguments: [personID]) ?? false
    }

    /// 256 MB of page cache for a large import (its inserts reach the indexes in random order;
    /// with the usual small cache every insert would read and decrypt index pages again). Returns
    /// what puts the cache back.
    static func enlargeCache(_ db: Database) throws -> () -> Void {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -262144")
        return { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
    }

    static func numberTaken(_ number: Int, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM person WHERE number = ?)"),
                          arguments: [number]) ?? false
    }

    static func nextNumber(_ db: Database) throws -> Int {
        max(firstNumber, (try Int.fetchOne(db, sql: "SELECT max(number) FROM person") ?? 0) + 1)
    }

    // MARK: Writing

    /// Folded names and phonetic codes, remembered: an import sees the same names again and again.
    final class NameKeys {
        private var folded: [String: String] = [:]
        private var codes: [String: String] = [:]

        func fold(_ name: String) -> String {
            if let known = folded[name] { return known }
            let value = NameFolding.fold(name)
            folded[name] = value
            return value
        }

        func code(_ folded: String) -> String {
            if let known = codes[folded] { return known }
            let value = KoelnerPhonetik.code(folded)
            codes[folded] = value
            return value
        }
    }

    /// A new person with their first version. Returns the record with its person id.
    /// `then`: a second version already known (an import's exit), which ends the first on its day.
    static func insert(_ record: MemberRecord, then next: MemberRecord? = nil, recordedAt: String, keys: NameKeys = NameKeys(),
                       _ db: Database) throws -> MemberRecord {
        try db.cachedStatement(sql: "INSERT INTO person (number, createdAt) VALUES (?, ?)")
            .execute(arguments: [record.number, recordedAt])
        var stored = record
        stored.personID = db.lastInsertedRowID
        stored.validTo = next?.validFrom
        try insertVersion(stored, recordedAt: recordedAt, keys: keys, db)
        if var next {
            next.personID = stored.personID
            try insertVersion(next, recordedAt: recordedAt, keys: keys, db)
        }
        return stored
    }

    /// Appends a version from `record.validFrom` on and ends the version before it that day.
    /// Versions are recorded in date order: a day before the newest version's start is refused.
    static func append(_ record: MemberRecord, recordedAt: String, keys: NameKeys = NameKeys(), _ db: Database) throws {
        guard let latest = try latest(of: record.personID, db) else {
            throw CoreError(.memberNotFound, ["member": record.reference])
        }
        guard record.validFrom >= latest.validFrom else {
            throw CoreError(.memberEventBeforeLast, ["member": record.reference, "date": german(record.validFrom),
                                                     "last": german(latest.validFrom)])
        }
        try db.cachedStatement(sql: "UPDATE personVersion SET validTo = ? WHERE personID = ? AND validTo IS NULL")
            .execute(arguments: [record.validFrom, record.personID])
        try insertVersion(record, recordedAt: recordedAt, keys: keys, db)
    }

    static func setNumber(_ number: Int, personID: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE person SET number = ? WHERE id = ?", arguments: [number, personID])
    }

    /// Records a folded family name in the name table (and its parts, for a name of several words).
    static func addName(_ familyKey: String, phoneticKey: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO nameKey (familyKey, phoneticKey) VALUES (?, ?)")
            .execute(arguments: [familyKey, phoneticKey])
        if db.changesCount > 0 && familyKey.contains(" ") { try addNameParts([familyKey], db) }
    }

    /// Every word of each folded family name, with its phonetic code (`namePart`).
    static func addNameParts(_ familyKeys: [String], _ db: Database) throws {
        for familyKey in familyKeys {
            for part in Set(familyKey.split(separator: " ").map(String.init)) {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO namePart (part, familyKey, phoneticKey) VALUES (?, ?, ?)")
                    .execute(arguments: [part, familyKey, KoelnerPhonetik.code(part)])
            }
        }
    }

    /// A family name nobody has any more leaves the name table and its parts.
    static func removeNameIfUnused(_ familyKey: String, _ db: Database) throws {
        guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM personVersion WHERE familyKey = ?)",
                                  arguments: [familyKey]) ?? false) else { return }
        try db.execute(sql: "DELETE FROM nameKey WHERE familyKey = ?", arguments: [familyKey])
        try db.execute(sql: "DELETE FROM namePart WHERE familyKey = ?", arguments: [familyKey])
    }

    private static func insertVersion(_ r: MemberRecord, recordedAt: String, keys: NameKeys, _ db: Database) throws {
        let familyKey = keys.fold(r.familyName)
        let phoneticKey = keys.code(familyKey)
        try addName(familyKey, phoneticKey: phoneticKey, db)
        try db.cachedStatement(sql: """
            INSERT INTO personVersion (personID, validFrom, validTo, event, reason, recordedAt, kind, status, givenName,
              familyName, birthDate, gender, street, houseNumber, postalCode, city, email, phone, district, branch,
              entryDate, exitDate, duesCents, familyKey, givenKey, phoneticKey)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                r.personID, r.validFrom, r.validTo, r.event.rawValue, r.reason, recordedAt, r.kind.rawValue, r.status.rawValue,
                r.givenName, r.familyName, r.birthDate, r.gender, r.street, r.houseNumber, r.postalCode, r.city, r.email,
                r.phone, r.district, r.branch, r.entryDate, r.exitDate, r.duesCents,
                familyKey, keys.fold(r.givenName), phoneticKey,
            ])
    }

    /// Overwrites the correctable fields of the version(s) of a person starting on `validFrom`.
    static func rectify(versionOf personID: Int64, validFrom: String, to r: MemberRecord, _ db: Database) throws {
        let keys = NameKeys()
        let old = try String.fetchAll(db, sql: "SELECT familyKey FROM personVersion WHERE personID = ? AND validFrom = ?",
                                      arguments: [personID, validFrom])
        defer {
            // A misspelt name nobody else has leaves the name table.
            for key in old { try? removeNameIfUnused(key, db) }
        }
        let familyKey = keys.fold(r.familyName)
        try addName(familyKey, phoneticKey: keys.code(familyKey), db)
        try db.execute(sql: """
            UPDATE personVersion SET givenName = ?, familyName = ?, birthDate = ?, gender = ?, street = ?, houseNumber = ?,
              postalCode = ?, city = ?, email = ?, phone = ?, familyKey = ?, givenKey = ?, phoneticKey = ?
            WHERE personID = ? AND validFrom = ?
            """, arguments: [r.givenName, r.familyName, r.birthDate, r.gender, r.street, r.houseNumber, r.postalCode, r.city,
                             r.email, r.phone, familyKey, keys.fold(r.givenName), keys.code(familyKey), personID, validFrom])
    }

    /// Blanks everything that identifies a person in all their versions (and in the history a
    /// transfer package brought); keeps number, dates, status, kind, district, branch, dues, gender
    /// and the birth year. Search keys go too, and a family name nobody else has leaves the name table.
    static func erase(personID: Int64, at time: String, _ db: Database) throws {
        let keys = try String.fetchAll(db, sql: "SELECT DISTINCT familyKey FROM personVersion WHERE personID = ?",
                                       arguments: [personID])
        try db.execute(sql: """
            UPDATE personVersion SET birthYear = CAST(substr(birthDate, 1, 4) AS INTEGER), birthDate = NULL, givenName = '',
              familyName = '', street = '', houseNumber = '', postalCode = '', city = '', email = '', phone = '', reason = '',
              familyKey = '', givenKey = '', phoneticKey = ''
            WHERE personID = ?
            """, arguments: [personID])
        try db.execute(sql: "UPDATE person SET erasedAt = ? WHERE id = ?", arguments: [time, personID])
        // Caucus memberships (themselves sensitive), offices and mandates would re-identify the person.
        try db.execute(sql: "DELETE FROM caucusMember WHERE personID = ?", arguments: [personID])
        try db.execute(sql: "DELETE FROM office WHERE personID = ?", arguments: [personID])
        try db.execute(sql: "DELETE FROM mandate WHERE personID = ?", arguments: [personID])
        try TransferStore.erase(personID: personID, at: time, db)
        for key in keys { try removeNameIfUnused(key, db) }
    }

    static func german(_ iso: String) -> String { CalendarDate.parse(iso)?.german ?? iso }
}
