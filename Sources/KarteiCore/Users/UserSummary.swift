import Foundation

/// A user as `kartei user list` shows them.
public struct UserSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var role: String
    public var scope: String
    public var contact: String
    public var declarationDate: String?
    public var status: String
    public var failedAttempts: Int
    /// The current certificate's serial ("" if none).
    public var serial: String
    public var notAfter: Date?
    public var keyHolder: Bool
}
