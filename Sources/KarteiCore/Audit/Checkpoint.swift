import Foundation
import KarteiCrypto

/// A signed tree head in the C2SP signed-note / tlog-checkpoint text format (docs/FORMATS.md §9.2).
public struct Checkpoint: Sendable, Hashable {
    public struct Signature: Sendable, Hashable {
        public var name: String
        public var keyID: [UInt8]
        public var signature: [UInt8]
    }

    public var origin: String
    public var size: UInt64
    public var root: [UInt8]
    public var signatures: [Signature]

    /// The signed text: origin, size and root, each line ending in a newline.
    public var body: String { "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n" }

    /// The whole note: body, a blank line, one line per signature.
    public var note: String {
        body + "\n" + signatures.map { "\u{2014} \($0.name) \(Data($0.keyID + $0.signature).base64EncodedString())\n" }.joined()
    }

    /// SHA-256(name ‖ "\n" ‖ 0x01 ‖ raw Ed25519 key), first four bytes.
    public static func keyID(name: String, rawPublicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(Array(name.utf8) + [0x0a, 0x01] + rawPublicKey).prefix(4))
    }

    public static func sign(origin: String, size: UInt64, root: [UInt8], key: PrivateKey) throws -> Checkpoint {
        var checkpoint = Checkpoint(origin: origin, size: size, root: root, signatures: [])
        let signature = try key.ed25519Sign(Array(checkpoint.body.utf8))
        checkpoint.signatures = [Signature(name: origin, keyID: keyID(name: origin, rawPublicKey: try key.rawPublicKey),
                                           signature: signature)]
        return checkpoint
    }

    /// Whether a signature by `name` with this key verifies over the body.
    public func isSigned(by name: String, rawPublicKey: [UInt8]) -> Bool {
        guard let key = try? PublicKey.ed25519(raw: rawPublicKey) else { return false }
        let id = Checkpoint.keyID(name: name, rawPublicKey: rawPublicKey)
        return signatures.contains { $0.name == name && $0.keyID == id && key.ed25519Verify(signature: $0.signature,
                                                                                              message: Array(body.utf8)) }
    }

    public struct ParseError: Error, Hashable {}

    public static func parse(_ note: String) throws(ParseError) -> Checkpoint {
        guard let split = note.range(of: "\n\n") else { throw ParseError() }
        let bodyLines = note[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard bodyLines.count >= 3, let size = UInt64(bodyLines[1]), !bodyLines[0].isEmpty,
              let root = Data(base64Encoded: bodyLines[2]), root.count == 32 else { throw ParseError() }
        var signatures: [Signature] = []
        for line in note[split.upperBound...].split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "\u{2014}", let blob = Data(base64Encoded: String(parts[2])), blob.count == 68 else {
                throw ParseError()
            }
            signatures.append(Signature(name: String(parts[1]), keyID: Array(blob.prefix(4)), signature: Array(blob.dropFirst(4))))
        }
        // Extension lines beyond the third are allowed by the format; kartei writes none.
        var checkpoint = Checkpoint(origin: bodyLines[0], size: size, root: [UInt8](root), signatures: signatures)
        guard checkpoint.body == String(note[..<split.lowerBound]) + "\n" else {
            checkpoint.origin = ""  // extension lines: not a kartei checkpoint
            throw ParseError()
        }
        return checkpoint
    }
}
