import Foundation

/// A group of records that probably describe the same person, or share a postal address.
public struct DuplicateGroup: Sendable, Codable {
    /// `person`: same person by name and birth date (or address); `address`: one household, for
    /// mailings (one letter per address).
    public var kind: String
    public var members: [MemberRecord]
}
