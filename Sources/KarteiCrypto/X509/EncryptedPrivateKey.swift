import COpenSSL
import Foundation

/// PKCS#8 EncryptedPrivateKeyInfo in PEM, readable by stock `openssl pkcs8`.
public enum EncryptedPrivateKey {
    /// The PEM label of PKCS#8 EncryptedPrivateKeyInfo (RFC 7468 §11); only the label, no key.
    static let pemLabel = "ENCRYPTED PRIVATE KEY"

    /// PBES2 with scrypt (N = 16384, r = 8, p = 1: the most stock OpenSSL 3.0 reads within its
    /// 32 MiB limit) and AES-256-CBC.
    public static func pem(_ key: PrivateKey, passphrase: SecretBytes) throws -> String {
        guard let bio = CKartei_BIO_new_mem() else { throw CryptoError.openSSL(.openSSL, "BIO_new") }
        defer { BIO_free(bio) }
        let ok: Int32 = passphrase.withUnsafeBytes { pass in
            pass.withMemoryRebound(to: CChar.self) {
                CKartei_pkcs8_scrypt_pem(key.pointer, $0.baseAddress, Int32($0.count), bio)
            }
        }
        guard ok == 1 else { throw CryptoError.openSSL(.keyDerivationFailed, "PKCS#8 scrypt") }
        return String(decoding: BIOBytes.bytes(bio), as: UTF8.self)
    }

    /// Reads an encrypted PKCS#8 PEM (scrypt or PBKDF2); `.wrongPassphrase` if it does not decrypt.
    public static func decrypt(pem: String, passphrase: SecretBytes) throws -> PrivateKey {
        guard pem.contains("-----BEGIN \(pemLabel)-----") else {
            throw CryptoError(.invalidInput, "not an encrypted PKCS#8 PEM")
        }
        return try PrivateKey.fromPEM(pem, passphrase: passphrase)
    }
}

extension PrivateKey {
    /// Reads a PEM private key, unencrypted or encrypted with `passphrase`.
    public static func fromPEM(_ pem: String, passphrase: SecretBytes?) throws -> PrivateKey {
        let bytes = Array(pem.utf8)
        let encrypted = pem.contains("ENCRYPTED")
        let key: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            guard let passphrase else {
                // An encrypted key without a passphrase: an empty one fails instead of prompting.
                return CKartei_read_pem_key(bio, "")
            }
            return passphrase.withUnsafeBytes { pass in
                let text = Array(pass) + [0]
                return text.withUnsafeBufferPointer { cString in
                    cString.baseAddress!.withMemoryRebound(to: CChar.self, capacity: cString.count) {
                        CKartei_read_pem_key(bio, $0)
                    }
                }
            }
        }
        guard let key else {
            _ = OpenSSLErrorQueue.drain()
            throw encrypted ? CryptoError(.wrongPassphrase, "PEM key does not decrypt")
                            : CryptoError(.invalidKey, "no private key in PEM")
        }
        return PrivateKey(taking: key)
    }

    /// Unencrypted PKCS#8 PEM (tests, interop checks).
    public func pkcs8PEM() throws -> String {
        guard let bio = CKartei_BIO_new_mem() else { throw CryptoError.openSSL(.openSSL, "BIO_new") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PKCS8PrivateKey(bio, pointer, nil, nil, 0, nil, nil) == 1 else {
            throw CryptoError.openSSL(.openSSL, "PEM_write_bio_PKCS8PrivateKey")
        }
        return String(decoding: BIOBytes.bytes(bio), as: UTF8.self)
    }
}
