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
    }

    static func recordHolder(_ db: Database, id: String, kind: HolderEntry.Kind, label: String, at date: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO vault_holder (id, kind, label, createdAt) VALUES (?, ?, ?, ?)",
            arguments: [id, kind.name, label, date])
    }

    static func labels(_ db: Database) throws -> [String: (label: String, createdAt: Date)] {
        var result: [String: (String, Date)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, label, createdAt FROM vault_holder") {
            result[row["id"]] = (row["label"], row["createdAt"])
        }
        return result
    }
}
