import COpenSSL
import Foundation

/// SHA-256 and HMAC-SHA256.
public enum SHA256 {
    public static let byteCount = 32

    public static func hash<Bytes: ContiguousBytes>(_ data: Bytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &out, &length, EVP_sha256(), nil)
        }
        precondition(ok == 1 && length == 32, "SHA-256 cannot fail on valid input")
        return out
    }
}

public enum HMACSHA256 {
    public static func authenticate<Bytes: ContiguousBytes>(_ data: Bytes, key: SecretBytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBytes { k in
            data.withUnsafeBytes { d in
                _ = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), d.baseAddress?.assumingMemoryBound(to: UInt8.self),
                         d.count, &out, &length)
            }
        }
        return out
    }

    /// Compares a MAC in constant time.
    public static func isValid<Bytes: ContiguousBytes>(_ mac: [UInt8], for data: Bytes, key: SecretBytes) -> Bool {
        let expected = authenticate(data, key: key)
        guard mac.count == expected.count else { return false }
        return CRYPTO_memcmp(mac, expected, mac.count) == 0
    }
}

extension SecretBytes: ContiguousBytes {}
