import COpenSSL
import Foundation

public struct PKCS12Contents: @unchecked Sendable {
    public var certificate: Certificate
    public var privateKey: PrivateKey
    public var chain: [Certificate]
}

/// PKCS#12 bundles for delivering a user's certificate, key and the CA certificate.
public enum PKCS12Bundle {
    /// The key under PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256, `iterations`); certificates in clear
    /// (so kartei can see whose bundle it is before asking for the passphrase); HMAC-SHA256 MAC.
    public static func make(certificate: Certificate, privateKey: PrivateKey, chain: [Certificate], friendlyName: String,
                            passphrase: SecretBytes, iterations: Int) throws -> [UInt8] {
        var pointers: [OpaquePointer?] = chain.map { $0.pointer }
        let p12: OpaquePointer? = passphrase.withUnsafeBytes { pass in
            let text = Array(pass) + [0]
            return text.withUnsafeBufferPointer { cString in
                pointers.withUnsafeMutableBufferPointer { list in
                    cString.baseAddress!.withMemoryRebound(to: CChar.self, capacity: cString.count) {
                        CKartei_p12_create($0, friendlyName, privateKey.pointer, certificate.pointer, list.baseAddress,
                                           Int32(list.count), Int32(iterations))
                    }
                }
            }
        }
        guard let p12 else { throw CryptoError.openSSL(.certificate, "PKCS12_create") }
        defer { PKCS12_free(p12) }
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PKCS12(p12, &out)
        guard length > 0, let out else { throw CryptoError.openSSL(.certificate, "i2d_PKCS12") }
        defer { CKartei_OPENSSL_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    static func parse(_ der: [UInt8]) throws -> OpaquePointer {
        let p12: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var p: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PKCS12(nil, &p, buffer.count)
        }
        guard let p12 else { throw CryptoError.openSSL(.invalidInput, "d2i_PKCS12") }
        return p12
    }

    public static func open(_ der: [UInt8], passphrase: SecretBytes) throws -> PKCS12Contents {
        let p12 = try parse(der)
        defer { PKCS12_free(p12) }
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        var chain: OpaquePointer?
        let result: Int32 = passphrase.withUnsafeBytes { pass in
            let text = Array(pass) + [0]
            return text.withUnsafeBufferPointer { cString in
                cString.baseAddress!.withMemoryRebound(to: CChar.self, capacity: cString.count) {
                    CKartei_p12_open(p12, $0, &key, &certificate, &chain)
                }
            }
        }
        defer { if let chain { CKartei_certs_free(chain) } }
        guard result == 1, let key, let certificate else {
            if let key { EVP_PKEY_free(key) }
            if let certificate { X509_free(certificate) }
            _ = OpenSSLErrorQueue.drain()
            switch result {
            case 0: throw CryptoError(.wrongPassphrase, "PKCS#12 MAC")
            case -2: throw CryptoError(.unsupportedAlgorithm, "PKCS#12 bag encryption (legacy RC2/3DES?)")
            default: throw CryptoError(.invalidInput, "PKCS12_parse")
            }
        }
        let owned = PrivateKey(taking: key)
        let leaf = try Certificate(taking: certificate)
        var others: [Certificate] = []
        for index in 0..<CKartei_certs_count(chain) {
            if let next = CKartei_certs_get1(chain, index) { others.append(try Certificate(taking: next)) }
        }
        return PKCS12Contents(certificate: leaf, privateKey: owned, chain: others)
    }

    /// SHA-256 of each encrypted private key the bundle carries in its unencrypted part, read
    /// without the passphrase. kartei records it when it makes a bundle, so that a failed
    /// passphrase counts against a user only for the bundle that holds the key kartei issued, not
    /// for any file someone assembled around that user's (public) certificate.
    public static func encryptedKeyDigests(_ der: [UInt8]) throws -> [[UInt8]] {
        let p12 = try parse(der)
        defer { PKCS12_free(p12) }
        var digests: [[UInt8]] = []
        for index in 0..<16 {
            var out: UnsafeMutablePointer<UInt8>?
            let length = CKartei_p12_shrouded_key(p12, Int32(index), &out)
            defer { if let out { CKartei_OPENSSL_free(out) } }
            guard length > 0, let out else { break }
            digests.append(SHA256.hash(Array(UnsafeBufferPointer(start: out, count: Int(length)))))
        }
        _ = OpenSSLErrorQueue.drain()
        return digests
    }

    public static func certificatesWithoutPassphrase(_ der: [UInt8]) throws -> [Certificate] {
        let p12 = try parse(der)
        defer { PKCS12_free(p12) }
        guard let stack = CKartei_p12_plain_certs(p12) else { return [] }
        defer { CKartei_certs_free(stack) }
        _ = OpenSSLErrorQueue.drain()
        return try (0..<CKartei_certs_count(stack)).compactMap { index in
            try CKartei_certs_get1(stack, index).map { try Certificate(taking: $0) }
        }
    }
}
