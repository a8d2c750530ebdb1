import Foundation
import GRDB

/// The finance tables (docs/FINANCE.md): `duesBracket`, `paymentImport`, `payment`, `donation`,
/// `donationCancellation`.
/// Every function runs inside a transaction the session opened on the audited path.
enum FinanceStore {
    // MARK: Dues table

    static func duesTables(_ db: Database) throws -> [DuesTable] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT validFrom, label, incomeFromCents, incomeToCents, duesCents FROM duesBracket ORDER BY validFrom, id
            """)
        var tables: [String: [DuesBracket]] = [:]
        for row in rows {
            tables[row[0], default: []].append(DuesBracket(label: row[1], incomeFromCents: row[2], incomeToCents: row[3],
                                                           duesCents: row[4]))
        }
        return tables.keys.sorted().map { DuesTable(validFrom: $0, brackets: tables[$0] ?? []) }
    }

    /// The table that holds on `day`: the one with the latest start on or before it.
    static func duesTable(on day: String, _ db: Database) throws -> DuesTable? {
        guard let start = try String.fetchOne(db, sql: "SELECT max(validFrom) FROM duesBracket WHERE validFrom <= ?",
                                              arguments: [day]) else { return nil }
        return try duesTables(db).first { $0.validFrom == start }
    }

    /// Replaces the table starting on `table.validFrom` (if any) with this one.
    static func setDuesTable(_ table: DuesTable, recordedAt: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM duesBracket WHERE validFrom = ?", arguments: [table.validFrom])
        for bracket in table.brackets {
            try db.execute(sql: """
                INSERT INTO duesBracket (validFrom, label, incomeFromCents, incomeToCents, duesCents, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [table.validFrom, bracket.label.trimmingCharacters(in: .whitespaces), bracket.incomeFromCents,
                                 bracket.incomeToCents, bracket.duesCents, recordedAt])
        }
    }

    /// The first month dues are counted: the first month whose 1st is on or after the first
    /// dues table's start. nil while there is no dues table.
    static func accountingStart(_ db: Database) throws -> CalendarMonth? {
        try String.fetchOne(db, sql: "SELECT min(validFrom) FROM duesBracket").flatMap(CalendarDate.parse)
            .map(CalendarMonth.firstStarting(onOrAfter:))
    }

    // MARK: Arrears

    /// A person with their versions in date order, and their name and district on the as-of day.
    struct Account {
        var personID: Int64
        var number: Int
        var versions: [DuesRule.Version] = []
        var current: (givenName: String, familyName: String, district: String, status: MemberStatus, duesCents: Int)?
    }

    /// Every numbered person (optionally only those in `district` on `day`, or one person) with
    /// their versions.
    static func accounts(district: String?, personID: Int64? = nil, on day: String, _ db: Database) throws -> [Account] {
        var sql = """
            SELECT v.personID, p.number, v.validFrom, v.validTo, v.kind, v.status, v.duesCents, v.givenName, v.familyName,
              v.district
            FROM personVersion v JOIN person p ON p.id = v.personID WHERE p.number IS NOT NULL
            """
        var arguments: StatementArguments = []
        if let personID {
            sql += " AND v.personID = ?"
            arguments += [personID]
        }
        if let district {
            sql += """
                 AND v.personID IN (SELECT personID FROM personVersion
                   WHERE district = ? AND validFrom <= ? AND (validTo IS NULL OR validTo > ?))
                """
            arguments += [district, day, day]
        }
        sql += " ORDER BY v.personID, v.validFrom, v.id"
        var accounts: [Account] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let personID: Int64 = row[0]
            if accounts.last?.personID != personID { accounts.append(Account(personID: personID, number: row[1])) }
            let version = DuesRule.Version(validFrom: row[2], validTo: row[3],
                                           kind: try row.stored(PersonKind.self, at: 4, table: "personVersion", column: "kind"),
                                           status: try row.stored(MemberStatus.self, at: 5, table: "personVersion", column: "status"),
                                           duesCents: row[6])
            accounts[accounts.count - 1].versions.append(version)
            if version.holds(on: day) {
                accounts[accounts.count - 1].current = (row[7], row[8], row[9], version.status, version.duesCents)
            }
        }
        // People not yet on record on the day have no account then.
        return accounts.filter { $0.current != nil }
    }

    /// person id → sum of payments booked on or before `day`.
    static func paidTotals(through day: String, _ db: Database) throws -> [Int64: Int] {
        var totals: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT personID, sum(amountCents) FROM payment WHERE personID IS NOT NULL AND bookingDate <= ? GROUP BY personID
            """, arguments: [day]) {
            totals[row[0]] = row[1]
        }
        return totals
    }

    static func payments(of personID: Int64, through day: String, _ db: Database) throws -> [Payment] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.memberNumber, p.bookingDate, p.amountCents, p.reference, i.file, p.line
            FROM payment p JOIN paymentImport i ON i.id = p.importID
            WHERE p.personID = ? AND p.bookingDate <= ? ORDER BY p.bookingDate, p.id
            """, arguments: [personID, day]).map {
            Payment(id: $0[0], memberNumber: $0[1], bookingDate: $0[2], amountCents: $0[3], reference: $0[4], file: $0[5], line: $0[6])
        }
    }

    // MARK: Payments

    /// Member number → person id, for matching.
    static func memberNumbers(_ db: Database) throws -> [Int: Int64] {
        var result: [Int: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT number, id FROM person WHERE number IS NOT NULL") { result[row[0]] = row[1] }
        return result
    }

    /// The earlier import of a file with these bytes: file name and when.
    static func earlierImport(hash: String, _ db: Database) throws -> (file: String, at: String)? {
        try Row.fetchOne(db, sql: "SELECT file, importedAt FROM paymentImport WHERE contentHash = ?", arguments: [hash])
            .map { ($0[0], $0[1]) }
    }

    /// A payment already booked with the same member, day, amount and Verwendungszweck (overlapping
    /// exports): the file and line it came from.
    static func sameBooking(_ line: PaymentImport.Line, _ db: Database) throws -> (file: String, line: Int)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT i.file, p.line FROM payment p JOIN paymentImport i ON i.id = p.importID
            WHERE p.memberNumber = ? AND p.bookingDate = ? AND p.amountCents = ? AND p.reference = ? LIMIT 1
            """), arguments: [line.memberNumber, line.bookingDate, line.amountCents, line.reference]).map { ($0[0], $0[1]) }
    }

    static func insertImport(file: String, hash: String, lines: [PaymentImport.Line], importedAt: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO paymentImport (file, contentHash, importedAt, lines, totalCents) VALUES (?, ?, ?, ?, ?)
            """, arguments: [file, hash, importedAt, lines.count, lines.reduce(0) { $0 + $1.amountCents }])
        let importID = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: """
            INSERT INTO payment (importID, line, personID, memberNumber, bookingDate, amountCents, reference)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for line in lines {
            try statement.execute(arguments: [importID, line.line, line.personID, line.memberNumber, line.bookingDate,
                                              line.amountCents, line.reference])
        }
    }

    // MARK: Donations

    static func insertDonation(_ d: Donation, personID: Int64?, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO donation (year, receivedOn, amountCents, kind, cash, personID, memberNumber, donorName, street,
              postalCode, city, recordedAt, corrects)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [CalendarDate.parse(d.receivedOn)?.year, d.receivedOn, d.amountCents, d.kind.rawValue, d.cash,
                             personID, d.memberNumber, d.donorName, d.street, d.postalCode, d.city, d.recordedAt, d.corrects])
        return db.lastInsertedRowID
    }

    static func insertCancellation(of id: Int64, _ c: DonationCancellation, by credential: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO donationCancellation (donationID, cancelledAt, cancelledBy, reason, replacementID)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [id, c.cancelledAt, credential, c.reason, c.replacementID])
    }

    private static let donationColumns = """
        SELECT d.id, d.receivedOn, d.amountCents, d.kind, d.cash, d.memberNumber, d.donorName, d.street, d.postalCode, d.city,
          d.personID, d.year, d.recordedAt, d.corrects, c.cancelledAt, c.cancelledBy, c.reason, c.replacementID
        FROM donation d LEFT JOIN donationCancellation c ON c.donationID = d.id
        """

    private static func donation(_ row: Row) throws -> Donation {
        let amount: Int = row[2]
        let name: String = row[6]
        let cash: Bool = row[4]
        let year: Int = row[11]
        let cancelledAt: String? = row[14]
        let cancelledBy: String = row[15] ?? ""
        return Donation(id: row[0], receivedOn: row[1], amountCents: amount, kind: try row.stored(DonationKind.self, at: 3, table: "donation", column: "kind"),
                        cash: cash, memberNumber: row[5], donorName: name, street: row[7], postalCode: row[8], city: row[9],
                        flags: Donation.flags(amountCents: amount, anonymous: name.isEmpty, cash: cash),
                        keepUntil: String(format: "%04d-12-31", year + PartyFinanceLaw.retentionYears), recordedAt: row[12],
                        corrects: row[13],
                        cancellation: cancelledAt.map {
                            DonationCancellation(cancelledAt: $0, cancelledBy: String(cancelledBy.prefix(12)), reason: row[16],
                                                 replacementID: row[17])
                        })
    }

    /// One entry with its cancellation, and its person id if it has one.
    static func donation(id: Int64, _ db: Database) throws -> (Donation, Int64?)? {
        try Row.fetchOne(db, sql: donationColumns + " WHERE d.id = ?", arguments: [id]).map { (try donation($0), $0[10]) }
    }

    /// A year's donations in date order, cancelled ones too, with the person id of each that has one.
    static func donations(year: Int, _ db: Database) throws -> ([Donation], [Int64: Int64]) {
        var personIDs: [Int64: Int64] = [:]
        let donations = try Row.fetchAll(db, sql: donationColumns + " WHERE d.year = ? ORDER BY d.receivedOn, d.id",
                                         arguments: [year]).map { row -> Donation in
            let entry = try donation(row)
            if let personID: Int64 = row[10] { personIDs[entry.id] = personID }
            return entry
        }
        return (donations, personIDs)
    }
}
