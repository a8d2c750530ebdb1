import Foundation
import GRDB
@testable import KarteiCore
import KarteiCrypto
import KarteiMessages
import KarteiTesting
import KarteiVault
import Testing

/// Identities end to end: the vault's CA, users per role, certificate key holders, the checks
/// before anything else, lockout, revocation, and the stock openssl agreeing with each state.
@Suite("Identities and sessions")
struct IdentityTests {
    func openssl() throws -> String { try #require(which("openssl")) }

    func events(_ install: TestInstallation) throws -> [AuditEvent] {
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        return try session.vault.read { db in try AuditLog.entries(db).compactMap(\.event) }
    }

    @Test("every role opens a session with its certificate; the principal comes from the vault's record")
    func everyRole() throws {
        let install = try TestInstallation()
        for role in Role.allCases {
            let session = try install.session(role)
            #expect(session.principal.role == role)
            #expect(session.principal.kind == .user)
            #expect(session.principal.scope == (role == .district ? .district("Leipzig") : .all))
            if role != .treasurer && role != .server { #expect(session.principal.client.contains("via holder")) }
            try session.close()
        }
        let opens = try events(install).filter { $0.action == "vault.open" && $0.outcome == .success }
        #expect(opens.count >= Role.allCases.count)
    }

    @Test("a district officer works inside the district and is denied outside; the denial is recorded")
    func districtScope() throws {
        let install = try TestInstallation()
        let session = try install.session(.district)
        try session.authorize(.memberRead, on: .district("Leipzig"))
        let error = #expect(throws: AccessDenied.self) { try session.authorize(.memberRead, on: .district("Dresden")) }
        #expect(error?.exitCode == .permissionDenied)
        #expect(error?.message.text(in: .english).contains("district officer Leipzig may not read members (district Dresden)") == true)
        #expect(throws: AccessDenied.self) { try session.org.addDistrict("Nowhere") }
        try session.close()
        let denials = try events(install).filter { $0.outcome == .denied }
        #expect(denials.contains { $0.action == "memberRead" && $0.actorScope == "Leipzig" })
        #expect(denials.contains { $0.action == "orgWrite" })
    }

    @Test("the vault passphrase administers the vault but never reads member data")
    func keyHolderPrincipal() throws {
        let install = try TestInstallation()
        let session = try install.keyHolderSession()
        #expect(session.principal.kind == .keyHolder)
        #expect(try session.users.list().count == Role.allCases.count)
        let error = #expect(throws: AccessDenied.self) { try session.authorize(.memberRead, on: .district("Leipzig")) }
        #expect(error?.message.text(in: .english).contains("personal certificate") == true)
        try session.close()
    }

    @Test("the treasurer's key envelope opens with openssl cms -decrypt and holds the data key")
    func cmsKeyHolder() throws {
        let install = try TestInstallation()
        let member = install.members[.treasurer]!
        let identity = try member.source.load()
        let keyFile = install.dir.file("treasurer.key")
        try identity.privateKey.pkcs8PEM().write(toFile: keyFile, atomically: true, encoding: .utf8)
        let certFile = install.dir.file("treasurer.pem")
        try identity.certificate.pemEncoded.write(toFile: certFile, atomically: true, encoding: .utf8)
        let envelope = try KeyringInspection.certificateEnvelope(at: install.vaultPath, for: identity.certificate)
        let envelopeFile = install.dir.file("dk.cms")
        try Data(envelope).write(to: URL(fileURLWithPath: envelopeFile))
        let out = install.dir.file("dk.bin")
        let result = try runCommand(openssl(), ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", envelopeFile,
                                                "-recip", certFile, "-inkey", keyFile, "-out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let decrypted = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(decrypted.count == 32)
        // The key that came out opens the vault: it is the data key.
        #expect(try KeyringInspection.isDataKey(decrypted, at: install.vaultPath))
    }

    @Test("openssl opens the bundle with its transport passphrase and verifies the certificate with the CRL")
    func opensslAgrees() throws {
        let install = try TestInstallation()
        let member = install.members[.district]!
        let passFile = install.dir.file("pass.txt")
        try (String(decoding: member.passphrase.withUnsafeBytes { Array($0) }, as: UTF8.self) + "\n")
            .write(toFile: passFile, atomically: true, encoding: .utf8)
        let opened = try runCommand(openssl(), ["pkcs12", "-in", member.path, "-passin", "file:\(passFile)", "-nodes"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let (caFile, crlFile, userFile) = try exportPKI(install, role: .district)
        let verify = ["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", caFile, "-crl_check", "-CRLfile", crlFile, userFile]
        let ok = try runCommand(openssl(), verify)
        #expect(ok.status == 0, "\(ok.stdout) \(ok.stderr)")

        let treasurer = try install.session(.treasurer)
        let result = try treasurer.authority.revoke(member.userID, reason: .affiliationChanged, caKey: install.caKey)
        #expect(result.crlSigned && result.holderIDs.isEmpty)
        try treasurer.close()
        let (_, crlAfter, _) = try exportPKI(install, role: .district)
        let revoked = try runCommand(openssl(), ["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", caFile,
                                                 "-crl_check", "-CRLfile", crlAfter, userFile])
        #expect(revoked.status != 0)
        #expect((revoked.stdout + revoked.stderr).contains("certificate revoked"))
        let error = #expect(throws: CoreError.self) { try install.session(.district) }
        #expect(error?.code == .identityRevoked || error?.code == .identityUserRevoked)
        #expect(error?.exitCode == .identityRefused)
        #expect(try events(install).contains { $0.action == "identity.refused" && $0.outcome == .denied })
    }

    /// CA certificate, current CRL and a role's certificate as PEM files.
    func exportPKI(_ install: TestInstallation, role: Role) throws -> (String, String, String) {
        let session = try install.keyHolderSession()
        defer { try? session.close() }
        let ca = install.dir.file("ca.pem")
        try session.authority.certificate().pemEncoded.write(toFile: ca, atomically: true, encoding: .utf8)
        let crl = install.dir.file("crl-\(UUID().uuidString.prefix(6)).pem")
        try session.authority.currentCRL()!.pemEncoded.write(toFile: crl, atomically: true, encoding: .utf8)
        let user = install.dir.file("\(role.rawValue).pem")
        try install.members[role]!.source.certificate().pemEncoded.write(toFile: user, atomically: true, encoding: .utf8)
        return (ca, crl, user)
    }

    @Test("wrong passphrases are counted and lock the user; the treasurer resets them")
    func lockout() throws {
        let install = try TestInstallation()
        let member = install.members[.office]!
        var wrong = install.credentials(.office)
        wrong.identity = IdentitySource(path: member.path, passphrase: SecretBytes(copying: Array("nope".utf8)))
        for attempt in 1...5 {
            let error = #expect(throws: CoreError.self) {
                try KarteiSession.open(at: install.vaultPath, credentials: wrong, options: install.options)
            }
            #expect(error?.code == (attempt < 5 ? .identityWrongPassphrase : .identityUserLocked), "attempt \(attempt)")
        }
        // Now even the right passphrase is refused.
        #expect(throws: CoreError(.identityUserLocked)) { try install.session(.office) }
        let treasurer = try install.session(.treasurer)
        try treasurer.users.setStatus(member.userID, .resetAttempts)
        try treasurer.close()
        try install.session(.office).close()
    }

    @Test("expired and not-yet-valid certificates are refused with the date")
    func validity() throws {
        let install = try TestInstallation()
        var later = install.options
        later.now = { Date().addingTimeInterval(400 * 86_400) }
        let expired = #expect(throws: CoreError.self) {
            try KarteiSession.open(at: install.vaultPath, credentials: install.credentials(.treasurer), options: later)
        }
        #expect(expired?.code == .identityExpired)
        #expect(expired?.message.text(in: .english).contains("expired on") == true)
        var earlier = install.options
        earlier.now = { Date().addingTimeInterval(-86_400) }
        #expect(throws: CoreError(.identityNotYetValid)) {
            try KarteiSession.open(at: install.vaultPath, credentials: install.credentials(.office), options: earlier)
        }
    }

    @Test("a certificate from a foreign CA with the same names is refused")
    func foreignCA() throws {
        let install = try TestInstallation()
        let other = try TestInstallation()
        var credentials = install.credentials(.office)
        credentials.identity = other.members[.office]!.source
        let error = #expect(throws: CoreError.self) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
        #expect(error?.code == .identityForeignCA || error?.code == .identityTampered)
    }

    @Test("a PEM identity whose key does not match its certificate is refused")
    func keyMismatch() throws {
        let install = try TestInstallation()
        let identity = try install.members[.office]!.source.load()
        let pem = install.dir.file("mismatch.pem")
        try (identity.certificate.pemEncoded + (try PrivateKey.generateP256().pkcs8PEM())).write(toFile: pem, atomically: true, encoding: .utf8)
        var credentials = install.credentials(.office)
        credentials.identity = IdentitySource(path: pem, passphrase: SecretBytes(copying: Array("x".utf8)))
        #expect(throws: CoreError(.identityKeyMismatch)) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
    }

    @Test("a tampered certificate and a certificate for the wrong purpose are refused")
    func tamperedAndWrongPurpose() throws {
        let install = try TestInstallation()
        let identity = try install.members[.office]!.source.load()
        var bytes = identity.certificate.derEncoded
        bytes[bytes.count - 6] ^= 0x01
        let tampered = try Certificate(derEncoded: bytes)
        let pem = install.dir.file("tampered.pem")
        try (tampered.pemEncoded + identity.privateKey.pkcs8PEM()).write(toFile: pem, atomically: true, encoding: .utf8)
        var credentials = install.credentials(.office)
        credentials.identity = IdentitySource(path: pem, passphrase: SecretBytes(copying: Array("x".utf8)))
        #expect(throws: CoreError(.identityTampered)) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
        // Signed by the vault's own CA, but for servers only.
        let session = try install.keyHolderSession()
        let ca = try session.authority.certificate()
        try session.close()
        let serverOnly = try CertificateBuilder.makeLeaf(
            subjectKey: identity.privateKey.publicKey, commonName: "Test office", organization: ca.subjectOrganization!,
            role: RoleExtension(role: "office", scope: nil), uris: [], dnsNames: ["localhost"], extendedKeyUsages: [.serverAuth],
            serial: try SecureRandom.bytes(16), notBefore: Date().addingTimeInterval(-60), validityDays: 30,
            issuer: ca, issuerKey: install.caKey)
        let purposePEM = install.dir.file("server-only.pem")
        try (serverOnly.pemEncoded + identity.privateKey.pkcs8PEM()).write(toFile: purposePEM, atomically: true, encoding: .utf8)
        credentials.identity = IdentitySource(path: purposePEM, passphrase: SecretBytes(copying: Array("x".utf8)))
        #expect(throws: CoreError(.identityWrongPurpose)) {
            try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options)
        }
    }

    @Test("issuing: needs a declaration, refuses requests asking for extensions, accepts plain requests")
    func issuing() throws {
        let install = try TestInstallation()
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        let user = try session.users.add(name: "New Officer", role: .district, scope: .district("Dresden"), declarationDate: nil)
        #expect(throws: CoreError(.declarationMissing)) { try session.authority.issue(userID: user.id!, caKey: install.caKey) }
        #expect(throws: CoreError(.declarationInvalid)) { try session.users.setDeclaration(user.id!, date: "31.02.2026") }
        #expect(throws: CoreError(.declarationInvalid)) { try session.users.setDeclaration(user.id!, date: "01.01.2999") }
        try session.users.setDeclaration(user.id!, date: "01.11.2026")
        let key = try PrivateKey.generateP256()
        let asking = try CertificateSigningRequest.make(key: key, commonName: "New Officer", requestingSubjectAltURI: "https://evil/")
        #expect(throws: CoreError(.csrHasExtensions)) {
            try session.authority.issue(userID: user.id!, caKey: install.caKey, request: asking)
        }
        let plain = try CertificateSigningRequest.make(key: key, commonName: "whatever the request says")
        let issued = try session.authority.issue(userID: user.id!, caKey: install.caKey, request: plain)
        #expect(issued.bundle == nil)
        #expect(issued.certificate.subjectCommonName == "New Officer", "the CA decides the name")
        #expect(issued.certificate.roleExtension == RoleExtension(role: "district", scope: "Dresden"))
        #expect(throws: CoreError(.caExists)) { try session.authority.create() }
        #expect(throws: CoreError(.roleNeedsDistrict)) { try session.users.add(name: "X", role: .district, scope: .all, declarationDate: nil) }
        #expect(throws: CoreError(.districtUnknown)) {
            try session.users.add(name: "X", role: .district, scope: .district("Atlantis"), declarationDate: nil)
        }
        #expect(throws: CoreError(.notAKeyHolderRole)) { try session.vaultAdmin.addKeyHolder(userID: user.id!) }
    }

    @Test("renewal supersedes the old certificate: the old bundle is refused, the new one works")
    func renewal() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        let member = install.members[.statistician]!
        let renewed = try treasurer.authority.issue(userID: member.userID, caKey: install.caKey)
        try treasurer.close()
        #expect(throws: CoreError(.identityNotCurrent)) { try install.session(.statistician) }
        let path = install.dir.file("renewed.p12")
        try Data(renewed.bundle!).write(to: URL(fileURLWithPath: path))
        var credentials = install.credentials(.statistician)
        credentials.identity = IdentitySource(path: path, passphrase: SecretBytes(copying: Array(renewed.transportPassphrase!.utf8)))
        try KarteiSession.open(at: install.vaultPath, credentials: credentials, options: install.options).close()
    }

    @Test("revoking a key holder rotates the data key: its key no longer opens the vault")
    func revokeKeyHolder() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        let result = try treasurer.authority.revoke(install.members[.server]!.userID, reason: .keyCompromise, caKey: install.caKey)
        #expect(result.holderIDs.count == 1)
        let unlocker = treasurer.unlocker
        try treasurer.close()
        _ = try Vault.rekey(at: install.vaultPath, unlocking: unlocker, removingHolders: Set(result.holderIDs),
                            options: install.options)
        let server = try install.members[.server]!.source.load()
        #expect(throws: VaultError(.wrongKey)) {
            try Vault.open(at: install.vaultPath, unlocking: .holderKey(certificateDER: server.certificate.derEncoded,
                                                                        privateKey: server.privateKey), options: install.options)
        }
        // The roles that went through the server now have no holder to go through.
        #expect(throws: (any Error).self) { try install.session(.office) }
        try install.session(.treasurer).close()
    }
}

/// Reads the key-holder envelopes of a vault file (test support).
enum KeyringInspection {
    static func certificateEnvelope(at path: String, for certificate: Certificate) throws -> [UInt8] {
        let vault = try Vault.open(at: path, unlocking: .passphrase(TestVaults.passphrase), options: TestVaults.options())
        defer { try? vault.close() }
        return try #require(vault.holderEnvelope(for: certificate))
    }

    static func isDataKey(_ key: [UInt8], at path: String) throws -> Bool {
        let vault = try Vault.open(at: path, unlocking: .passphrase(TestVaults.passphrase), options: TestVaults.options())
        defer { try? vault.close() }
        return vault.isDataKey(SecretBytes(copying: key))
    }
}
