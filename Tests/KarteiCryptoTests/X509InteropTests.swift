import Foundation
import KarteiCrypto
import KarteiTesting
import Testing

/// Certificates, CRLs, CMS envelopes, PKCS#12 bundles and encrypted keys made by KarteiCrypto,
/// checked with the stock `openssl` command-line tool (and the other way round).
@Suite("X.509 interop with openssl")
struct X509InteropTests {
    let openssl: String
    let dir: TemporaryDirectory
    let now = Date()
    let organization = "kartei 0011223344556677"
    let host = "v0011223344556677.kartei.invalid"

    init() throws {
        openssl = try #require(which("openssl"), "openssl must be installed (scripts/test installs it)")
        dir = try TemporaryDirectory("kartei-x509")
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = dir.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = dir.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func serial() throws -> [UInt8] { var s = try SecureRandom.bytes(16); s[0] = (s[0] & 0x7f) | 1; return s }

    func ca(_ key: PrivateKey, organization: String? = nil) throws -> Certificate {
        try CertificateBuilder.makeCA(key: key, commonName: "kartei CA", organization: organization ?? self.organization,
                                      uriHost: host, serial: serial(), notBefore: now.addingTimeInterval(-3600), validityDays: 3650)
    }

    func leaf(_ key: PrivateKey, ca: Certificate, caKey: PrivateKey, usages: Set<ExtendedKeyUsage> = [.clientAuth],
              organization: String? = nil, validityDays: Int = 365, notBefore: Date? = nil) throws -> Certificate {
        try CertificateBuilder.makeLeaf(
            subjectKey: key.publicKey, commonName: "Anja Seifert", organization: organization ?? self.organization,
            role: RoleExtension(role: "district", scope: "Görlitz"),
            uris: ["https://\(host)/role/district/G%C3%B6rlitz"], dnsNames: [], extendedKeyUsages: usages,
            serial: serial(), notBefore: notBefore ?? now.addingTimeInterval(-60), validityDays: validityDays,
            issuer: ca, issuerKey: caKey)
    }

    func crl(_ ca: Certificate, _ caKey: PrivateKey, revoked: [Certificate] = [], nextUpdate: Date? = nil) throws
        -> CertificateRevocationList {
        try CertificateRevocationList.make(
            issuer: ca, issuerKey: caKey,
            revoked: revoked.map { RevokedCertificate(serial: $0.serialNumber, revocationDate: now, reason: .affiliationChanged) },
            number: 1, thisUpdate: now.addingTimeInterval(-60), nextUpdate: nextUpdate ?? now.addingTimeInterval(30 * 86_400))
    }

    @Test("openssl verify accepts our CA, leaf and CRL; after revocation it says so")
    func verifyWithOpenSSL() throws {
        let caKey = try PrivateKey.generateP256()
        let authority = try ca(caKey)
        let userKey = try PrivateKey.generateP256()
        let user = try leaf(userKey, ca: authority, caKey: caKey)
        let caPath = try write(authority.pemEncoded, "ca.pem")
        let userPath = try write(user.pemEncoded, "user.pem")
        let emptyCRL = try write(crl(authority, caKey).pemEncoded, "crl.pem")
        let ok = try runCommand(openssl, ["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", caPath,
                                          "-crl_check", "-CRLfile", emptyCRL, userPath])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("OK"))

        let revokedCRL = try write(crl(authority, caKey, revoked: [user]).pemEncoded, "crl2.pem")
        let revoked = try runCommand(openssl, ["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", caPath,
                                               "-crl_check", "-CRLfile", revokedCRL, userPath])
        #expect(revoked.status != 0)
        #expect((revoked.stdout + revoked.stderr).contains("certificate revoked"))

        let text = try runCommand(openssl, ["x509", "-in", userPath, "-noout", "-text"]).stdout
        #expect(text.contains("URI:https://\(host)/role/district/G%C3%B6rlitz"))
        #expect(text.contains(RoleExtension.oid))
        #expect(text.contains("TLS Web Client Authentication"))
        let caText = try runCommand(openssl, ["x509", "-in", caPath, "-noout", "-text"]).stdout
        #expect(caText.contains("Name Constraints: critical"))
        #expect(caText.contains("pathlen:0"))
        let crlText = try runCommand(openssl, ["crl", "-in", revokedCRL, "-noout", "-text"]).stdout
        #expect(crlText.contains("Affiliation Changed"))
    }

    @Test("our certificate parser reads what the builder wrote")
    func parse() throws {
        let caKey = try PrivateKey.generateP256()
        let authority = try ca(caKey)
        let user = try leaf(PrivateKey.generateP256(), ca: authority, caKey: caKey)
        #expect(user.subjectCommonName == "Anja Seifert")
        #expect(user.subjectOrganization == organization)
        #expect(user.roleExtension == RoleExtension(role: "district", scope: "Görlitz"))
        #expect(user.uriSubjectAlternativeNames == ["https://\(host)/role/district/G%C3%B6rlitz"])
        #expect(user.extendedKeyUsages == [.clientAuth])
        #expect(!user.isCA && authority.isCA)
        #expect(user.isSignedBy(authority))
        #expect(user.serialNumber.count == 16)
        #expect(abs(user.notAfter.timeIntervalSince(user.notBefore) - 365 * 86_400) < 1)
        #expect(try Certificate(pemEncoded: user.pemEncoded) == user)
        #expect(try Certificate(derEncoded: user.derEncoded).serialHex == user.serialHex)
        let round = try CertificateRevocationList(pemEncoded: crl(authority, caKey, revoked: [user]).pemEncoded)
        #expect(round.revoked.map(\.serial) == [user.serialNumber])
        #expect(round.revoked.first?.reason == .affiliationChanged)
        #expect(round.crlNumber == 1)
        #expect(round.isSignedBy(authority))
    }

    @Test("the verifier refuses expired, future, revoked, foreign, tampered, wrong-purpose and unconstrained certificates")
    func verifierFailures() throws {
        let caKey = try PrivateKey.generateP256()
        let authority = try ca(caKey)
        let key = try PrivateKey.generateP256()
        let user = try leaf(key, ca: authority, caKey: caKey)
        let crlOK = try crl(authority, caKey)
        let verifier = CertificateVerifier(trustAnchor: authority, crls: [crlOK])
        #expect(verifier.verify(user, purpose: .clientAuth, at: now) == nil)
        #expect(CertificateVerifier(trustAnchor: authority, crls: []).verify(user, purpose: .clientAuth, at: now) == nil,
                "without CRLs revocation is not checked")
        // Times are checked without CRLs (with one, OpenSSL first reports the CRL's own validity).
        let noCRL = CertificateVerifier(trustAnchor: authority, crls: [])
        #expect(noCRL.verify(user, purpose: .clientAuth, at: now.addingTimeInterval(400 * 86_400)) == .expired)
        #expect(noCRL.verify(user, purpose: .clientAuth, at: now.addingTimeInterval(-7200)) == .notYetValid)
        #expect(CertificateVerifier(trustAnchor: authority, crls: [try crl(authority, caKey, revoked: [user])])
                    .verify(user, purpose: .clientAuth, at: now) == .revoked)
        // A rogue CA with the same name.
        let rogueKey = try PrivateKey.generateP256()
        let rogue = try ca(rogueKey)
        #expect(rogue.subjectDN == authority.subjectDN)
        let forged = try leaf(key, ca: rogue, caKey: rogueKey)
        let forgedResult = verifier.verify(forged, purpose: .clientAuth, at: now)
        #expect(forgedResult == .badSignature || forgedResult == .untrustedIssuer, "\(String(describing: forgedResult))")
        // A flipped byte in the signature.
        var bytes = user.derEncoded
        bytes[bytes.count - 5] ^= 0x01
        if let tampered = try? Certificate(derEncoded: bytes) {
            #expect(verifier.verify(tampered, purpose: .clientAuth, at: now) == .badSignature)
        }
        // Server-only certificate used as client.
        let server = try leaf(key, ca: authority, caKey: caKey, usages: [.serverAuth])
        #expect(verifier.verify(server, purpose: .clientAuth, at: now) == .wrongPurpose)
        // Outside the name constraint.
        let outsider = try leaf(key, ca: authority, caKey: caKey, organization: "somebody else")
        #expect(verifier.verify(outsider, purpose: .clientAuth, at: now) == .nameConstraintViolation)
        // CRL checks: missing, forged, expired.
        let otherKey = try PrivateKey.generateP256()
        let other = try ca(otherKey, organization: "another vault")
        #expect(CertificateVerifier(trustAnchor: authority, crls: [try crl(other, otherKey)])
                    .verify(user, purpose: .clientAuth, at: now) == .crlMissing)
        #expect(CertificateVerifier(trustAnchor: authority, crls: [try crl(rogue, rogueKey)])
                    .verify(user, purpose: .clientAuth, at: now) != nil, "a CRL signed by a same-named rogue CA")
        #expect(CertificateVerifier(trustAnchor: authority, crls: [try crl(authority, caKey, nextUpdate: now.addingTimeInterval(60))])
                    .verify(user, purpose: .clientAuth, at: now.addingTimeInterval(3600)) == .crlExpired)
    }

    @Test("CMS envelopes: openssl cms -decrypt opens ours; a stranger cannot; a flipped byte fails")
    func cms() throws {
        let caKey = try PrivateKey.generateP256()
        let authority = try ca(caKey)
        let aKey = try PrivateKey.generateP256()
        let bKey = try PrivateKey.generateP256()
        let a = try leaf(aKey, ca: authority, caKey: caKey)
        let b = try leaf(bKey, ca: authority, caKey: caKey)
        let secret = try SecretBytes(randomCount: 32)
        let envelope = try CMSEnvelope.seal(secret, to: [a, b])
        #expect(try CMSEnvelope.open(envelope, certificate: a, privateKey: aKey).constantTimeEquals(secret))
        #expect(try CMSEnvelope.open(envelope, certificate: b, privateKey: bKey).constantTimeEquals(secret))
        let stranger = try PrivateKey.generateP256()
        let strangerCertificate = try leaf(stranger, ca: authority, caKey: caKey)
        #expect(throws: CryptoError(.authenticationFailed)) {
            try CMSEnvelope.open(envelope, certificate: strangerCertificate, privateKey: stranger)
        }
        var damaged = envelope
        damaged[damaged.count - 3] ^= 0x01
        #expect(throws: CryptoError(.authenticationFailed)) { try CMSEnvelope.open(damaged, certificate: a, privateKey: aKey) }

        let envelopePath = try write(envelope, "key.cms")
        let out = dir.file("out.bin")
        let result = try runCommand(openssl, ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", envelopePath,
                                              "-recip", try write(a.pemEncoded, "a.pem"),
                                              "-inkey", try write(try aKey.pkcs8PEM(), "a.key"), "-out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))) == secret.withUnsafeBytes { Array($0) })
        let printed = try runCommand(openssl, ["cms", "-cmsout", "-print", "-inform", "DER", "-in", envelopePath]).stdout
        #expect(printed.contains("id-smime-ct-authEnvelopedData"))
        #expect(printed.contains("aes-256-gcm"))
        #expect(printed.contains("subjectKeyIdentifier"))
    }

    @Test("PKCS#12: openssl opens our bundle; a wrong passphrase is refused; certificates readable without it")
    func pkcs12() throws {
        let caKey = try PrivateKey.generateP256()
        let authority = try ca(caKey)
        let key = try PrivateKey.generateP256()
        let user = try leaf(key, ca: authority, caKey: caKey)
        let passphrase = SecretBytes(copying: Array("ABCD-EFGH-JKMN-PQRS-TUVW".utf8))
        let bundle = try PKCS12Bundle.make(certificate: user, privateKey: key, chain: [authority], friendlyName: "Anja",
                                           passphrase: passphrase, iterations: 2048)
        let contents = try PKCS12Bundle.open(bundle, passphrase: passphrase)
        #expect(contents.certificate == user)
        #expect(contents.privateKey.matches(try user.publicKey))
        #expect(contents.chain == [authority])
        #expect(throws: CryptoError(.wrongPassphrase)) {
            try PKCS12Bundle.open(bundle, passphrase: SecretBytes(copying: Array("wrong".utf8)))
        }
        #expect(try PKCS12Bundle.certificatesWithoutPassphrase(bundle).contains(user))
        let path = try write(bundle, "b.p12")
        let passFile = try write("ABCD-EFGH-JKMN-PQRS-TUVW\n", "pass.txt")
        let opened = try runCommand(openssl, ["pkcs12", "-in", path, "-passin", "file:\(passFile)", "-nodes"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("BEGIN CERTIFICATE") && opened.stdout.contains("BEGIN PRIVATE KEY"))
        let info = try runCommand(openssl, ["pkcs12", "-in", path, "-passin", "file:\(passFile)", "-info", "-noout"])
        #expect((info.stdout + info.stderr).contains("AES-256-CBC"))
    }

    @Test("encrypted PKCS#8 with scrypt: openssl pkcs8 reads ours, we read openssl's")
    func pkcs8() throws {
        let key = try PrivateKey.generateP256()
        let pem = try EncryptedPrivateKey.pem(key, passphrase: SecretBytes(copying: Array("ca passphrase 123".utf8)))
        let path = try write(pem, "ca-key.pem")
        let passFile = try write("ca passphrase 123\n", "pass.txt")
        let read = try runCommand(openssl, ["pkcs8", "-in", path, "-passin", "file:\(passFile)"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("BEGIN PRIVATE KEY"))
        let parsed = try runCommand(openssl, ["asn1parse", "-in", path]).stdout
        #expect(parsed.contains(":scrypt"))
        #expect(try EncryptedPrivateKey.decrypt(pem: pem, passphrase: SecretBytes(copying: Array("ca passphrase 123".utf8)))
                    .matches(key.publicKey))
        #expect(throws: CryptoError(.wrongPassphrase)) {
            try EncryptedPrivateKey.decrypt(pem: pem, passphrase: SecretBytes(copying: Array("wrong".utf8)))
        }
        let theirs = dir.file("theirs.pem")
        let generated = try runCommand(openssl, ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                                                 "-aes-256-cbc", "-pass", "file:\(passFile)", "-out", theirs])
        #expect(generated.status == 0)
        _ = try EncryptedPrivateKey.decrypt(pem: String(contentsOfFile: theirs, encoding: .utf8),
                                            passphrase: SecretBytes(copying: Array("ca passphrase 123".utf8)))
    }

    @Test("certificate requests: requested extensions are visible; the self-signature is checked")
    func requests() throws {
        let key = try PrivateKey.generateP256()
        let keyPath = try write(try key.pkcs8PEM(), "k.pem")
        let asking = try runCommand(openssl, ["req", "-new", "-key", keyPath, "-subj", "/CN=x",
                                              "-addext", "subjectAltName=URI:https://evil.example/"])
        let withExtensions = try CertificateSigningRequest(pemEncoded: asking.stdout)
        #expect(withExtensions.requestedExtensionOIDs == ["2.5.29.17"])
        #expect(withExtensions.isSelfSignatureValid)
        let plain = try CertificateSigningRequest(pemEncoded: runCommand(openssl, ["req", "-new", "-key", keyPath, "-subj", "/CN=y"]).stdout)
        #expect(plain.requestedExtensionOIDs.isEmpty)
        #expect(plain.subjectCommonName == "y")
        #expect(try plain.publicKey == key.publicKey)
        let ours = try CertificateSigningRequest.make(key: key, commonName: "z", requestingSubjectAltURI: "https://x.example/")
        #expect(ours.requestedExtensionOIDs == ["2.5.29.17"])
        let der = try Data(base64Encoded: plain.pemEncoded.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined())!
        var bytes = [UInt8](der)
        bytes[bytes.count - 4] ^= 0x01
        if let tampered = try? CertificateSigningRequest(derEncoded: bytes) { #expect(!tampered.isSelfSignatureValid) }
    }
}
