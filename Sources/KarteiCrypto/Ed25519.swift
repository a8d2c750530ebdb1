import COpenSSL
import Foundation

/// Ed25519 signatures (RFC 8032) for audit-log checkpoints: raw 64-byte signatures over the
/// message itself, which `openssl pkeyutl -verify -rawin` checks.
extension PrivateKey {
    public func ed25519Sign(_ message: [UInt8]) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.openSSL(.openSSL, "EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = signature.count
        guard EVP_DigestSignInit(context, nil, nil, nil, pointer) == 1,
              EVP_DigestSign(context, &signature, &length, message, message.count) == 1, length == 64 else {
            throw CryptoError.openSSL(.openSSL, "Ed25519 sign")
        }
        return signature
    }

    /// The raw 32-byte public key of an Ed25519 key.
    public var rawPublicKey: [UInt8] {
        get throws {
            var length = 0
            guard EVP_PKEY_get_raw_public_key(pointer, nil, &length) == 1 else {
                throw CryptoError.openSSL(.invalidKey, "EVP_PKEY_get_raw_public_key")
            }
            var key = [UInt8](repeating: 0, count: length)
            guard EVP_PKEY_get_raw_public_key(pointer, &key, &length) == 1 else {
                throw CryptoError.openSSL(.invalidKey, "EVP_PKEY_get_raw_public_key")
            }
            return key
        }
    }
}

extension PublicKey {
    /// An Ed25519 public key from its 32 raw bytes.
    public static func ed25519(raw: [UInt8]) throws -> PublicKey {
        guard raw.count == 32, let key = EVP_PKEY_new_raw_public_key(NID_ED25519, nil, raw, raw.count) else {
            throw CryptoError.openSSL(.invalidKey, "Ed25519 public key")
        }
        return try PublicKey(taking: key)
    }

    public func ed25519Verify(signature: [UInt8], message: [UInt8]) -> Bool {
        guard signature.count == 64, let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        let valid = EVP_DigestVerifyInit(context, nil, nil, nil, pointer) == 1
            && EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
        _ = OpenSSLErrorQueue.drain()
        return valid
    }
}
