import Foundation
import KarteiCrypto
import KarteiTesting
import Testing

extension X509InteropTests {
    @Test("CMS SignedData: ours verifies in openssl and back; wrong anchor, time, purpose or content fail")
    func signedData() throws {
        let caKey = try PrivateKey.generateP256()
        let authority = try ca(caKey)
        let userKey = try PrivateKey.generateP256()
        let user = try leaf(userKey, ca: authority, caKey: caKey)
        let content = Array(#"{"a":"Müller"}"#.utf8)
        let signed = try CMSSignedData.sign(content, certificate: user, privateKey: userKey)
        #expect(signed.unverifiedContent == content)
        #expect(signed.signerCertificate == user)
        #expect(try signed.verify(trustAnchor: authority, purpose: .clientAuth, at: now) == content)

        let caPath = try write(authority.pemEncoded, "signed-ca.pem")
        let signedPath = try write(signed.derEncoded, "signed.der")
        let verified = try runCommand(openssl, ["cms", "-verify", "-binary", "-inform", "DER", "-in", signedPath,
                                                "-CAfile", caPath, "-purpose", "sslclient", "-out", dir.file("out.bin")])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(FileManager.default.contents(atPath: dir.file("out.bin")).map([UInt8].init) == content)
        let printed = try runCommand(openssl, ["cms", "-cmsout", "-print", "-inform", "DER", "-in", signedPath])
        #expect(printed.stdout.contains("sha256") && printed.stdout.contains("signingTime"))

        // openssl's own signature (same profile) verifies here.
        let keyPath = try write(try userKey.pkcs8PEM(), "signer-key.pem")
        let userPath = try write(user.pemEncoded, "signer.pem")
        let inPath = try write(content, "content.bin")
        let made = try runCommand(openssl, ["cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-signer", userPath,
                                            "-inkey", keyPath, "-in", inPath, "-outform", "DER", "-out", dir.file("theirs.der")])
        #expect(made.status == 0, "\(made.stderr)")
        let theirs = try CMSSignedData(derEncoded: [UInt8](try #require(FileManager.default.contents(atPath: dir.file("theirs.der")))))
        #expect(try theirs.verify(trustAnchor: authority, purpose: .clientAuth, at: now) == content)

        let otherKey = try PrivateKey.generateP256()
        #expect(throws: CryptoError(.authenticationFailed)) {
            try signed.verify(trustAnchor: try ca(otherKey), purpose: .clientAuth, at: now)
        }
        #expect(throws: CryptoError(.authenticationFailed)) {
            try signed.verify(trustAnchor: authority, purpose: .clientAuth, at: now.addingTimeInterval(400 * 86_400))
        }
        #expect(throws: CryptoError(.authenticationFailed)) {
            try signed.verify(trustAnchor: authority, purpose: .serverAuth, at: now)
        }
        var der = signed.derEncoded
        let needle = Array("Müll".utf8)
        let at = try #require((0...(der.count - needle.count)).first { Array(der[$0..<($0 + needle.count)]) == needle })
        der[at] = UInt8(ascii: "N")
        #expect(throws: CryptoError(.authenticationFailed)) {
            try CMSSignedData(derEncoded: der).verify(trustAnchor: authority, purpose: .clientAuth, at: now)
        }
        #expect(throws: CryptoError(.invalidInput)) { try CMSSignedData(derEncoded: Array(der.dropLast())) }
        let envelope = try CMSEnvelope.seal(SecretBytes(copying: content), to: [user])
        #expect(throws: CryptoError(.invalidInput)) { try CMSSignedData(derEncoded: envelope) }
        #expect(CMSEnvelope.isRecipient(envelope, certificate: user) == true)
        #expect(CMSEnvelope.isRecipient(envelope, certificate: authority) == false)
        #expect(CMSEnvelope.isRecipient(signed.derEncoded, certificate: user) == nil)
        #expect(throws: CryptoError(.invalidKey)) { try CMSSignedData.sign(content, certificate: user, privateKey: otherKey) }
    }
}
