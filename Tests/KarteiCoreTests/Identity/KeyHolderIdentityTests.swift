import Foundation
import KarteiCrypto
import KarteiTesting
import KarteiVault
import Testing
@testable import KarteiCore

/// Who may unlock the vault, and whose failed attempts count: a holder that is locked, revoked
/// or expired opens nothing; a lockout needs the bundle kartei issued, not a file built around a
/// public certificate; the vault header names no holder; bundles as `openssl pkcs12 -export`
/// writes them by default are accepted.
@Suite("Key holders and lockout")
struct KeyHolderIdentityTests {
    /// 20 November 2026, 10:00 UTC: every fixture of this suite lives at this moment or later.
    static let start = Date(timeIntervalSince1970: 1_795_168_800)

    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Date
        init(_ value: Date) { self.value = value }
        var now: Date { lock.withLock { value } }
        func advance(days: Double) { lock.withLock { value = value.addingTimeInterval(days * 86_400) } }
    }

    func openssl(_ arguments: [String]) throws -> CommandResult {
        let tool = try #require(which("openssl"))
        return try runCommand(tool, arguments)
    }

    /// The identity as PEM (certificate and unencrypted key), via the stock openssl.
    func pem(of member: TestInstallation.Member, _ install: TestInstallation) throws -> String {
        let passphrase = member.passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        let out = install.dir.file("\(UUID().uuidString.prefix(8)).pem")
        let exported = try openssl(["pkcs12", "-in", member.path, "-passin", "pass:\(passphrase)", "-nodes", "-out", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        return out
    }

    func user(_ install: TestInstallation, _ role: Role, _ treasurer: KarteiSession) throws -> UserSummary {
        let id = try #require(install.members[role]?.userID)
        return try treasurer.users.show(id).summary
    }

    @Test("a bundle built around a user's public certificate never counts toward their lockout")
    func foreignBundles() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let office = try #require(install.members[.office])
        let certificate = install.dir.file("office-cert.pem")
        try office.source.certificate().pemEncoded.write(toFile: certificate, atomically: true, encoding: .utf8)
        // What anyone can build from the public certificate: a bundle with no key at all.
        let onlyCertificate = install.dir.file("only-cert.p12")
        #expect(try openssl(["pkcs12", "-export", "-nokeys", "-in", certificate, "-certpbe", "NONE",
                             "-passout", "pass:attacker", "-out", onlyCertificate]).status == 0)
        let files = [onlyCertificate]
        for file in files {
            for attempt in 1...7 {
                var credentials = install.credentials(.office)
                credentials.identity = IdentitySource(path: file, passphrase: SecretBytes(copying: Array("guess \(attempt)".utf8)))
                let error = #expect(throws: CoreError.self) {
                    try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
                }
                #expect(error?.code == .identityWrongPassphrase, "\(file) attempt \(attempt): \(String(describing: error))")
            }
        }
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let state = try user(install, .office, treasurer)
        #expect(state.failedAttempts == 0 && state.status == "active")
        // Every refusal is in the log, with the certificate it named.
        let refusals = try treasurer.audit.entries(AuditFilter(action: "identity.refused")).compactMap(\.event)
        #expect(refusals.count == files.count * 7)
    }

    @Test("the issued bundle's wrong passphrases lock the user, and from then on every try says locked")
    func lockoutIsConsistent() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let office = try #require(install.members[.office])
        var wrong = install.credentials(.office)
        wrong.identity = IdentitySource(path: office.path, passphrase: SecretBytes(copying: Array("nope".utf8)))
        for attempt in 1...7 {
            let error = #expect(throws: CoreError.self) {
                try KarteiSession.open(at: install.vaultPath, credentials: wrong, options: install.options)
            }
            #expect(error?.code == (attempt < 5 ? .identityWrongPassphrase : .identityUserLocked), "attempt \(attempt)")
            #expect(error?.exitCode == (attempt < 5 ? .wrongKey : .identityRefused), "attempt \(attempt)")
        }
        #expect(throws: CoreError(.identityUserLocked)) { try install.session(.office) }
    }

    @Test("a key holder's wrong passphrase counts when a holder identity lets the vault record it")
    func keyHolderAttemptsCount() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let treasurer = try #require(install.members[.treasurer])
        let wrong = IdentitySource(path: treasurer.path, passphrase: SecretBytes(copying: Array("nope".utf8)))
        // Alone, the vault stays closed: nothing can be recorded (the bundle's KDF guards it).
        #expect(throws: CoreError(.identityWrongPassphrase)) {
            try KarteiSession.open(at: install.vaultPath, credentials: SessionCredentials(identity: wrong), options: install.options)
        }
        // Through the server's key the attempt is counted like anybody's.
        let throughServer = SessionCredentials(identity: wrong, holderIdentity: install.members[.server]?.source)
        #expect(throws: CoreError(.identityWrongPassphrase)) {
            try KarteiSession.open(at: install.vaultPath, credentials: throughServer, options: install.options)
        }
        // Read with the vault passphrase: a sign-in of the treasurer would clear the count.
        let session = try install.keyHolderSession()
        defer { try? session.close() }
        #expect(try user(install, .treasurer, session).failedAttempts == 1)
    }

    @Test("a locked, revoked or expired holder identity unlocks nothing; the refusal is recorded")
    func holderMustBeCurrent() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let serverID = try #require(install.members[.server]?.userID)
        let treasurer = try install.session(.treasurer)
        try treasurer.users.setStatus(serverID, .lock)
        try treasurer.close()
        let locked = #expect(throws: CoreError.self) { try install.session(.district) }
        #expect(locked?.code == .identityHolderRefused && locked?.exitCode == .identityRefused)
        #expect(locked?.message.text(in: .english).contains("locked") == true, "\(String(describing: locked))")
        #expect(throws: CoreError(.identityUserLocked)) { try install.session(.server) }

        let again = try install.session(.treasurer)
        try again.users.setStatus(serverID, .unlock)
        let district = try install.session(.district)
        try district.close()
        // Expired: the district officer renews in time, the server's certificate runs out.
        clock.advance(days: 300)
        let caKey = install.caKey
        let renewed = try again.authority.issue(userID: try #require(install.members[.district]?.userID), caKey: caKey)
        try again.close()
        let path = install.dir.file("district-renewed.p12")
        try Data(try #require(renewed.bundle)).write(to: URL(fileURLWithPath: path))
        clock.advance(days: 80)
        var credentials = install.credentials(.district)
        credentials.identity = IdentitySource(path: path, passphrase: SecretBytes(copying: Array((renewed.transportPassphrase ?? "").utf8)))
        let expired = #expect(throws: CoreError.self) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
        #expect(expired?.code == .identityHolderOutOfPeriod && expired?.exitCode == .identityRefused)
        #expect(expired?.message.text(in: .english).contains("expired") == true, "\(String(describing: expired))")

        // Revoked: the district officer's fresh certificate is fine, the holder is not.
        clock.advance(days: -80)
        let last = try install.session(.treasurer)
        _ = try last.authority.revoke(serverID, reason: .keyCompromise, caKey: caKey)
        try last.close()
        let revoked = #expect(throws: CoreError.self) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
        #expect(revoked?.code == .identityHolderRefused)
        let audit = try install.session(.treasurer)
        defer { try? audit.close() }
        #expect(try audit.audit.entries(AuditFilter(action: "identity.refused")).count >= 2)
    }

    @Test("a key holder that was revoked and removed is told so (86), not sent to configure a holder (78)")
    func removedKeyHolder() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let treasurer = try install.session(.treasurer)
        let result = try treasurer.authority.revoke(try #require(install.members[.server]?.userID), reason: .keyCompromise,
                                              caKey: install.caKey)
        let unlocker = treasurer.unlocker
        try treasurer.close()
        _ = try Vault.rekey(at: install.vaultPath, unlocking: unlocker, removingHolders: Set(result.holderIDs),
                            options: install.options)
        let refused = #expect(throws: CoreError.self) {
            try KarteiSession.open(at: install.vaultPath, credentials: SessionCredentials(identity: install.members[.server]?.source),
                                   options: install.options)
        }
        #expect(refused?.code == .identityNotAKeyHolder && refused?.exitCode == .identityRefused)
        // Someone who never held a key still hears to name a holder identity.
        #expect(throws: CoreError(.identityNeedsHolder)) {
            try KarteiSession.open(at: install.vaultPath, credentials: SessionCredentials(identity: install.members[.auditor]?.source),
                                   options: install.options)
        }
        // The retired entry holds no key and is no holder.
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        #expect(try session.vault.holders().allSatisfy { $0.kind != "retired-certificate" })
    }

    @Test("the vault header and its backups name no holder: no name, no certificate")
    func headerNamesNobody() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let treasurer = try install.session(.treasurer)
        let backup = install.dir.file("backup.kartei")
        try treasurer.vault.backup(to: backup)
        try treasurer.close()
        let certificate = try #require(try install.members[.treasurer]?.source.certificate())
        let files = [install.vaultPath, backup]
        for needle in ["Test treasurer", "Test server"] {
            #expect(ByteScan.files(files, containing: Array(needle.utf8)).isEmpty, "\(needle)")
        }
        #expect(ByteScan.files(files, containing: certificate.derEncoded).isEmpty, "the certificate")
        #expect(ByteScan.files(files, containing: Array(certificate.derEncoded.suffix(64))).isEmpty, "its signature")
        // What unlocking needs is there: the digest.
        #expect(ByteScan.files(files, containing: SHA256.hash(certificate.derEncoded)).count == 2)
    }

    @Test("a bundle as openssl pkcs12 -export writes it by default (certificates encrypted too) opens the vault")
    func opensslDefaultBundle() throws {
        let clock = Clock(Self.start)
        let install = try TestInstallation(now: { clock.now })
        let office = try #require(install.members[.office])
        let pem = try pem(of: office, install)
        let bundle = install.dir.file("office-default.p12")
        let exported = try openssl(["pkcs12", "-export", "-in", pem, "-passout", "pass:eine neue Passphrase", "-out", bundle])
        #expect(exported.status == 0, "\(exported.stderr)")
        let info = try openssl(["pkcs12", "-in", bundle, "-passin", "pass:eine neue Passphrase", "-info", "-noout"])
        #expect(info.stderr.contains("PBES2") && info.stderr.contains("AES-256-CBC"), "\(info.stderr)")
        var credentials = install.credentials(.office)
        credentials.identity = IdentitySource(path: bundle, passphrase: SecretBytes(copying: Array("eine neue Passphrase".utf8)))
        let session = try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        #expect(session.principal.role == .office)
        try session.close()
        credentials.identity = IdentitySource(path: bundle, passphrase: SecretBytes(copying: Array("falsch".utf8)))
        #expect(throws: CoreError(.identityWrongPassphrase)) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
        // A legacy export (RC2) says what to do instead of "not a readable identity".
        let legacy = install.dir.file("office-legacy.p12")
        let old = try openssl(["pkcs12", "-export", "-legacy", "-in", pem, "-passout", "pass:alt", "-out", legacy])
        #expect(old.status == 0, "\(old.stderr)")
        credentials.identity = IdentitySource(path: legacy, passphrase: SecretBytes(copying: Array("alt".utf8)))
        #expect(throws: CoreError(.identityLegacyEncryption)) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
    }
}

/// One keyring copy changed (a byte of its padding): the vault opens from the other copy, but the
/// rewrite is not silent.
@Suite("Keyring copies")
struct KeyringCopyTests {
    @Test("a changed keyring copy is rewritten, reported by vault check and recorded in the log")
    func changedCopy() throws {
        let install = try TestInstallation(now: { KeyHolderIdentityTests.start })
        // Offset 8000 lies in the padding of the first copy (docs/FORMATS.md §1).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: install.vaultPath))
        try handle.seek(toOffset: 8000)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: 8000)
        try handle.write(contentsOf: Data([byte ^ 0x01]))
        try handle.close()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(treasurer.vault.rewrittenKeyringCopies == [4096])
        let report = try treasurer.vault.check()
        #expect(report.problems.contains { $0.kind == .keyringCopyRewritten })
        let entries = try treasurer.audit.entries(AuditFilter(action: "vault.keyring.rewritten")).compactMap(\.event)
        #expect(entries.count == 1 && entries.first?.outcome == .failed)
    }
}
