import Foundation
import GRDB

/// A user of kartei (staff, not members): who they are, what they may do, and their state.
public struct UserRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case active
        /// Too many failed attempts, or locked by the treasurer: refused until unlocked.
        case locked
        /// Left: refused for good; the certificate is revoked.
        case revoked
    }

    public static let databaseTableName = "user"

    public var id: Int64?
    public var name: String
    public var role: Role
    /// "" for all, else the district.
    public var scope: String
    public var contact: String
    /// ISO date (yyyy-mm-dd) of the signed data-protection declaration; no certificate without it.
    public var declarationDate: String?
    public var status: Status
    public var failedAttempts: Int
    public var createdAt: Date

    public var scopeValue: Scope { Scope(storedValue: scope) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A certificate kartei's CA issued.
public struct CertificateRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public enum Status: String, Sendable, Codable { case valid, revoked, superseded }

    public static let databaseTableName = "certificate"

    public var serial: String
    public var userID: Int64
    public var der: Data
    public var notBefore: Date
    public var notAfter: Date
    public var issuedAt: Date
    public var status: Status
    public var revokedAt: Date?
    /// CRL reason code.
    public var reason: Int?
    /// SHA-256 of the encrypted private key in the PKCS#12 bundle kartei made (nil for a CSR).
    public var bundleKeyDigest: Data?
}

/// One entry of a user's history.
public struct UserEvent: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "userEvent"
    public var userID: Int64
    public var at: Date
    public var action: String
    /// The acting principal's credential (certificate serial or key-holder id).
    public var actor: String
    public var detail: String
}
