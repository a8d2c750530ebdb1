import Foundation
import GRDB

/// The vault's own tables: labels of key holders (the keyring itself holds no names) and
/// metadata. Migrations are never edited once shipped; add new ones.
enum VaultSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("vault-v1") { db in
            try db.create(table: "vault_holder") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("label", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "vault_meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        // Certificate holders are known in the keyring by their SHA-256 only; the certificate
        // (which names its holder) is kept here, inside the encrypted database.
        migrator.registerMigration("vault-v2") { db in
            try db.alter(table: "vault_holder") { t in t.add(column: "certificate", .blob) }
        }
    }

    static func recordHolder(_ db: Database, id: String, kind: HolderEntry.Kind, label: String, at date: Date,
                             certificate: [UInt8]? = nil) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO vault_holder (id, kind, label, createdAt, certificate) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, kind.name, label, date, certificate.map { Data($0) }])
    }

    /// Holder id → certificate DER of the certificate holders.
    static func certificates(_ db: Database) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, certificate FROM vault_holder WHERE certificate IS NOT NULL") {
            result[row["id"]] = [UInt8](row["certificate"] as Data)
        }
        return result
    }

    static func labels(_ db: Database) throws -> [String: (label: String, createdAt: Date)] {
        var result: [String: (String, Date)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, label, createdAt FROM vault_holder") {
            result[row["id"]] = (row["label"], row["createdAt"])
        }
        return result
    }
}
