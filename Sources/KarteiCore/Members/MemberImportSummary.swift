import Foundation

/// What an import did.
public struct MemberImportSummary: Sendable, Codable {
    public var imported: Int
    public var firstNumber: Int?
    public var lastNumber: Int?
}
