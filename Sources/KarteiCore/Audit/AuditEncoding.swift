import Foundation
import KarteiCrypto

/// The bytes of an entry that the tree commits to (docs/FORMATS.md §9.1): public fields as
/// length-prefixed UTF-8, hidden fields as salted SHA-256 commitments.
public enum AuditEncoding {
    public static let formatTag = "kartei-audit-v1"
    public static let saltSize = 16

    /// Public fields, each a 4-byte big-endian length and its UTF-8 bytes.
    public static func publicFields(seq: Int64, _ event: AuditEvent) -> [UInt8] {
        var out: [UInt8] = []
        for field in [formatTag, String(seq), event.time, event.actorKind, event.actorRole, event.actorScope, event.action,
                      event.objectType, event.purpose, event.outcome.rawValue] {
            let bytes = Array(field.utf8)
            let length = UInt32(bytes.count)
            out += [UInt8(length >> 24), UInt8((length >> 16) & 0xff), UInt8((length >> 8) & 0xff), UInt8(length & 0xff)]
            out += bytes
        }
        return out
    }

    /// The hidden fields in index order 1…4.
    public static func hiddenFields(_ event: AuditEvent) -> [String] {
        [event.actorCredential, event.actorName, event.objectIDs.joined(separator: ","), event.client]
    }

    /// SHA-256(salt ‖ index ‖ value) for the hidden fields.
    public static func commitments(salt: [UInt8], _ event: AuditEvent) -> [[UInt8]] {
        hiddenFields(event).enumerated().map { offset, value in
            SHA256.hash(salt + [UInt8(offset + 1)] + Array(value.utf8))
        }
    }

    public static func leafInput(seq: Int64, _ event: AuditEvent, salt: [UInt8]) -> [UInt8] {
        publicFields(seq: seq, event) + commitments(salt: salt, event).flatMap { $0 }
    }

    public static func leafHash(seq: Int64, _ event: AuditEvent, salt: [UInt8]) -> [UInt8] {
        MerkleTree.leafHash(leafInput(seq: seq, event, salt: salt))
    }
}
