import Foundation
import GRDB

/// The organisation's tables (docs/ORGANISATION.md): units, bodies, offices, mandates, caucus
/// members. Runs inside transactions the session opened on the audited path.
enum OrgStore {
    static let holdsOn = "validFrom <= ? AND (validTo IS NULL OR validTo > ?)"

    static func unit(_ row: Row) throws -> OrgUnit {
        OrgUnit(id: row["id"], kind: try row.stored(OrgUnit.Kind.self, "kind", table: "orgUnit"), name: row["name"],
                district: row["district"],
                validFrom: row["validFrom"], validTo: row["validTo"], successor: row["successor"])
    }

    static func units(kind: OrgUnit.Kind, district: String?, on day: String?, _ db: Database) throws -> [OrgUnit] {
        var sql = "SELECT * FROM orgUnit WHERE kind = ?"
        var arguments: StatementArguments = [kind.rawValue]
        if let district { sql += " AND district = ?"; arguments += [district] }
        if let day { sql += " AND " + holdsOn; arguments += [day, day] }
        return try Row.fetchAll(db, sql: sql + " ORDER BY district, name, validFrom", arguments: arguments).map(unit)
    }

    /// The unit of that kind and name (in that district) that holds on `day`.
    static func current(kind: OrgUnit.Kind, name: String, district: String, on day: String, _ db: Database) throws -> OrgUnit? {
        try Row.fetchOne(db, sql: "SELECT * FROM orgUnit WHERE kind = ? AND name = ? AND district = ? AND " + holdsOn,
                         arguments: [kind.rawValue, name, district, day, day]).map(unit)
    }

    /// Branch names per district, ever: what a person's `branch` may say.
    static func branchNames(_ db: Database) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT district, name FROM orgUnit WHERE kind = 'branch'") {
            result[row[0], default: []].insert(row[1])
        }
        return result
    }

    static func addUnit(kind: OrgUnit.Kind, name: String, district: String, from day: String, at time: String,
                        _ db: Database) throws -> OrgUnit {
        let trimmed = try nonEmpty(name)
        if try current(kind: kind, name: trimmed, district: district, on: day, db) != nil {
            throw CoreError(.unitExists, ["name": trimmed])
        }
        try db.execute(sql: """
            INSERT INTO orgUnit (kind, name, district, validFrom, validTo, successor, createdAt) VALUES (?, ?, ?, ?, NULL, NULL, ?)
            """, arguments: [kind.rawValue, trimmed, district, day, time])
        return OrgUnit(id: db.lastInsertedRowID, kind: kind, name: trimmed, district: district, validFrom: day, validTo: nil,
                       successor: nil)
    }

    static func end(_ unit: OrgUnit, on day: String, successor: Int64?, _ db: Database) throws {
        guard day > unit.validFrom else { throw CoreError(.unitDateInvalid, ["name": unit.name]) }
        try db.execute(sql: "UPDATE orgUnit SET validTo = ?, successor = ? WHERE id = ?", arguments: [day, successor, unit.id])
    }

    // MARK: Bodies

    static func body(_ row: Row) throws -> Body {
        Body(id: row["id"], kind: try row.stored(Body.Kind.self, "kind", table: "body"), name: row["name"], district: row["district"],
             validFrom: row["validFrom"], validTo: row["validTo"])
    }

    static func bodies(district: String?, _ db: Database) throws -> [Body] {
        var sql = "SELECT * FROM body"
        var arguments: StatementArguments = []
        if let district { sql += " WHERE district = ?"; arguments = [district] }
        return try Row.fetchAll(db, sql: sql + " ORDER BY district, name", arguments: arguments).map(body)
    }

    static func addBody(kind: Body.Kind, name: String, district: String, from day: String, _ db: Database) throws -> Body {
        let trimmed = try nonEmpty(name)
        try db.execute(sql: "INSERT INTO body (kind, name, district, validFrom) VALUES (?, ?, ?, ?)",
                       arguments: [kind.rawValue, trimmed, district, day])
        return Body(id: db.lastInsertedRowID, kind: kind, name: trimmed, district: district, validFrom: day, validTo: nil)
    }

    static func body(_ id: Int64, _ db: Database) throws -> Body {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM body WHERE id = ?", arguments: [id]) else {
            throw CoreError(.bodyNotFound, ["id": String(id)])
        }
        return try body(row)
    }

    // MARK: Offices and mandates

    static func office(_ row: Row) -> Office {
        Office(id: row["id"], memberNumber: row["number"], personID: row["personID"], bodyID: row["bodyID"],
               bodyName: row["bodyName"], title: row["title"], validFrom: row["validFrom"], validTo: row["validTo"],
               source: row["source"])
    }

    static let officeSQL = """
        SELECT o.*, p.number AS number, b.name AS bodyName FROM office o JOIN person p ON p.id = o.personID
        JOIN body b ON b.id = o.bodyID
        """

    static func offices(personID: Int64, _ db: Database) throws -> [Office] {
        try Row.fetchAll(db, sql: officeSQL + " WHERE o.personID = ? ORDER BY o.validFrom", arguments: [personID]).map(office)
    }

    static func offices(bodyID: Int64, on day: String, _ db: Database) throws -> [Office] {
        try Row.fetchAll(db, sql: officeSQL + " WHERE o.bodyID = ? AND o.validFrom <= ? AND (o.validTo IS NULL OR o.validTo > ?) ORDER BY o.title",
                         arguments: [bodyID, day, day]).map(office)
    }

    static func addOffice(personID: Int64, number: Int?, body: Body, title: String, from day: String, source: String,
                          _ db: Database) throws -> Office {
        let trimmed = try nonEmpty(title)
        try db.execute(sql: "INSERT INTO office (personID, bodyID, title, validFrom, validTo, source) VALUES (?, ?, ?, ?, NULL, ?)",
                       arguments: [personID, body.id, trimmed, day, source])
        return Office(id: db.lastInsertedRowID, memberNumber: number, personID: personID, bodyID: body.id,
                      bodyName: body.name, title: trimmed, validFrom: day, validTo: nil, source: source)
    }

    static func addMandate(personID: Int64, number: Int?, level: Mandate.Level, name: String, from day: String,
                           _ db: Database) throws -> Mandate {
        let trimmed = try nonEmpty(name)
        try db.execute(sql: "INSERT INTO mandate (personID, level, name, validFrom, validTo) VALUES (?, ?, ?, ?, NULL)",
                       arguments: [personID, level.rawValue, trimmed, day])
        return Mandate(id: db.lastInsertedRowID, memberNumber: number, personID: personID, level: level,
                       name: trimmed, validFrom: day, validTo: nil)
    }

    /// The person holding an office or mandate, or nil when there is no such term.
    static func holder(of kind: Term, id: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT personID FROM \(kind.table) WHERE id = ?", arguments: [id])
    }

    /// Ends a running term on a day after it began.
    static func end(_ kind: Term, id: Int64, on day: String, _ db: Database) throws {
        guard let from = try String.fetchOne(db, sql: "SELECT validFrom FROM \(kind.table) WHERE id = ? AND validTo IS NULL",
                                             arguments: [id]), day > from else {
            throw CoreError(.termNotFound, ["id": String(id)])
        }
        try db.execute(sql: "UPDATE \(kind.table) SET validTo = ? WHERE id = ?", arguments: [day, id])
    }

    static func mandate(_ row: Row) throws -> Mandate {
        Mandate(id: row["id"], memberNumber: row["number"], personID: row["personID"],
                level: try row.stored(Mandate.Level.self, "level", table: "mandate"), name: row["name"], validFrom: row["validFrom"],
                validTo: row["validTo"])
    }

    static func mandates(personID: Int64?, level: Mandate.Level?, on day: String?, _ db: Database) throws -> [Mandate] {
        var sql = "SELECT m.*, p.number AS number FROM mandate m JOIN person p ON p.id = m.personID WHERE 1"
        var arguments: StatementArguments = []
        if let personID { sql += " AND m.personID = ?"; arguments += [personID] }
        if let level { sql += " AND m.level = ?"; arguments += [level.rawValue] }
        if let day { sql += " AND m.validFrom <= ? AND (m.validTo IS NULL OR m.validTo > ?)"; arguments += [day, day] }
        return try Row.fetchAll(db, sql: sql + " ORDER BY m.validFrom", arguments: arguments).map(mandate)
    }

    // MARK: Caucuses

    static func caucus(_ id: Int64, _ db: Database) throws -> OrgUnit? {
        try Row.fetchOne(db, sql: "SELECT * FROM orgUnit WHERE id = ? AND kind = 'caucus'", arguments: [id]).map(unit)
    }

    static func join(caucus id: Int64, personID: Int64, from day: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO caucusMember (caucusID, personID, validFrom, validTo) VALUES (?, ?, ?, NULL)",
                       arguments: [id, personID, day])
    }

    static func caucusMembers(_ id: Int64, on day: String, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT personID FROM caucusMember WHERE caucusID = ? AND " + holdsOn,
                           arguments: [id, day, day])
    }

    private static func nonEmpty(_ text: String) throws -> String {
        let trimmed = GermanCSV.trimmed(text)
        guard !trimmed.isEmpty else { throw CoreError(.nameEmpty) }
        return trimmed
    }
}
