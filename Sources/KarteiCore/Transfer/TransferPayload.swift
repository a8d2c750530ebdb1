import Foundation

/// The signed content of a transfer package (docs/FORMATS.md §10): who sends, to whom, and the
/// person's whole history as the sending vault recorded it.
public struct TransferPayload: Sendable, Hashable {
    public static let format = "kartei-transfer-v1"

    /// The sending vault.
    public struct Sender: Sendable, Hashable, Codable {
        /// The sending vault's id, lowercase hex (32 digits).
        public var vaultID: String
        /// SHA-256 of the sending vault's CA certificate (DER), lowercase hex.
        public var caFingerprint: String

        public init(vaultID: String, caFingerprint: String) {
            self.vaultID = vaultID
            self.caFingerprint = caFingerprint
        }
    }

    /// The receiving vault.
    public struct Recipient: Sendable, Hashable, Codable {
        /// SHA-256 of the receiving vault's CA certificate (DER), lowercase hex.
        public var caFingerprint: String

        public init(caFingerprint: String) { self.caFingerprint = caFingerprint }
    }

    /// 128 random bits, lowercase hex: names the package (a second read-in is refused).
    public var packageID: String
    /// When the package was made, UTC, ISO 8601 with milliseconds.
    public var createdAt: String
    public var from: Sender
    public var to: Recipient
    /// Every version of the person, oldest first; the last is the transfer out.
    public var member: [MemberRecord]
    /// The reason given with the transfer out.
    public var reason: String

    public init(packageID: String, createdAt: String, from: Sender, to: Recipient, member: [MemberRecord], reason: String) {
        self.packageID = packageID
        self.createdAt = createdAt
        self.from = from
        self.to = to
        self.member = member
        self.reason = reason
    }

    /// The bytes that are signed: JSON without spaces, keys sorted, every field of every version
    /// present (absent values as `null`), `/` not escaped.
    public func encoded() throws -> [UInt8] {
        [UInt8](try Self.encoder().encode(self))
    }

    /// Reads the signed bytes; nil for anything that is not a `kartei-transfer-v1` payload.
    public static func decode(_ bytes: [UInt8]) -> TransferPayload? {
        guard let payload = try? JSONDecoder().decode(TransferPayload.self, from: Data(bytes)) else { return nil }
        return payload
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Versions as JSON in the package's encoding (also how an imported history is stored).
    static func encodeHistory(_ versions: [MemberRecord]) throws -> String {
        String(decoding: try encoder().encode(versions.map(ExplicitRecord.init)), as: UTF8.self)
    }

    static func decodeHistory(_ text: String) -> [MemberRecord]? {
        try? JSONDecoder().decode([MemberRecord].self, from: Data(text.utf8))
    }
}

extension TransferPayload: Codable {
    enum CodingKeys: String, CodingKey {
        case format, packageID, createdAt, from, to, member, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try container.decode(String.self, forKey: .format) == Self.format else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: container, debugDescription: "not \(Self.format)")
        }
        packageID = try container.decode(String.self, forKey: .packageID)
        createdAt = try container.decode(String.self, forKey: .createdAt)
        from = try container.decode(Sender.self, forKey: .from)
        to = try container.decode(Recipient.self, forKey: .to)
        member = try container.decode([MemberRecord].self, forKey: .member)
        reason = try container.decode(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(packageID, forKey: .packageID)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(member.map(ExplicitRecord.init), forKey: .member)
        try container.encode(reason, forKey: .reason)
    }
}

/// A version with every field written, `null` where there is no value (the synthesised encoding
/// of `MemberRecord` leaves such keys out). Decoding uses `MemberRecord`'s own.
struct ExplicitRecord: Encodable {
    let record: MemberRecord

    enum CodingKeys: String, CodingKey {
        case number, personID, kind, status, givenName, familyName, birthDate, gender, street, houseNumber, postalCode
        case city, email, phone, district, branch, entryDate, exitDate, duesCents, validFrom, validTo, event, reason
        case erasedAt
    }

    func encode(to encoder: any Encoder) throws {
        let r = record
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(r.number, forKey: .number)
        try c.encode(r.personID, forKey: .personID)
        try c.encode(r.kind, forKey: .kind)
        try c.encode(r.status, forKey: .status)
        try c.encode(r.givenName, forKey: .givenName)
        try c.encode(r.familyName, forKey: .familyName)
        try c.encode(r.birthDate, forKey: .birthDate)
        try c.encode(r.gender, forKey: .gender)
        try c.encode(r.street, forKey: .street)
        try c.encode(r.houseNumber, forKey: .houseNumber)
        try c.encode(r.postalCode, forKey: .postalCode)
        try c.encode(r.city, forKey: .city)
        try c.encode(r.email, forKey: .email)
        try c.encode(r.phone, forKey: .phone)
        try c.encode(r.district, forKey: .district)
        try c.encode(r.branch, forKey: .branch)
        try c.encode(r.entryDate, forKey: .entryDate)
        try c.encode(r.exitDate, forKey: .exitDate)
        try c.encode(r.duesCents, forKey: .duesCents)
        try c.encode(r.validFrom, forKey: .validFrom)
        try c.encode(r.validTo, forKey: .validTo)
        try c.encode(r.event, forKey: .event)
        try c.encode(r.reason, forKey: .reason)
        try c.encode(r.erasedAt, forKey: .erasedAt)
    }
}
