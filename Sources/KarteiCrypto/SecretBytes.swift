import COpenSSL

/// Key material in memory that is locked against swapping where possible and wiped on release.
///
/// Immutable after creation. Copies are avoided on purpose: pass the object, not its bytes.
public final class SecretBytes: @unchecked Sendable {
    private let storage: UnsafeMutableRawBufferPointer

    /// The number of bytes.
    public var count: Int { storage.count }

    /// Takes over the given bytes; the caller should wipe its own copy.
    public init<Bytes: Collection>(copying bytes: Bytes) where Bytes.Element == UInt8 {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        _ = mlock(storage.baseAddress, storage.count)
        storage.copyBytes(from: bytes)
    }

    /// Random bytes from the system generator.
    public init(randomCount count: Int) throws {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        _ = mlock(storage.baseAddress, storage.count)
        guard RAND_bytes(storage.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) == 1 else {
            OPENSSL_cleanse(storage.baseAddress, storage.count)
            storage.deallocate()
            throw CryptoError.openSSL(.randomFailed, "RAND_bytes")
        }
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        _ = munlock(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    /// Calls body with the bytes. Do not let the pointer escape.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Compares in constant time.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { a in
            other.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, count) == 0 }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wipes memory that held secrets (OPENSSL_cleanse: not optimised away).
public enum SecureWipe {
    public static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        OPENSSL_cleanse(buffer.baseAddress, buffer.count)
    }

    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }
}
