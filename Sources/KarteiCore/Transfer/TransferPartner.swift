import Foundation
import KarteiCrypto

/// Another state association's vault, known by its CA certificate: members transfer to it and
/// from it (docs/MEMBERS.md, "Transfers between state associations").
public struct TransferPartner: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    /// SHA-256 of the CA certificate (DER), lowercase hex: compare it with the partner by phone.
    public var fingerprint: String
    /// The CA's subject (`O=kartei <vault id>, CN=kartei CA`).
    public var subject: String
    public var notBefore: Date
    public var notAfter: Date
    public var addedAt: String
    /// Serial prefix of the certificate (or the holder id) of whoever registered it.
    public var addedBy: String
}

/// What a transfer out or in did.
public struct TransferRecord: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Hashable, Codable {
        case out, `in`
    }

    public var id: Int64
    public var direction: Direction
    public var packageID: String
    public var partner: String
    /// The member number in this vault.
    public var memberNumber: Int
    /// For a transfer in: the number the person had at the sending association.
    public var partnerNumber: Int?
    /// The day of the transfer (ISO).
    public var date: String
    public var recordedAt: String
}

/// The result of `transferOut` and `transferIn`: the transfer and the member's new version.
public struct TransferResult: Sendable, Codable {
    public var transfer: TransferRecord
    public var member: MemberRecord
    /// The package file written (out) or read (in).
    public var file: String
}

extension Certificate {
    /// SHA-256 of the DER, lowercase hex.
    var fingerprintHex: String { Hex.string(sha256Fingerprint) }
}
