import Foundation
import KarteiCrypto
import Testing

/// Published test vectors: the GCM specification (McGrew & Viega, test case 16), RFC 5869 A.1,
/// RFC 7914 §12, RFC 4231 test case 1, FIPS 180-2.
@Suite("Crypto vectors")
struct VectorTests {
    func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = s.startIndex
        while index < s.endIndex {
            let next = s.index(index, offsetBy: 2)
            out.append(UInt8(s[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    func bytes(_ secret: SecretBytes) -> [UInt8] { secret.withUnsafeBytes { Array($0) } }

    @Test("AES-256-GCM: GCM spec test case 16")
    func aesGCM() throws {
        let key = SecretBytes(copying: hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"))
        let nonce = hex("cafebabefacedbaddecaf888")
        let plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
        let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        let box = try AES256GCM.seal(plaintext, key: key, nonce: nonce, authenticating: aad)
        #expect(box.ciphertext == hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"))
        #expect(box.tag == hex("76fc6ece0f4e1768cddf8853bb2d551b"))
        #expect(bytes(try AES256GCM.open(box, key: key, authenticating: aad)) == plaintext)
        var damaged = box
        damaged.ciphertext[0] ^= 1
        #expect(throws: CryptoError(.authenticationFailed)) { try AES256GCM.open(damaged, key: key, authenticating: aad) }
        #expect(throws: CryptoError(.authenticationFailed)) { try AES256GCM.open(box, key: key, authenticating: aad + [0]) }
    }

    @Test("HKDF-SHA256: RFC 5869 A.1")
    func hkdf() throws {
        let okm = try HKDF.deriveKey(from: SecretBytes(copying: [UInt8](repeating: 0x0b, count: 22)),
                                     salt: hex("000102030405060708090a0b0c"), info: hex("f0f1f2f3f4f5f6f7f8f9"),
                                     outputByteCount: 42)
        #expect(bytes(okm) == hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
    }

    @Test("scrypt: RFC 7914 §12")
    func scrypt() throws {
        let key = try Scrypt.deriveKey(passphrase: SecretBytes(copying: Array("password".utf8)), salt: Array("NaCl".utf8),
                                       parameters: ScryptParameters(logN: 10, r: 8, p: 16), outputByteCount: 64)
        #expect(bytes(key) == hex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"))
        #expect(throws: CryptoError(.invalidInput)) {
            try Scrypt.deriveKey(passphrase: SecretBytes(copying: [1]), salt: [1], parameters: ScryptParameters(logN: 40, r: 8, p: 1))
        }
    }

    @Test("HMAC-SHA256: RFC 4231 case 1; SHA-256 of abc")
    func hmacAndHash() throws {
        let mac = HMACSHA256.authenticate(Array("Hi There".utf8), key: SecretBytes(copying: [UInt8](repeating: 0x0b, count: 20)))
        #expect(mac == hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"))
        #expect(SHA256.hash(Array("abc".utf8)) == hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }

    @Test("P-256: ECDH agrees both ways; PKCS#8 round trip")
    func p256() throws {
        let a = try PrivateKey.generateP256()
        let b = try PrivateKey.generateP256()
        #expect(try a.sharedSecret(with: b.publicKey).constantTimeEquals(b.sharedSecret(with: a.publicKey)))
        let restored = try PrivateKey(der: a.pkcs8DER())
        #expect(restored.matches(try a.publicKey))
        #expect(!restored.matches(try b.publicKey))
        #expect(try a.publicKey.isP256)
    }
}

/// The signed-note vectors of golang.org/x/mod (reference/vectors/signed-note, BSD-3-Clause):
/// Ed25519 signatures over a note body, checked with our verifier.
@Suite("Ed25519 signed-note vectors")
struct SignedNoteVectorTests {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/signed-note")

    func spkiToRaw(_ der: [UInt8]) -> [UInt8] { Array(der.suffix(32)) }

    @Test("both vector signatures verify; the tampered text does not")
    func vectors() throws {
        let text = try [UInt8](Data(contentsOf: Self.vectors.appendingPathComponent("text.txt")))
        let tampered = try [UInt8](Data(contentsOf: Self.vectors.appendingPathComponent("tampered.txt")))
        for name in ["PeterNeumann", "EnochRoot"] {
            let der = try [UInt8](Data(contentsOf: Self.vectors.appendingPathComponent("\(name).pub.der")))
            let signature = try [UInt8](Data(contentsOf: Self.vectors.appendingPathComponent("\(name).sig")))
            let key = try PublicKey.ed25519(raw: spkiToRaw(der))
            #expect(key.spkiDER == der)
            #expect(key.ed25519Verify(signature: signature, message: text), "\(name)")
            #expect(!key.ed25519Verify(signature: signature, message: tampered), "\(name)")
        }
    }

    @Test("sign and verify round trip")
    func roundTrip() throws {
        let key = try PrivateKey.generateEd25519()
        let signature = try key.ed25519Sign(Array("hello\n".utf8))
        let publicKey = try PublicKey.ed25519(raw: key.rawPublicKey)
        #expect(publicKey.ed25519Verify(signature: signature, message: Array("hello\n".utf8)))
        #expect(!publicKey.ed25519Verify(signature: signature, message: Array("hello!".utf8)))
    }
}
