import Foundation
import GRDB
import KarteiCrypto
import KarteiTesting
import Testing
@testable import KarteiVault

@Suite("Vault round trips, holders, backup, rekey")
struct VaultRoundTripTests {
    static func fill(_ vault: Vault, rows: Int = 1000) throws {
        try vault.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            for i in 0..<rows { try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: ["row \(i)"]) }
        }
    }

    static func rows(_ vault: Vault) throws -> [String] {
        try vault.read { db in try String.fetchAll(db, sql: "SELECT v FROM t ORDER BY id") }
    }

    @Test("create, write, close, reopen, read")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try Self.fill(vault)
        try vault.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "a closed vault is one file")
        let reopened = try TestVaults.open(at: path)
        let rows = try Self.rows(reopened)
        #expect(rows.count == 1000)
        #expect(rows.last == "row 999")
        try reopened.close()
    }

    @Test("create refuses an existing file and leaves it untouched")
    func createRefusesExisting() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: VaultError(.alreadyExists)) { try TestVaults.create(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("precious".utf8))
    }

    @Test("a recovery code opens the vault; a typed code is normalised")
    func recoveryCode() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try Self.fill(vault, rows: 10)
        let (code, holder) = try vault.addRecoveryCodeHolder(label: "paper")
        #expect(holder.kind == "recovery-code")
        try vault.close()
        let typed = code.formatted.lowercased().replacingOccurrences(of: "-", with: " ")
        let reopened = try Vault.open(at: path, unlocking: .recoveryCode(RecoveryCode(parsing: typed)),
                                      options: TestVaults.options())
        #expect(try Self.rows(reopened).count == 10)
        #expect(try reopened.holders().map(\.kind).sorted() == ["passphrase", "recovery-code"])
        try reopened.close()
    }

    @Test("a second passphrase holder opens the vault")
    func secondPassphrase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try Self.fill(vault, rows: 5)
        let deputy = SecretBytes(copying: Array("deputy's own passphrase".utf8))
        try vault.addPassphraseHolder(deputy, label: "deputy")
        try vault.close()
        let reopened = try Vault.open(at: path, unlocking: .passphrase(deputy), options: TestVaults.options())
        #expect(try Self.rows(reopened).count == 5)
        try reopened.close()
        _ = try TestVaults.open(at: path).close()
    }

    @Test("backup: a vault of its own that opens with the same key and holds the same data")
    func backup() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try Self.fill(vault)
        let backupPath = dir.file("backup.kartei")
        try vault.backup(to: backupPath)
        // The source stays usable during and after the backup.
        try vault.write { db in try db.execute(sql: "INSERT INTO t (v) VALUES ('after backup')") }
        #expect(throws: VaultError(.alreadyExists)) { try vault.backup(to: backupPath) }
        let sourceFileID = vault.fileID
        try vault.close()
        let copy = try TestVaults.open(at: backupPath)
        #expect(try Self.rows(copy).count == 1000)
        #expect(copy.vaultID == (try TestVaults.open(at: path).vaultID))
        #expect(copy.fileID != sourceFileID, "pages of the backup cannot be swapped into the original")
        #expect(try copy.check().isHealthy)
        try copy.close()
        #expect(VaultFileBuilder.leftovers(of: backupPath).isEmpty)
    }

    @Test("rekey: new data key and file id, same data, same holders")
    func rekey() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try Self.fill(vault)
        let (code, _) = try vault.addRecoveryCodeHolder(label: "paper")
        let oldFileID = vault.fileID
        let oldKey = vault.dataKey
        try vault.close()
        let report = try Vault.rekey(at: path, unlocking: .passphrase(TestVaults.passphrase), options: TestVaults.options())
        #expect(report.holders == 2)
        #expect(report.pages > 0)
        let reopened = try TestVaults.open(at: path)
        #expect(reopened.fileID != oldFileID)
        #expect(!reopened.dataKey.constantTimeEquals(oldKey))
        #expect(try Self.rows(reopened).count == 1000)
        #expect(try reopened.check().isHealthy)
        try reopened.close()
        // The recovery code was re-wrapped without being known.
        let viaCode = try Vault.open(at: path, unlocking: .recoveryCode(code), options: TestVaults.options())
        try viaCode.close()
    }

    @Test("removing a holder rotates the key; the removed secret no longer opens the vault")
    func removeHolder() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try Self.fill(vault, rows: 3)
        let deputy = SecretBytes(copying: Array("deputy's own passphrase".utf8))
        let holder = try vault.addPassphraseHolder(deputy, label: "deputy")
        try vault.close()
        #expect(throws: VaultError(.holderNotFound)) {
            try Vault.rekey(at: path, unlocking: .passphrase(deputy), removingHolders: ["00"], options: TestVaults.options())
        }
        _ = try Vault.rekey(at: path, unlocking: .passphrase(TestVaults.passphrase), removingHolders: [holder.id],
                            options: TestVaults.options())
        #expect(throws: VaultError(.wrongKey)) {
            try Vault.open(at: path, unlocking: .passphrase(deputy), options: TestVaults.options())
        }
        let reopened = try TestVaults.open(at: path)
        #expect(try reopened.holders().map(\.label) == ["test treasurer"])
        let last = try #require(try reopened.holders().first)
        try reopened.close()
        #expect(throws: VaultError(.lastHolder)) {
            try Vault.rekey(at: path, unlocking: .passphrase(TestVaults.passphrase), removingHolders: [last.id],
                            options: TestVaults.options())
        }
        _ = try TestVaults.open(at: path).close()
    }

    @Test("rekey needs the vault to itself")
    func rekeyBusy() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        #expect(throws: VaultError(.busy)) {
            try Vault.rekey(at: path, unlocking: .passphrase(TestVaults.passphrase), options: TestVaults.options())
        }
        try vault.write { db in try db.execute(sql: "CREATE TABLE still_works (x)") }
        try vault.close()
    }
}

@Suite("Vault keys")
struct VaultKeyTests {
    @Test("a wrong passphrase is refused before any page is read")
    func wrongPassphrase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try VaultRoundTripTests.fill(vault, rows: 200)
        try vault.close()
        // Damage every page: had the open read a single page, it would report tampering.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        for offset in stride(from: UInt64(65536 + 100), to: size, by: 4096) {
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: Data([0x55]))
        }
        try handle.close()
        #expect(throws: VaultError(.wrongKey)) {
            try Vault.open(at: path, unlocking: .passphrase(SecretBytes(copying: Array("wrong passphrase!".utf8))),
                           options: TestVaults.options())
        }
        let error = #expect(throws: VaultError.self) {
            try Vault.open(at: path, unlocking: .passphrase(SecretBytes(copying: Array("wrong passphrase!".utf8))))
        }
        #expect(error?.exitCode == .wrongKey)
        #expect(error?.message.text(in: .english).contains("does not open") == true)
        #expect(error?.message.text(in: .german).contains("öffnet den Tresor") == true)
    }

    @Test("a wrong recovery code, a typo, a missing holder kind")
    func recoveryCodes() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        #expect(throws: VaultError(.noHolderOfKind)) {
            try Vault.open(at: path, unlocking: .recoveryCode(RecoveryCode.generate()), options: TestVaults.options())
        }
        let (code, _) = try vault.addRecoveryCodeHolder(label: "paper")
        try vault.close()
        #expect(throws: VaultError(.wrongKey)) {
            try Vault.open(at: path, unlocking: .recoveryCode(RecoveryCode.generate()), options: TestVaults.options())
        }
        var typo = Array(code.formatted)
        typo[0] = typo[0] == "A" ? "B" : "A"
        #expect(throws: VaultError(.recoveryCodeTypo)) { try RecoveryCode(parsing: String(typo)) }
        #expect(throws: VaultError(.recoveryCodeTypo)) { try RecoveryCode(parsing: String(code.formatted.dropLast())) }
        #expect(throws: VaultError(.recoveryCodeTypo)) { try RecoveryCode(parsing: code.formatted + "U") }
    }

    @Test("recovery codes: 36 characters in groups of four, I/L/O read as 1/0")
    func recoveryCodeFormat() throws {
        for _ in 0..<50 {
            let code = try RecoveryCode.generate()
            let text = code.formatted
            #expect(text.count == 36 + 8)
            #expect(text.split(separator: "-").allSatisfy { $0.count == 4 })
            let parsed = try RecoveryCode(parsing: text.replacingOccurrences(of: "1", with: "l").replacingOccurrences(of: "0", with: "o"))
            #expect(parsed.payload.constantTimeEquals(code.payload))
        }
    }

    @Test("passphrases shorter than 12 characters are refused")
    func shortPassphrase() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: VaultError(.passphraseTooShort)) {
            try Vault.create(at: dir.file("v.kartei"), passphrase: SecretBytes(copying: Array("short".utf8)), label: "x",
                             options: TestVaults.options())
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("v.kartei")))
    }
}
