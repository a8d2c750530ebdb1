import COpenSSL
import Foundation

/// AES-256-GCM with 96-bit nonces and 128-bit tags (OpenSSL EVP).
public enum AES256GCM {
    public static let keyByteCount = 32
    public static let nonceByteCount = 12
    public static let tagByteCount = 16

    /// A sealed message: nonce, ciphertext and tag.
    public struct SealedBox: Sendable, Hashable {
        public var nonce: [UInt8]
        public var ciphertext: [UInt8]
        public var tag: [UInt8]

        public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }

        /// nonce ‖ ciphertext ‖ tag
        public var combined: [UInt8] { nonce + ciphertext + tag }

        public init(combined: [UInt8]) throws {
            guard combined.count >= nonceByteCount + tagByteCount else {
                throw CryptoError(.invalidInput, "sealed box of \(combined.count) bytes")
            }
            nonce = Array(combined.prefix(nonceByteCount))
            ciphertext = Array(combined.dropFirst(nonceByteCount).dropLast(tagByteCount))
            tag = Array(combined.suffix(tagByteCount))
        }
    }

    /// Seals plaintext; with no nonce given, a random one is used. A fixed nonce is only safe
    /// with a key that is used exactly once.
    public static func seal(
        _ plaintext: some ContiguousBytes,
        key: SecretBytes,
        nonce: [UInt8]? = nil,
        authenticating aad: [UInt8] = []
    ) throws -> SealedBox {
        guard key.count == keyByteCount else { throw CryptoError(.invalidKey, "AES-256 key of \(key.count) bytes") }
        let iv = try nonce ?? SecureRandom.bytes(nonceByteCount)
        guard iv.count == nonceByteCount else { throw CryptoError(.invalidInput, "nonce of \(iv.count) bytes") }
        let context = try CipherContext()
        var output = [UInt8]()
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        try key.withUnsafeBytes { k in
            guard EVP_EncryptInit_ex2(context.pointer, EVP_aes_256_gcm(), k.bindMemory(to: UInt8.self).baseAddress,
                                      iv, nil) == 1 else {
                throw CryptoError.openSSL(.encryptionFailed, "EVP_EncryptInit_ex2")
            }
            var length: Int32 = 0
            if !aad.isEmpty {
                guard EVP_EncryptUpdate(context.pointer, nil, &length, aad, Int32(aad.count)) == 1 else {
                    throw CryptoError.openSSL(.encryptionFailed, "EVP_EncryptUpdate(aad)")
                }
            }
            try plaintext.withUnsafeBytes { p in
                output = [UInt8](repeating: 0, count: p.count)
                if p.count > 0 {
                    guard EVP_EncryptUpdate(context.pointer, &output, &length,
                                            p.bindMemory(to: UInt8.self).baseAddress, Int32(p.count)) == 1 else {
                        throw CryptoError.openSSL(.encryptionFailed, "EVP_EncryptUpdate")
                    }
                }
            }
            var finalLength: Int32 = 0
            var scratch = [UInt8](repeating: 0, count: 16)
            guard EVP_EncryptFinal_ex(context.pointer, &scratch, &finalLength) == 1,
                  CKartei_EVP_CIPHER_CTX_get_tag(context.pointer, &tag, Int32(tagByteCount)) == 1 else {
                throw CryptoError.openSSL(.encryptionFailed, "EVP_EncryptFinal_ex")
            }
        }
        return SealedBox(nonce: iv, ciphertext: output, tag: tag)
    }

    /// Opens a sealed box; throws `.authenticationFailed` when key, bytes or aad do not match.
    public static func open(_ box: SealedBox, key: SecretBytes, authenticating aad: [UInt8] = []) throws -> SecretBytes {
        guard key.count == keyByteCount else { throw CryptoError(.invalidKey, "AES-256 key of \(key.count) bytes") }
        guard box.nonce.count == nonceByteCount, box.tag.count == tagByteCount else {
            throw CryptoError(.invalidInput, "nonce or tag of the wrong size")
        }
        let context = try CipherContext()
        var output = [UInt8](repeating: 0, count: box.ciphertext.count)
        defer { OPENSSL_cleanse(&output, output.count) }
        try key.withUnsafeBytes { k in
            guard EVP_DecryptInit_ex2(context.pointer, EVP_aes_256_gcm(), k.bindMemory(to: UInt8.self).baseAddress,
                                      box.nonce, nil) == 1 else {
                throw CryptoError.openSSL(.encryptionFailed, "EVP_DecryptInit_ex2")
            }
            var length: Int32 = 0
            if !aad.isEmpty {
                guard EVP_DecryptUpdate(context.pointer, nil, &length, aad, Int32(aad.count)) == 1 else {
                    throw CryptoError.openSSL(.encryptionFailed, "EVP_DecryptUpdate(aad)")
                }
            }
            if !box.ciphertext.isEmpty {
                guard EVP_DecryptUpdate(context.pointer, &output, &length, box.ciphertext,
                                        Int32(box.ciphertext.count)) == 1 else {
                    throw CryptoError.openSSL(.encryptionFailed, "EVP_DecryptUpdate")
                }
            }
            var tag = box.tag
            var scratch = [UInt8](repeating: 0, count: 16)
            var finalLength: Int32 = 0
            guard CKartei_EVP_CIPHER_CTX_set_tag(context.pointer, &tag, Int32(tagByteCount)) == 1,
                  EVP_DecryptFinal_ex(context.pointer, &scratch, &finalLength) == 1 else {
                _ = OpenSSLErrorQueue.drain()
                throw CryptoError(.authenticationFailed, "AES-256-GCM tag mismatch")
            }
        }
        return SecretBytes(copying: output)
    }
}

/// Owns one EVP_CIPHER_CTX.
final class CipherContext {
    let pointer: OpaquePointer

    init() throws {
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError.openSSL(.openSSL, "EVP_CIPHER_CTX_new") }
        pointer = context
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }
}
