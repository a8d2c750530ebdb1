import Foundation
import GRDB

/// Vault-wide settings, stored as text in the `setting` table. Every function runs inside the
/// caller's transaction; SettingsService authorises and records the changes.
public enum Settings {
    public static let defaultLockoutThreshold = 5
    public static let defaultAuditRetentionYears = 1
    public static let defaultExportApprovalThreshold = 500
    public static let defaultErasureRetentionYears = 2
    public static let defaultMinimumEntryAge = 14
    public static let defaultCanaryMailDomain = "example.org"

    /// Failed identity attempts before a user is locked (default 5).
    package static func lockoutThreshold(_ db: Database) throws -> Int {
        try integer("lockoutThreshold", db) ?? defaultLockoutThreshold
    }

    package static func setLockoutThreshold(_ value: Int, _ db: Database) throws {
        try store(value, in: 1...100, as: "lockoutThreshold", db)
    }

    /// Whether reading personal data needs a purpose (`--purpose`).
    package static func purposeRequired(_ db: Database) throws -> Bool {
        try text("purposeRequired", db) == "1"
    }

    package static func setPurposeRequired(_ value: Bool, _ db: Database) throws {
        try store(value ? "1" : "0", as: "purposeRequired", db)
    }

    /// Audit-log retention in years after an entry's year (default 1).
    package static func auditRetentionYears(_ db: Database) throws -> Int {
        try integer("auditRetentionYears", db) ?? defaultAuditRetentionYears
    }

    package static func setAuditRetentionYears(_ value: Int, _ db: Database) throws {
        try store(value, in: 1...30, as: "auditRetentionYears", db)
    }

    /// Exports of more people than this need a second key holder's approval (default 500).
    package static func exportApprovalThreshold(_ db: Database) throws -> Int {
        try integer("exportApprovalThreshold", db) ?? defaultExportApprovalThreshold
    }

    package static func setExportApprovalThreshold(_ value: Int, _ db: Database) throws {
        try store(value, in: 1...10_000_000, as: "exportApprovalThreshold", db)
    }

    /// Former members are erased this many full years after the end of their exit year (default 2).
    package static func erasureRetentionYears(_ db: Database) throws -> Int {
        try integer("erasureRetentionYears", db) ?? defaultErasureRetentionYears
    }

    package static func setErasureRetentionYears(_ value: Int, _ db: Database) throws {
        try store(value, in: 0...30, as: "erasureRetentionYears", db)
    }

    /// The youngest age at entry the statutes allow (default 14).
    package static func minimumEntryAge(_ db: Database) throws -> Int {
        try integer("minimumEntryAge", db) ?? defaultMinimumEntryAge
    }

    package static func setMinimumEntryAge(_ value: Int, _ db: Database) throws {
        try store(value, in: 0...30, as: "minimumEntryAge", db)
    }

    /// The mail domain of canary addresses: a mailbox the association watches (default example.org).
    package static func canaryMailDomain(_ db: Database) throws -> String {
        try text("canaryMailDomain", db) ?? defaultCanaryMailDomain
    }

    /// Stores an already checked domain (SettingsService checks its form).
    package static func setCanaryMailDomain(_ domain: String, _ db: Database) throws {
        try store(domain, as: "canaryMailDomain", db)
    }

    /// The association's time zone (default Europe/Berlin): the day entries, exits and defaults use.
    package static func timeZone(_ db: Database) throws -> TimeZone {
        try text("timeZone", db).flatMap(AssociationTime.zone(named:)) ?? AssociationTime.defaultZone
    }

    package static func setTimeZone(_ identifier: String, _ db: Database) throws {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        guard AssociationTime.zone(named: trimmed) != nil else { throw CoreError(.settingInvalid, ["value": trimmed]) }
        try store(trimmed, as: "timeZone", db)
    }

    // MARK: - Storage

    private static func text(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    private static func integer(_ key: String, _ db: Database) throws -> Int? {
        try text(key, db).flatMap(Int.init)
    }

    private static func store(_ value: String, as key: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    private static func store(_ value: Int, in range: ClosedRange<Int>, as key: String, _ db: Database) throws {
        guard range.contains(value) else { throw CoreError(.settingInvalid, ["value": String(value)]) }
        try store(String(value), as: key, db)
    }
}
