import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiTesting
import KarteiVault
import Testing
@testable import KarteiCore

/// The audit log: what gets logged, every kind of tampering, rollback, retention.
@Suite("Audit log")
struct AuditLogTests {
    /// An installation with some history: a few hundred entries so subtree nodes exist.
    static func installation(extraEntries: Int = 300) throws -> TestInstallation {
        let install = try TestInstallation()
        let session = try install.session(.treasurer)
        try session.vault.write { db in
            for i in 0..<extraEntries {
                try AuditLog.append(AuditEvent(at: Date(), principal: session.principal, action: "memberRead",
                                               objectType: "member", objectIDs: ["\(100_000 + i)"], purpose: "test",
                                               outcome: .success), db)
            }
        }
        try session.close()
        return install
    }

    /// Opens the vault directly, as a key holder who edits its tables would.
    static func tamper(_ install: TestInstallation, _ body: (Database) throws -> Void) throws {
        try tamper(install) { _, db in try body(db) }
    }

    static func tamper(_ install: TestInstallation, _ body: ([UInt8], Database) throws -> Void) throws {
        let vault = try Vault.open(at: install.vaultPath, unlocking: .passphrase(TestVaults.passphrase),
                                   options: CoreVault.options(install.options))
        try vault.write { db in try body(vault.vaultID, db) }
        try vault.close()
    }

    static func verify(_ install: TestInstallation, external: [Checkpoint] = []) throws -> AuditVerification {
        let vault = try Vault.open(at: install.vaultPath, unlocking: .passphrase(TestVaults.passphrase),
                                   options: CoreVault.options(install.options))
        defer { try? vault.close() }
        return try vault.read { db in try AuditVerifier.verify(vaultID: vault.vaultID, external: external, db) }
    }

    @Test("an untouched log verifies, with subtree nodes and several checkpoints")
    func clean() throws {
        let install = try Self.installation()
        let result = try Self.verify(install)
        #expect(result.isValid, "\(result.problems)")
        #expect(result.size > 300)
        #expect(result.checkpointsVerified >= 2)
        let nodes = try Self.readOnly(install) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditNode") ?? 0 }
        #expect(nodes >= 1)
    }

    static func readOnly<T>(_ install: TestInstallation, _ body: (Database) throws -> T) throws -> T {
        let vault = try Vault.open(at: install.vaultPath, unlocking: .passphrase(TestVaults.passphrase),
                                   options: CoreVault.options(install.options))
        defer { try? vault.close() }
        return try vault.read(body)
    }

    @Test("a changed entry is found at its index")
    func changedEntry() throws {
        let install = try Self.installation()
        try Self.tamper(install) { db in try db.execute(sql: "UPDATE auditEntry SET purpose = 'harmless' WHERE seq = 123") }
        let result = try Self.verify(install)
        #expect(result.firstProblem == .init(kind: .contentMismatch, index: 123, detail: ""))
    }

    @Test("a changed hidden field (who read) is found too")
    func changedHiddenField() throws {
        let install = try Self.installation()
        try Self.tamper(install) { db in try db.execute(sql: "UPDATE auditEntry SET objectIDs = '999999' WHERE seq = 200") }
        #expect(try Self.verify(install).firstProblem?.index == 200)
    }

    @Test("a deleted entry leaves a gap that is reported")
    func deletedEntry() throws {
        let install = try Self.installation()
        try Self.tamper(install) { db in
            try db.execute(sql: "DELETE FROM auditEntry WHERE seq = 77")
            try db.execute(sql: "DELETE FROM auditLeaf WHERE seq = 77")
        }
        let result = try Self.verify(install)
        #expect(result.firstProblem?.kind == .missingLeaf)
        #expect(result.firstProblem?.index == 77)
    }

    @Test("swapped entries are found at the first of them")
    func reordered() throws {
        let install = try Self.installation()
        try Self.tamper(install) { db in
            // Swap content and leaf of 50 and 60 (as if the log had been reordered).
            try db.execute(sql: "UPDATE auditEntry SET seq = -1 WHERE seq = 50")
            try db.execute(sql: "UPDATE auditEntry SET seq = 50 WHERE seq = 60")
            try db.execute(sql: "UPDATE auditEntry SET seq = 60 WHERE seq = -1")
            try db.execute(sql: "UPDATE auditLeaf SET seq = -1 WHERE seq = 50")
            try db.execute(sql: "UPDATE auditLeaf SET seq = 50 WHERE seq = 60")
            try db.execute(sql: "UPDATE auditLeaf SET seq = 60 WHERE seq = -1")
        }
        let result = try Self.verify(install)
        #expect(result.firstProblem?.index == 50, "\(result.problems)")
    }

    @Test("an inserted entry is found where it was inserted")
    func inserted() throws {
        let install = try Self.installation()
        try Self.tamper(install) { db in
            // Shift everything from 100 up by one and put a forged, well-formed entry at 100.
            let size = try AuditLog.size(db)
            for seq in stride(from: size - 1, through: 100, by: -1) {
                try db.execute(sql: "UPDATE auditEntry SET seq = ? WHERE seq = ?", arguments: [seq + 1, seq])
                try db.execute(sql: "UPDATE auditLeaf SET seq = ? WHERE seq = ?", arguments: [seq + 1, seq])
            }
            let forged = AuditEvent(time: AuditTime.format(Date()), actorKind: "user", actorCredential: "00", actorName: "x",
                                    actorRole: "treasurer", actorScope: "", action: "vault.open", objectType: "vault",
                                    objectIDs: [], purpose: "", outcome: .success, client: "local")
            let salt = [UInt8](repeating: 7, count: 16)
            try db.execute(sql: "INSERT INTO auditLeaf (seq, hash) VALUES (100, ?)",
                           arguments: [Data(AuditEncoding.leafHash(seq: 100, forged, salt: salt))])
            try db.execute(sql: """
                INSERT INTO auditEntry (seq, salt, time, actorKind, actorCredential, actorName, actorRole, actorScope, action,
                  objectType, objectIDs, purpose, outcome, client) VALUES (100, ?, ?, 'user', '00', 'x', 'treasurer', '', 'vault.open',
                  'vault', '', '', 'success', 'local')
                """, arguments: [Data(salt), forged.time])
        }
        let result = try Self.verify(install)
        let first = try #require(result.firstProblem)
        #expect(first.index == 100 || first.index == 101, "\(result.problems)")
        #expect(!result.isValid)
    }

    @Test("a wrong signature on a checkpoint is reported")
    func wrongSignature() throws {
        let install = try Self.installation()
        try Self.tamper(install) { db in
            let note = try String.fetchOne(db, sql: "SELECT note FROM auditCheckpoint ORDER BY size LIMIT 1")!
            var characters = Array(note)
            let position = characters.count - 10
            characters[position] = characters[position] == "A" ? "B" : "A"
            try db.execute(sql: "UPDATE auditCheckpoint SET note = ? WHERE note = ?", arguments: [String(characters), note])
        }
        let result = try Self.verify(install)
        #expect(result.problems.contains { $0.kind == .checkpointSignature })
    }

    @Test("a checkpoint from another vault is refused")
    func foreignCheckpoint() throws {
        let install = try Self.installation(extraEntries: 0)
        let other = try Self.installation(extraEntries: 0)
        let foreign = try Self.readOnly(other) { db in try AuditLog.latestCheckpoint(db)! }
        let result = try Self.verify(install, external: [foreign])
        #expect(result.problems.contains { $0.kind == .checkpointOrigin && $0.detail.hasPrefix("external") })
    }

    @Test("a history rewritten and re-signed by a key holder is caught by an older checkpoint kept outside")
    func rewrittenHistory() throws {
        let install = try Self.installation()
        let kept = try Self.readOnly(install) { db in try AuditLog.latestCheckpoint(db)! }
        try Self.tamper(install) { vaultID, db in
            // Rewrite entry 42, fix its leaf hash, rebuild the nodes, re-sign every checkpoint.
            let row = try Row.fetchOne(db, sql: "SELECT * FROM auditEntry WHERE seq = 42")!
            var event = AuditLog.event(row)!
            event.purpose = "rewritten"
            let salt = [UInt8](row["salt"] as Data)
            try db.execute(sql: "UPDATE auditEntry SET purpose = 'rewritten' WHERE seq = 42")
            try db.execute(sql: "UPDATE auditLeaf SET hash = ? WHERE seq = 42",
                           arguments: [Data(AuditEncoding.leafHash(seq: 42, event, salt: salt))])
            try db.execute(sql: "DELETE FROM auditNode")
            let size = try AuditLog.size(db)
            for seq in 0..<size { try AuditLog.storeCompletedSubtrees(after: seq, db) }
            try db.execute(sql: "DELETE FROM auditCheckpoint")
            try AuditLog.signCheckpoint(vaultID: vaultID, now: Date(), db)
        }
        #expect(try Self.verify(install).isValid, "the vault alone cannot tell: its key re-signed everything")
        let result = try Self.verify(install, external: [kept])
        #expect(result.problems.contains { $0.kind == .checkpointRoot && $0.detail.hasPrefix("external") })
    }

    @Test("a restored older copy is refused as rollback; accepting it is recorded")
    func rollback() throws {
        let install = try Self.installation(extraEntries: 0)
        let copy = install.dir.file("copy.kartei")
        try FileManager.default.copyItem(atPath: install.vaultPath, toPath: copy)
        // More work after the copy.
        for _ in 0..<3 { try install.session(.office).close() }
        try FileManager.default.removeItem(atPath: install.vaultPath)
        try FileManager.default.copyItem(atPath: copy, toPath: install.vaultPath)
        let error = #expect(throws: CoreError.self) { try install.session(.treasurer) }
        #expect(error?.code == .rollbackDetected)
        #expect(error?.exitCode == .rollbackDetected)
        #expect(error?.message.text(in: .english).contains("truncated") == true)
        let accepted = try install.session(.treasurer, acceptRollback: true)
        let events = try accepted.vault.read { db in try AuditLog.entries(db).compactMap(\.event) }
        #expect(events.contains { $0.action == "audit.rollback.accepted" })
        #expect(events.contains { $0.action == "audit.rollback.detected" && $0.outcome == .denied })
        try accepted.close()
        try install.session(.treasurer).close()
    }

    @Test("a read leaves exactly one entry with the record ids returned; a denial exactly one denied entry")
    func exactEntries() throws {
        let install = try Self.installation(extraEntries: 0)
        let treasurer = try install.session(.treasurer)
        let before = try treasurer.vault.read { db in try AuditLog.size(db) }
        let users = try treasurer.users.list()
        let after = try treasurer.vault.read { db in try AuditLog.entries(db) }
        #expect(after.count == Int(before) + 1)
        let entry = try #require(after.last?.event)
        #expect(entry.action == "userRead")
        #expect(Set(entry.objectIDs) == Set(users.map { String($0.id) }))
        #expect(entry.actorCredential == treasurer.principal.credential)
        #expect(entry.actorName == treasurer.principal.name)
        try treasurer.close()

        let officer = try install.session(.district)
        let start = try officer.vault.read { db in try AuditLog.size(db) }
        #expect(throws: AccessDenied.self) { try officer.users.list() }
        let denied = try officer.vault.read { db in try AuditLog.entries(db).filter { $0.seq >= start } }
        #expect(denied.count == 1)
        #expect(denied.first?.event?.outcome == .denied)
        #expect(denied.first?.event?.actorScope == "Leipzig")
        try officer.close()
    }

    @Test("retention erases contents but keeps the tree verifiable")
    func retention() throws {
        let old = Date(timeIntervalSince1970: 1_600_000_000) // 2020
        let install = try TestInstallation(now: { old })
        let later = try Self.installationSession(install, at: Date())
        let count = try later.audit.prune(dryRun: true).count
        #expect(count > 0)
        let erased = try later.audit.prune(dryRun: false).count
        #expect(erased == count)
        try later.close()
        let result = try Self.verify(install)
        #expect(result.isValid, "\(result.problems)")
        #expect(result.erasedEntries == erased)
    }

    static func installationSession(_ install: TestInstallation, at date: Date) throws -> KarteiSession {
        var options = install.options
        options.now = { date }
        return try KarteiSession.open(at: install.vaultPath,
                                      credentials: SessionCredentials(vaultSecret: .passphrase(TestVaults.passphrase)),
                                      options: options, checkpoints: install.checkpoints)
    }

    @Test("a purpose can be made mandatory for member data")
    func purposeRequired() throws {
        let install = try Self.installation(extraEntries: 0)
        let treasurer = try install.session(.treasurer)
        try treasurer.settings.setPurposeRequired(true)
        #expect(throws: CoreError(.purposeRequired)) {
            try treasurer.perform(.memberRead, on: .district("Leipzig"), objectType: "member") { _ in ((), []) }
        }
        try treasurer.perform(.memberRead, on: .district("Leipzig"), purpose: "Mitgliederversammlung", objectType: "member") { _ in
            ((), ["100001"])
        }
        try treasurer.close()
    }
}
