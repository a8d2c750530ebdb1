import Foundation
import GRDB

/// The core's tables. Migrations are never edited once shipped; add new ones.
public enum CoreSchema {
    /// Registers the core migrations after the vault's own (pass to `VaultOptions.schema`).
    package static func register(_ migrator: inout DatabaseMigrator) {
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
            // Provisional: every access and denial, until the tamper-evident log (core-v2) replaced it.
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

        migrator.registerMigration("core-v2-audit-log") { db in
            try db.create(table: "auditLeaf") { t in
                t.primaryKey("seq", .integer)
                t.column("hash", .blob).notNull()
            }
            try db.create(table: "auditEntry") { t in
                t.primaryKey("seq", .integer)
                t.column("salt", .blob).notNull()
                t.column("time", .text).notNull()
                t.column("actorKind", .text).notNull()
                t.column("actorCredential", .text).notNull()
                t.column("actorName", .text).notNull()
                t.column("actorRole", .text).notNull()
                t.column("actorScope", .text).notNull()
                t.column("action", .text).notNull()
                t.column("objectType", .text).notNull()
                t.column("objectIDs", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("client", .text).notNull()
            }
            // Record id → entries, for who-read. Filled after the fact (AuditLog.indexObjects, when a
            // session closes) so that an audited write transaction adds only its leaf and entry rows.
            try db.create(table: "auditObject", options: .withoutRowID) { t in
                t.column("objectType", .text).notNull()
                t.column("objectID", .text).notNull()
                t.column("seq", .integer).notNull()
                t.primaryKey(["objectType", "objectID", "seq"])
            }
            try db.create(table: "auditNode", options: .withoutRowID) { t in
                t.column("level", .integer).notNull()
                t.column("idx", .integer).notNull()
                t.column("hash", .blob).notNull()
                t.primaryKey(["level", "idx"])
            }
            try db.create(table: "auditCheckpoint") { t in
                t.primaryKey("size", .integer)
                t.column("root", .blob).notNull()
                t.column("note", .text).notNull()
                t.column("signedAt", .datetime).notNull()
            }
            try db.create(table: "auditKey") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("privateKey", .blob).notNull()
                t.column("publicKey", .blob).notNull()
            }
            try AuditLog.createKey(db)
            // Events recorded before the tamper-evident log become its first leaves, in order.
            for row in try Row.fetchAll(db, sql: "SELECT * FROM auditEvent ORDER BY seq") {
                let at: Date = row["at"]
                let ids: String = row["objectIDs"]
                try AuditLog.append(AuditEvent(
                    time: AuditTime.format(at), actorKind: row["actorKind"], actorCredential: row["actorCredential"],
                    actorName: "", actorRole: row["actorRole"], actorScope: row["actorScope"], action: row["action"],
                    objectType: row["objectType"], objectIDs: ids.isEmpty ? [] : ids.split(separator: ",").map(String.init),
                    purpose: row["purpose"], outcome: AuditEvent.Outcome(rawValue: row["outcome"]) ?? .failed,
                    client: row["client"]), db)
            }
            try db.drop(table: "auditEvent")
        }

        migrator.registerMigration("core-v3-members") { db in
            try db.create(table: "person") { t in
                t.primaryKey("id", .integer)
                // The member number; NULL while an entry is pending.
                t.column("number", .integer).unique()
                t.column("createdAt", .text).notNull()
            }
            // One row per version of a person's data, valid from validFrom up to (not including)
            // validTo; the newest has validTo NULL. docs/MEMBERS.md.
            try db.create(table: "personVersion") { t in
                t.primaryKey("id", .integer)
                t.column("personID", .integer).notNull().references("person", onDelete: .cascade)
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text)
                t.column("event", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("givenName", .text).notNull()
                t.column("familyName", .text).notNull()
                t.column("birthDate", .text)
                t.column("gender", .text).notNull()
                t.column("street", .text).notNull()
                t.column("houseNumber", .text).notNull()
                t.column("postalCode", .text).notNull()
                t.column("city", .text).notNull()
                t.column("email", .text).notNull()
                t.column("phone", .text).notNull()
                t.column("district", .text).notNull()
                t.column("branch", .text).notNull()
                t.column("entryDate", .text)
                t.column("exitDate", .text)
                t.column("duesCents", .integer).notNull()
                // Search keys: folded names and the Kölner Phonetik code of the family name.
                t.column("familyKey", .text).notNull()
                t.column("givenKey", .text).notNull()
                t.column("phoneticKey", .text).notNull()
            }
            try db.create(index: "personVersion_person", on: "personVersion", columns: ["personID", "validFrom"])
            try db.create(index: "personVersion_district", on: "personVersion", columns: ["district", "validFrom"])
            try db.execute(sql: "CREATE INDEX personVersion_name ON personVersion(familyKey, givenKey) WHERE validTo IS NULL")
            // Every folded family name that occurs, with its phonetic code: search grades names here
            // first and then reads only the people under the names that match.
            try db.create(table: "nameKey", options: .withoutRowID) { t in
                t.primaryKey("familyKey", .text)
                t.column("phoneticKey", .text).notNull().indexed()
            }
        }

        migrator.registerMigration("core-v4-exports") { db in
            // Every export of people: who, for whom, why, how many, approved by whom, and its canary.
            try db.create(table: "memberExport") { t in
                t.primaryKey("id", .integer)
                t.column("createdAt", .text).notNull()
                t.column("actorCredential", .text).notNull()
                t.column("actorName", .text).notNull()
                t.column("approverCredential", .text).notNull()
                t.column("approverName", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("purposeText", .text).notNull()
                t.column("recipient", .text).notNull()
                t.column("district", .text).notNull()
                t.column("people", .integer).notNull()
                t.column("canary", .text).notNull()
                // ",100001,100002,": who was in it, for the data-subject access report.
                t.column("members", .text).notNull()
            }
        }

        migrator.registerMigration("core-v5-erasure") { db in
            // Erasure keeps the versions (dates, status, district, dues: statistics and ledgers stay
            // consistent) and the birth year, and blanks everything that identifies the person.
            try db.alter(table: "personVersion") { t in t.add(column: "birthYear", .integer) }
            try db.alter(table: "person") { t in t.add(column: "erasedAt", .text) }
        }

        // Dues and donations (docs/FINANCE.md). Payments and donations are accounting records
        // (§ 24 Abs. 2 PartG: kept ten years): erasing a person sets their personID to NULL and
        // keeps the row with its member number or the donor's details.
        migrator.registerMigration("core-v6-finance") { db in
            // The dues table (Beitragstabelle): all brackets of one table share validFrom; the
            // table with the latest validFrom on or before a day holds on that day.
            try db.create(table: "duesBracket") { t in
                t.primaryKey("id", .integer)
                t.column("validFrom", .text).notNull()
                t.column("label", .text).notNull()
                t.column("incomeFromCents", .integer).notNull()
                // NULL: no upper bound.
                t.column("incomeToCents", .integer)
                // 0: dues-exempt (beitragsbefreit).
                t.column("duesCents", .integer).notNull()
                t.column("recordedAt", .text).notNull()
                t.uniqueKey(["validFrom", "label"])
            }
            // One row per imported bank file; the content hash refuses a second import.
            try db.create(table: "paymentImport") { t in
                t.primaryKey("id", .integer)
                t.column("file", .text).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("importedAt", .text).notNull()
                t.column("lines", .integer).notNull()
                t.column("totalCents", .integer).notNull()
            }
            try db.create(table: "payment") { t in
                t.primaryKey("id", .integer)
                t.column("importID", .integer).notNull().references("paymentImport").indexed()
                t.column("line", .integer).notNull()
                t.column("personID", .integer).references("person", onDelete: .setNull).indexed()
                t.column("memberNumber", .integer).notNull().indexed()
                t.column("bookingDate", .text).notNull()
                t.column("amountCents", .integer).notNull().check { $0 > 0 }
                // The bank's Verwendungszweck, as booked.
                t.column("reference", .text).notNull()
            }
            // The donations ledger. The donor's name and address are copied in: a receipt
            // (Zuwendungsbestätigung) and the Rechenschaftsbericht need them, also after erasure.
            try db.create(table: "donation") { t in
                t.primaryKey("id", .integer)
                t.column("year", .integer).notNull().indexed()
                t.column("receivedOn", .text).notNull()
                t.column("amountCents", .integer).notNull().check { $0 > 0 }
                t.column("kind", .text).notNull()
                t.column("cash", .boolean).notNull().defaults(to: false)
                // NULL: not a person in the member file (or erased), or anonymous.
                t.column("personID", .integer).references("person", onDelete: .setNull).indexed()
                t.column("memberNumber", .integer)
                // Empty for an anonymous donation.
                t.column("donorName", .text).notNull()
                t.column("street", .text).notNull()
                t.column("postalCode", .text).notNull()
                t.column("city", .text).notNull()
                t.column("recordedAt", .text).notNull()
            }
        }

        // Transfers between state associations (docs/MEMBERS.md, "Transfers between state
        // associations"; the package: docs/FORMATS.md §10).
        migrator.registerMigration("core-v7-transfers") { db in
            // Another LV's vault CA, registered by the treasurer: packages from it are accepted,
            // packages to it are encrypted for it.
            try db.create(table: "transferPartner") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull().unique()
                // The partner's CA certificate, DER, and its SHA-256 (lowercase hex).
                t.column("certificate", .blob).notNull()
                t.column("fingerprint", .text).notNull().unique()
                t.column("addedAt", .text).notNull()
                // Certificate serial or holder:<id>, and the name of who registered it.
                t.column("addedBy", .text).notNull()
                t.column("addedByName", .text).notNull()
            }
            // One row per package written (out) or read in (in). The package id of every package
            // read in stays, so that no package counts twice.
            try db.create(table: "transfer") { t in
                t.primaryKey("id", .integer)
                t.column("direction", .text).notNull().check { ["out", "in"].contains($0) }
                t.column("packageID", .text).notNull()
                t.column("partnerID", .integer).notNull().references("transferPartner")
                t.column("personID", .integer).references("person", onDelete: .setNull).indexed()
                // Out: the member's number here. In: the number allocated here.
                t.column("memberNumber", .integer).notNull()
                // In: the number the person had at the sending association.
                t.column("partnerNumber", .integer)
                t.column("date", .text).notNull()
                t.column("recordedAt", .text).notNull()
                // In: the versions the package carried (JSON, as in the package); erasure blanks them.
                t.column("history", .text).notNull().defaults(to: "")
                t.uniqueKey(["direction", "packageID"])
            }
        }

        migrator.registerMigration("core-v8-organisation") { db in
            // Branches and caucuses with the days they existed (docs/ORGANISATION.md).
            try db.create(table: "orgUnit") { t in
                t.primaryKey("id", .integer)
                t.column("kind", .text).notNull()
                t.column("name", .text).notNull()
                t.column("district", .text).notNull()
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text)
                t.column("successor", .integer).references("orgUnit")
                t.column("createdAt", .text).notNull()
            }
            try db.create(index: "orgUnit_name", on: "orgUnit", columns: ["kind", "district", "name"])
            try db.create(table: "body") { t in
                t.primaryKey("id", .integer)
                t.column("kind", .text).notNull()
                t.column("name", .text).notNull()
                t.column("district", .text).notNull()
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text)
            }
            try db.create(table: "office") { t in
                t.primaryKey("id", .integer)
                t.column("personID", .integer).notNull().references("person").indexed()
                t.column("bodyID", .integer).notNull().references("body").indexed()
                t.column("title", .text).notNull()
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text)
                t.column("source", .text).notNull()
            }
            try db.create(table: "mandate") { t in
                t.primaryKey("id", .integer)
                t.column("personID", .integer).notNull().references("person").indexed()
                t.column("level", .text).notNull()
                t.column("name", .text).notNull()
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text)
            }
            try db.create(table: "caucusMember") { t in
                t.column("caucusID", .integer).notNull().references("orgUnit")
                t.column("personID", .integer).notNull().references("person").indexed()
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text)
                t.primaryKey(["caucusID", "personID", "validFrom"])
            }
        }

        // Corrections of the donations ledger (docs/FINANCE.md, "Corrections"). The ledger is
        // append-only: a cancellation refers to the entry it cancels, a correction is a
        // cancellation plus a new entry whose `corrects` names the entry it replaces.
        migrator.registerMigration("core-v9-donation-corrections") { db in
            try db.alter(table: "donation") { t in t.add(column: "corrects", .integer).references("donation") }
            try db.create(table: "donationCancellation") { t in
                t.primaryKey("id", .integer)
                t.column("donationID", .integer).notNull().unique().references("donation")
                t.column("cancelledAt", .text).notNull()
                // The certificate serial of who cancelled; the audit entry of the same transaction names them too.
                t.column("cancelledBy", .text).notNull()
                t.column("reason", .text).notNull().check { length($0) > 0 }
                // The new entry of a correction; NULL for a plain cancellation.
                t.column("replacementID", .integer).unique().references("donation")
            }
            // What was recorded is never changed or deleted. An erasure may still set personID to
            // NULL (the row keeps the donor's details, § 24 Abs. 2 PartG).
            try db.execute(sql: """
                CREATE TRIGGER donation_append_only
                BEFORE UPDATE OF year, receivedOn, amountCents, kind, cash, memberNumber, donorName, street, postalCode, city,
                  recordedAt, corrects ON donation
                BEGIN SELECT RAISE(ABORT, 'the donations ledger is append-only: cancel or correct the entry'); END;
                CREATE TRIGGER donation_kept BEFORE DELETE ON donation
                BEGIN SELECT RAISE(ABORT, 'the donations ledger is append-only: cancel or correct the entry'); END;
                CREATE TRIGGER donationCancellation_append_only BEFORE UPDATE ON donationCancellation
                BEGIN SELECT RAISE(ABORT, 'a cancellation is never changed'); END;
                CREATE TRIGGER donationCancellation_kept BEFORE DELETE ON donationCancellation
                BEGIN SELECT RAISE(ABORT, 'a cancellation is never deleted'); END;
                """)
        }
        migrator.registerMigration("core-v10-bundle-keys") { db in
            // SHA-256 of the encrypted private key in the bundle kartei made for a certificate: a
            // wrong passphrase counts against the user only for that bundle (docs/IDENTITIES.md).
            try db.alter(table: "certificate") { t in t.add(column: "bundleKeyDigest", .blob) }
        }
        migrator.registerMigration("core-v11-name-parts") { db in
            // Every word of a family name of several words ("gross schafer"), so that search finds
            // double names by each part; and current given names, for a search by given name alone.
            try db.create(table: "namePart", options: .withoutRowID) { t in
                t.column("part", .text).notNull()
                t.column("familyKey", .text).notNull()
                t.column("phoneticKey", .text).notNull().indexed()
                t.primaryKey(["part", "familyKey"])
            }
            try MemberStore.addNameParts(try String.fetchAll(db, sql: "SELECT familyKey FROM nameKey WHERE instr(familyKey, ' ') > 0"),
                                         db)
            try db.execute(sql: "CREATE INDEX personVersion_given ON personVersion(givenKey) WHERE validTo IS NULL")
        }
    }
}
