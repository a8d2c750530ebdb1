import COpenSSL

/// Random bytes from OpenSSL's DRBG (seeded by the operating system).
public enum SecureRandom {
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&out, Int32(count)) == 1 else {
            throw CryptoError.openSSL(.randomFailed, "RAND_bytes")
        }
        return out
    }

    /// A uniformly distributed integer in 0..<upperBound.
    public static func uniform(_ upperBound: UInt64) throws -> UInt64 {
        precondition(upperBound > 0)
        let limit = UInt64.max - UInt64.max % upperBound
        while true {
            let raw = try bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            if raw < limit { return raw % upperBound }
        }
    }
}

/// Which OpenSSL this process runs on.
public enum OpenSSLInfo {
    public static var version: String { String(cString: OpenSSL_version(OPENSSL_VERSION)) }
}
