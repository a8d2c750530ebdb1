import COpenSSL
import Foundation

/// HKDF-SHA256 (RFC 5869) through OpenSSL's EVP_KDF.
public enum HKDF {
    public static func deriveKey(
        from inputKey: SecretBytes,
        salt: [UInt8],
        info: [UInt8],
        outputByteCount: Int
    ) throws -> SecretBytes {
        guard let kdf = EVP_KDF_fetch(nil, "HKDF", nil) else { throw CryptoError.openSSL(.keyDerivationFailed, "HKDF") }
        defer { EVP_KDF_free(kdf) }
        guard let context = EVP_KDF_CTX_new(kdf) else {
            throw CryptoError.openSSL(.keyDerivationFailed, "EVP_KDF_CTX_new")
        }
        defer { EVP_KDF_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: outputByteCount)
        defer { OPENSSL_cleanse(&output, output.count) }
        var saltCopy = salt.isEmpty ? [UInt8](repeating: 0, count: 32) : salt
        var infoCopy = info
        let ok: Int32 = inputKey.withUnsafeBytes { key in
            "digest".withCString { digestName in
                "SHA256".withCString { digest in
                    "key".withCString { keyName in
                        "salt".withCString { saltName in
                            "info".withCString { infoName in
                                let params: [OSSL_PARAM] = [
                                    OSSL_PARAM_construct_utf8_string(digestName, UnsafeMutablePointer(mutating: digest), 0),
                                    OSSL_PARAM_construct_octet_string(keyName, UnsafeMutableRawPointer(mutating: key.baseAddress), key.count),
                                    OSSL_PARAM_construct_octet_string(saltName, &saltCopy, saltCopy.count),
                                    OSSL_PARAM_construct_octet_string(infoName, &infoCopy, infoCopy.count),
                                    OSSL_PARAM_construct_end(),
                                ]
                                return params.withUnsafeBufferPointer { p in
                                    EVP_KDF_derive(context, &output, output.count, p.baseAddress)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard ok == 1 else { throw CryptoError.openSSL(.keyDerivationFailed, "EVP_KDF_derive(HKDF)") }
        return SecretBytes(copying: output)
    }
}

/// scrypt (RFC 7914) for passphrases.
public struct ScryptParameters: Sendable, Hashable, Codable {
    /// log2 of the CPU/memory cost N.
    public var logN: UInt8
    public var r: UInt32
    public var p: UInt32

    public init(logN: UInt8, r: UInt32, p: UInt32) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// N = 2^17, r = 8, p = 1: 128 MiB and about half a second here (OWASP's recommendation for
    /// scrypt; docs/SECURITY.md has the measurement).
    public static let vaultPassphrase = ScryptParameters(logN: 17, r: 8, p: 1)
    /// N = 2^14, r = 8, p = 1: the largest cost stock `openssl pkcs8` reads (its 32 MiB limit).
    public static let opensslCompatible = ScryptParameters(logN: 14, r: 8, p: 1)

    /// Memory the derivation needs, in bytes.
    public var memoryBytes: UInt64 { 128 * UInt64(r) * (UInt64(1) << logN) * UInt64(max(p, 1)) }

    /// Refuses parameters that no kartei writes (a tampered header must not make us allocate 1 TB).
    public var isAcceptable: Bool { logN >= 10 && logN <= 22 && r >= 1 && r <= 32 && p >= 1 && p <= 16 }
}

public enum Scrypt {
    public static func deriveKey(
        passphrase: SecretBytes,
        salt: [UInt8],
        parameters: ScryptParameters,
        outputByteCount: Int = 32
    ) throws -> SecretBytes {
        guard parameters.isAcceptable else { throw CryptoError(.invalidInput, "scrypt parameters out of range") }
        var output = [UInt8](repeating: 0, count: outputByteCount)
        defer { OPENSSL_cleanse(&output, output.count) }
        let maxMemory = parameters.memoryBytes + 1 << 20 + 128 * UInt64(parameters.r) * UInt64(parameters.p)
        let ok = passphrase.withUnsafeBytes { pass in
            EVP_PBE_scrypt(pass.baseAddress?.assumingMemoryBound(to: CChar.self), pass.count, salt, salt.count,
                           UInt64(1) << parameters.logN, UInt64(parameters.r), UInt64(parameters.p), maxMemory,
                           &output, output.count)
        }
        guard ok == 1 else { throw CryptoError.openSSL(.keyDerivationFailed, "EVP_PBE_scrypt") }
        return SecretBytes(copying: output)
    }
}
