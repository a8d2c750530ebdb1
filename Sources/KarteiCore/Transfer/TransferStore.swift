import Foundation
import GRDB
import KarteiCrypto

/// The tables `transferPartner` and `transfer`. Every function runs inside a transaction the
/// session opened on the audited path.
enum TransferStore {
    /// A registered partner with its CA certificate.
    struct Partner {
        var partner: TransferPartner
        var certificate: Certificate
    }

    static func partner(_ row: Row) throws -> Partner {
        let certificate = try Certificate(derEncoded: [UInt8](row["certificate"] as Data))
        let partner = TransferPartner(id: row["id"], name: row["name"], fingerprint: row["fingerprint"],
                                      subject: certificate.subjectDN, notBefore: certificate.notBefore,
                                      notAfter: certificate.notAfter, addedAt: row["addedAt"],
                                      addedBy: String((row["addedBy"] as String).prefix(12)))
        return Partner(partner: partner, certificate: certificate)
    }

    static func partners(_ db: Database) throws -> [Partner] {
        try Row.fetchAll(db, sql: "SELECT * FROM transferPartner ORDER BY name").map(partner)
    }

    static func partner(named name: String, _ db: Database) throws -> Partner? {
        try Row.fetchOne(db, sql: "SELECT * FROM transferPartner WHERE name = ?", arguments: [name]).map(partner)
    }

    /// The name of a partner registered under this name or with this certificate, if any.
    static func existing(name: String, fingerprint: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM transferPartner WHERE name = ? OR fingerprint = ?",
                            arguments: [name, fingerprint])
    }

    static func insertPartner(name: String, certificate: Certificate, addedAt: String, by principal: Principal,
                              _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO transferPartner (name, certificate, fingerprint, addedAt, addedBy, addedByName)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [name, Data(certificate.derEncoded), certificate.fingerprintHex, addedAt, principal.credential,
                             principal.name])
        return db.lastInsertedRowID
    }

    // MARK: Transfers

    static func insert(_ direction: TransferRecord.Direction, packageID: String, partner: TransferPartner, personID: Int64,
                       memberNumber: Int, partnerNumber: Int?, date: String, recordedAt: String, history: String,
                       _ db: Database) throws -> TransferRecord {
        try db.execute(sql: """
            INSERT INTO transfer (direction, packageID, partnerID, personID, memberNumber, partnerNumber, date, recordedAt,
              history)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [direction.rawValue, packageID, partner.id, personID, memberNumber, partnerNumber, date,
                             recordedAt, history])
        return TransferRecord(id: db.lastInsertedRowID, direction: direction, packageID: packageID, partner: partner.name,
                              memberNumber: memberNumber, partnerNumber: partnerNumber, date: date, recordedAt: recordedAt)
    }

    static let recordColumns = """
        t.id, t.direction, t.packageID, p.name, t.memberNumber, t.partnerNumber, t.date, t.recordedAt
        """

    static func record(_ row: Row) throws -> TransferRecord {
        TransferRecord(id: row[0], direction: try row.stored(TransferRecord.Direction.self, at: 1, table: "transfer", column: "direction"),
                       packageID: row[2],
                       partner: row[3], memberNumber: row[4], partnerNumber: row[5], date: row[6], recordedAt: row[7])
    }

    /// A package already read in, if this one was.
    static func imported(packageID: String, _ db: Database) throws -> TransferRecord? {
        try Row.fetchOne(db, sql: """
            SELECT \(recordColumns) FROM transfer t JOIN transferPartner p ON p.id = t.partnerID
            WHERE t.direction = 'in' AND t.packageID = ?
            """, arguments: [packageID]).map(record)
    }

    static func all(_ db: Database) throws -> [TransferRecord] {
        try Row.fetchAll(db, sql: """
            SELECT \(recordColumns) FROM transfer t JOIN transferPartner p ON p.id = t.partnerID ORDER BY t.id
            """).map(record)
    }

    /// The versions a person's package carried when they came in; nil if they did not.
    static func importedHistory(personID: Int64, _ db: Database) throws -> [MemberRecord]? {
        guard let text = try String.fetchOne(db, sql: """
            SELECT history FROM transfer WHERE direction = 'in' AND personID = ? ORDER BY id DESC LIMIT 1
            """, arguments: [personID]) else { return nil }
        return TransferPayload.decodeHistory(text)
    }

    /// Erasure (docs/MEMBERS.md, "Erasure"): the imported versions lose what `MemberStore.erase`
    /// blanks in the person's own versions, and the whole birth date (this vault counts nobody by
    /// another association's history); dates, status, kind, district, dues, gender stay.
    static func erase(personID: Int64, at time: String, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, history FROM transfer WHERE direction = 'in' AND personID = ?",
                                    arguments: [personID])
        for row in rows {
            let versions = TransferPayload.decodeHistory(row["history"]) ?? []
            let blanked = versions.map { version -> MemberRecord in
                var r = version
                r.birthDate = nil
                r.givenName = ""
                r.familyName = ""
                r.street = ""
                r.houseNumber = ""
                r.postalCode = ""
                r.city = ""
                r.email = ""
                r.phone = ""
                r.reason = ""
                r.erasedAt = time
                return r
            }
            try db.execute(sql: "UPDATE transfer SET history = ? WHERE id = ?",
                           arguments: [try TransferPayload.encodeHistory(blanked), row["id"] as Int64])
        }
    }
}
