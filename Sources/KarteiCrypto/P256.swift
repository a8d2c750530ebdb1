import COpenSSL
import Foundation

/// An owned EVP_PKEY.
public final class PrivateKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// A new ECDSA/ECDH P-256 key pair.
    public static func generateP256() throws -> PrivateKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else {
            throw CryptoError.openSSL(.openSSL, "EVP_PKEY_CTX_new_from_name(EC)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
              EVP_PKEY_CTX_set_group_name(context, "P-256") == 1,
              EVP_PKEY_generate(context, &key) == 1, let key else {
            throw CryptoError.openSSL(.openSSL, "EVP_PKEY_generate(P-256)")
        }
        return PrivateKey(taking: key)
    }

    /// A new Ed25519 key.
    public static func generateEd25519() throws -> PrivateKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "ED25519", nil) else {
            throw CryptoError.openSSL(.openSSL, "EVP_PKEY_CTX_new_from_name(ED25519)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_generate(context, &key) == 1, let key else {
            throw CryptoError.openSSL(.openSSL, "EVP_PKEY_generate(ED25519)")
        }
        return PrivateKey(taking: key)
    }

    /// Unencrypted PKCS#8 PrivateKeyInfo, DER. Wipe or encrypt it: this is the secret.
    public func pkcs8DER() throws -> SecretBytes {
        guard let bio = CKartei_BIO_new_mem() else { throw CryptoError.openSSL(.openSSL, "BIO_new") }
        defer { BIO_free(bio) }
        guard i2d_PKCS8PrivateKey_bio(bio, pointer, nil, nil, 0, nil, nil) == 1 else {
            throw CryptoError.openSSL(.openSSL, "i2d_PKCS8PrivateKey_bio")
        }
        return try BIOBytes.secret(bio)
    }

    /// Reads an unencrypted PKCS#8 (or traditional) DER private key.
    public convenience init(der: SecretBytes) throws {
        let key: OpaquePointer? = der.withUnsafeBytes { buffer in
            var pointer: UnsafePointer<UInt8>? = buffer.bindMemory(to: UInt8.self).baseAddress
            return d2i_AutoPrivateKey(nil, &pointer, buffer.count)
        }
        guard let key else { throw CryptoError.openSSL(.invalidKey, "d2i_AutoPrivateKey") }
        self.init(taking: key)
    }

    /// The public half.
    public var publicKey: PublicKey {
        get throws {
            var out: UnsafeMutablePointer<UInt8>?
            let length = i2d_PUBKEY(pointer, &out)
            guard length > 0, let out else { throw CryptoError.openSSL(.openSSL, "i2d_PUBKEY") }
            defer { CKartei_OPENSSL_free(out) }
            return try PublicKey(spkiDER: Array(UnsafeBufferPointer(start: out, count: Int(length))))
        }
    }

    /// ECDH with a peer's public key: the 32-byte shared secret (x coordinate).
    public func sharedSecret(with peer: PublicKey) throws -> SecretBytes {
        guard let context = EVP_PKEY_CTX_new(pointer, nil) else {
            throw CryptoError.openSSL(.openSSL, "EVP_PKEY_CTX_new")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var length = 0
        guard EVP_PKEY_derive_init(context) == 1, EVP_PKEY_derive_set_peer(context, peer.pointer) == 1,
              EVP_PKEY_derive(context, nil, &length) == 1 else {
            throw CryptoError.openSSL(.invalidKey, "ECDH")
        }
        var secret = [UInt8](repeating: 0, count: length)
        defer { OPENSSL_cleanse(&secret, secret.count) }
        guard EVP_PKEY_derive(context, &secret, &length) == 1 else { throw CryptoError.openSSL(.invalidKey, "ECDH") }
        return SecretBytes(copying: secret.prefix(length))
    }

    /// Whether this is the private half of the given public key.
    public func matches(_ publicKey: PublicKey) -> Bool {
        EVP_PKEY_eq(pointer, publicKey.pointer) == 1
    }
}

/// An owned public EVP_PKEY, read from and written as SubjectPublicKeyInfo DER.
public final class PublicKey: @unchecked Sendable, Equatable {
    let pointer: OpaquePointer
    /// SubjectPublicKeyInfo, DER.
    public let spkiDER: [UInt8]

    public init(spkiDER: [UInt8]) throws {
        let key: OpaquePointer? = spkiDER.withUnsafeBufferPointer { buffer in
            var p: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &p, buffer.count)
        }
        guard let key else { throw CryptoError.openSSL(.invalidKey, "d2i_PUBKEY") }
        pointer = key
        self.spkiDER = spkiDER
    }

    init(taking pointer: OpaquePointer) throws {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PUBKEY(pointer, &out)
        guard length > 0, let out else {
            EVP_PKEY_free(pointer)
            throw CryptoError.openSSL(.openSSL, "i2d_PUBKEY")
        }
        defer { CKartei_OPENSSL_free(out) }
        self.pointer = pointer
        self.spkiDER = Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    deinit { EVP_PKEY_free(pointer) }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.spkiDER == rhs.spkiDER }

    /// True for a P-256 key.
    public var isP256: Bool {
        var name = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(pointer, "group", &name, name.count, &length) == 1 else { return false }
        return String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) == "prime256v1"
            || String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) == "P-256"
    }
}

enum BIOBytes {
    static func bytes(_ bio: OpaquePointer) -> [UInt8] {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = CKartei_BIO_get_mem_data(bio, &pointer)
        guard length > 0, let pointer else { return [] }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    static func secret(_ bio: OpaquePointer) throws -> SecretBytes {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = CKartei_BIO_get_mem_data(bio, &pointer)
        guard length > 0, let pointer else { throw CryptoError.openSSL(.openSSL, "empty BIO") }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            SecretBytes(copying: UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
