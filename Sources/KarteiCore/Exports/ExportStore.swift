import Foundation
import GRDB

/// The record of every export (table `memberExport`): who, for what, for whom, which members, the
/// canary it carried.
enum ExportStore {
    /// What one export row records.
    struct Entry {
        var createdAt: String
        var actor: Principal
        var approver: Principal?
        var purpose: ExportPurpose
        var purposeText: String
        var recipient: String
        /// The district, `body:N`, or "" for the whole vault.
        var scope: String
        var references: [String]
        var canary: Canary?
    }

    /// Records an export; returns its id.
    static func insert(_ entry: Entry, _ db: Database) throws -> Int64 {
        let canaryJSON = try entry.canary.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) } ?? ""
        try db.execute(sql: """
            INSERT INTO memberExport (createdAt, actorCredential, actorName, approverCredential, approverName, purpose,
              purposeText, recipient, district, people, canary, members) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.createdAt, entry.actor.credential, entry.actor.name, entry.approver?.credential ?? "",
                             entry.approver?.name ?? "", entry.purpose.rawValue, entry.purposeText, entry.recipient,
                             entry.scope, entry.references.count, canaryJSON,
                             "," + entry.references.joined(separator: ",") + ","])
        return db.lastInsertedRowID
    }

    static func record(_ row: Row) -> ExportRecord {
        ExportRecord(id: row["id"], createdAt: row["createdAt"], purpose: row["purpose"], purposeText: row["purposeText"],
                     recipient: row["recipient"], district: row["district"], people: row["people"],
                     actor: String((row["actorCredential"] as String).prefix(12)),
                     approver: String((row["approverCredential"] as String).prefix(12)))
    }

    /// Every export with a canary, oldest first, with it.
    static func withCanaries(_ db: Database) throws -> [(ExportRecord, Canary)] {
        try Row.fetchAll(db, sql: "SELECT * FROM memberExport WHERE canary != '' ORDER BY id").map { row in
            (record(row), try JSONDecoder().decode(Canary.self, from: Data((row["canary"] as String).utf8)))
        }
    }

    /// The exports that contained a member (by reference).
    static func containing(_ reference: String, _ db: Database) throws -> [ExportRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM memberExport WHERE instr(members, ?) > 0 ORDER BY id",
                         arguments: ["," + reference + ","]).map(record)
    }
}
