import GRDB

/// The core's tables. Migrations are never edited once shipped; add new ones.
public enum CoreSchema {
    /// Registers the core migrations after the vault's own (pass to `VaultOptions.schema`).
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("core-v1-identities") { db in
            try db.create(table: "district") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("scope", .text).notNull().defaults(to: "")
                t.column("contact", .text).notNull().defaults(to: "")
                t.column("declarationDate", .text)
                t.column("status", .text).notNull().defaults(to: "active")
                t.column("failedAttempts", .integer).notNull().defaults(to: 0)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "userEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("userID", .integer).notNull().references("user").indexed()
                t.column("at", .datetime).notNull()
                t.column("action", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("detail", .text).notNull().defaults(to: "")
            }
            try db.create(table: "certificateAuthority") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("certificate", .blob).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("crlNumber", .integer).notNull().defaults(to: 0)
                t.column("crl", .blob)
            }
            try db.create(table: "certificate") { t in
                t.primaryKey("serial", .text)
                t.column("userID", .integer).notNull().references("user").indexed()
                t.column("der", .blob).notNull()
                t.column("notBefore", .datetime).notNull()
                t.column("notAfter", .datetime).notNull()
                t.column("issuedAt", .datetime).notNull()
                t.column("status", .text).notNull().defaults(to: "valid")
                t.column("revokedAt", .datetime)
                t.column("reason", .integer)
            }
            try db.create(table: "accessGrant") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("district", .text).notNull().indexed()
                t.column("operation", .text).notNull()
                t.column("memberNumber", .integer).notNull()
                t.column("validFrom", .datetime).notNull()
                t.column("validUntil", .datetime).notNull()
                t.column("reason", .text).notNull()
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            // Provisional: every access and denial, until the tamper-evident log replaces the storage.
            try db.create(table: "auditEvent") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("at", .datetime).notNull()
                t.column("actorKind", .text).notNull()
                t.column("actorCredential", .text).notNull()
                t.column("actorRole", .text).notNull()
                t.column("actorScope", .text).notNull()
                t.column("action", .text).notNull()
                t.column("objectType", .text).notNull()
                t.column("objectIDs", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("client", .text).notNull()
            }
        }
    }
}
