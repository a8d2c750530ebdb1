import KarteiCrypto

/// A printed recovery code: 160 random bits in Crockford base32 plus a 20-bit check, written as
/// nine groups of four characters ("7K2Q-…"). The check catches typos before any key is tried;
/// I and L are read as 1, O as 0, case and separators are ignored.
public struct RecoveryCode: Sendable {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let payloadByteCount = 20
    static let characterCount = 36

    /// The 20 secret bytes.
    let payload: SecretBytes

    /// A new random code.
    public static func generate() throws -> RecoveryCode {
        RecoveryCode(payload: try SecretBytes(randomCount: payloadByteCount))
    }

    init(payload: SecretBytes) { self.payload = payload }

    /// Parses a typed code; throws `.recoveryCodeTypo` when length or check do not match.
    public init(parsing text: String) throws {
        var symbols: [UInt8] = []
        for character in text.uppercased() {
            if character == "-" || character == " " || character.isWhitespace { continue }
            let normalized: Character = switch character {
            case "I", "L": "1"
            case "O": "0"
            default: character
            }
            guard let index = RecoveryCode.alphabet.firstIndex(of: normalized) else { throw VaultError(.recoveryCodeTypo) }
            symbols.append(UInt8(index))
        }
        guard symbols.count == RecoveryCode.characterCount else { throw VaultError(.recoveryCodeTypo) }
        var bits = RecoveryCode.unpack(Array(symbols.prefix(32)))
        defer { SecureWipe.wipe(&bits) }
        guard RecoveryCode.check(for: bits) == Array(symbols.suffix(4)) else { throw VaultError(.recoveryCodeTypo) }
        payload = SecretBytes(copying: bits)
    }

    /// The code as printed.
    public var formatted: String {
        var symbols = payload.withUnsafeBytes { RecoveryCode.pack(Array($0)) }
        symbols += payload.withUnsafeBytes { RecoveryCode.check(for: Array($0)) }
        let characters = symbols.map { RecoveryCode.alphabet[Int($0)] }
        return stride(from: 0, to: characters.count, by: 4)
            .map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    /// 5-bit groups of 20 bytes (160 bits = 32 symbols).
    static func pack(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(UInt8((buffer >> UInt32(bits - 5)) & 31))
                bits -= 5
            }
        }
        return out
    }

    static func unpack(_ symbols: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            buffer = buffer << 5 | UInt32(symbol)
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return out
    }

    /// Four symbols from the first 20 bits of SHA-256("kartei recovery code" ‖ payload).
    static func check(for payload: [UInt8]) -> [UInt8] {
        let digest = SHA256.hash(Array("kartei recovery code".utf8) + payload)
        let value = UInt32(digest[0]) << 12 | UInt32(digest[1]) << 4 | UInt32(digest[2]) >> 4
        return (0..<4).map { UInt8((value >> UInt32(15 - 5 * $0)) & 31) }
    }
}
