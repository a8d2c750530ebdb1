import COpenSSL
import KarteiMessages

/// A failure inside the cryptographic layer.
///
/// Equality compares the code only, so tests match codes. The OpenSSL reason (never key
/// material, never personal data) is kept for diagnostics.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case randomFailed, keyDerivationFailed, encryptionFailed, authenticationFailed
            case invalidKey, invalidInput, openSSL, certificate, wrongPassphrase, unsupportedAlgorithm
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The system random generator failed.
        public static let randomFailed = Code(.randomFailed)
        /// A key derivation (scrypt, HKDF) failed.
        public static let keyDerivationFailed = Code(.keyDerivationFailed)
        /// Encryption failed (not an authentication failure).
        public static let encryptionFailed = Code(.encryptionFailed)
        /// Ciphertext, tag or associated data do not match: wrong key or changed bytes.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// A key has the wrong size or type.
        public static let invalidKey = Code(.invalidKey)
        /// Input that cannot be parsed.
        public static let invalidInput = Code(.invalidInput)
        /// Another OpenSSL failure.
        public static let openSSL = Code(.openSSL)
        /// A certificate could not be built, parsed or verified.
        public static let certificate = Code(.certificate)
        /// A passphrase does not decrypt a key or bundle.
        public static let wrongPassphrase = Code(.wrongPassphrase)
        /// The input uses an algorithm this OpenSSL does not offer (an old bundle's RC2 or 3DES).
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// What failed, in developer terms (an OpenSSL reason string, a size): no secrets.
    public let detail: String
    public let file: String
    public let line: Int

    public init(_ code: Code, _ detail: String = "", file: String = #fileID, line: Int = #line) {
        self.code = code
        self.detail = detail
        self.file = file
        self.line = line
    }

    /// An error carrying OpenSSL's queued reason, which it clears.
    static func openSSL(_ code: Code, _ what: String, file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(code, "\(what): \(OpenSSLErrorQueue.drain())", file: file, line: line)
    }

    public static func == (lhs: CryptoError, rhs: CryptoError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String { "CryptoError.\(code): \(detail) (\(file):\(line))" }
}

enum OpenSSLErrorQueue {
    /// Reads and clears OpenSSL's error queue of this thread.
    static func drain() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons.isEmpty ? "no OpenSSL reason" : reasons.joined(separator: "; ")
    }
}
