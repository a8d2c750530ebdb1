import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Vault-wide settings (`Settings`): the association's time zone, entry age, retention periods,
/// canary mail domain, export approval threshold, required purposes, lockout threshold.
public struct SettingsService: GatedService {
    let gate: Gate
}

extension SettingsService {
    /// Sets the association's time zone (`kartei org time-zone ZONE`): from the next session on,
    /// "today" is the day there.
    public func setTimeZone(_ identifier: String) throws {
        try FreeText.check(identifier, .identifier, field: "zone")
        try perform(.orgWrite, on: .vault, objectType: "setting") { db in
            try Settings.setTimeZone(identifier, db)
            return ((), ["timeZone"])
        }
    }
    /// Sets the youngest age at entry the statutes allow (`kartei member entry-age N`).
    public func setMinimumEntryAge(_ years: Int) throws {
        try perform(.orgWrite, on: .vault, objectType: "setting") { db in
            try Settings.setMinimumEntryAge(years, db)
            return ((), ["minimumEntryAge"])
        }
    }
    /// Sets the retention period of former members' data, in full years after the exit year.
    public func setErasureRetention(years: Int) throws {
        try perform(.memberErase, on: .vault, objectType: "setting") { db in
            try Settings.setErasureRetentionYears(years, db)
            return ((), ["erasureRetentionYears"])
        }
    }
    /// Sets the mail domain of canary addresses: a domain whose mailbox the association watches.
    public func setCanaryMailDomain(_ domain: String) throws {
        try FreeText.check(domain, .domain, field: "domain")
        try perform(.userManage, on: .vault, objectType: "setting") { db in
            let trimmed = GermanCSV.trimmed(domain).lowercased()
            guard trimmed.contains("."), !trimmed.contains("@"), !trimmed.contains(where: \.isWhitespace) else {
                throw CoreError(.settingInvalid, ["value": trimmed])
            }
            try Settings.setCanaryMailDomain(trimmed, db)
            return ((), ["canaryMailDomain"])
        }
    }
    /// Sets how many people an export may hold before a second key holder must approve it.
    public func setExportApprovalThreshold(_ people: Int) throws {
        try perform(.userManage, on: .vault, objectType: "setting") { db in
            try Settings.setExportApprovalThreshold(people, db)
            return ((), ["exportApprovalThreshold"])
        }
    }
    /// After how many failed attempts a user is locked.
    public func setLockoutThreshold(_ attempts: Int) throws {
        try perform(.userManage, on: .vault, objectType: "setting") { db in
            try Settings.setLockoutThreshold(attempts, db)
            return ((), ["lockoutThreshold"])
        }
    }
    public func setPurposeRequired(_ required: Bool) throws {
        try perform(.vaultAdmin, on: .vault, objectType: "setting") { db in
            try Settings.setPurposeRequired(required, db)
            return ((), ["purposeRequired"])
        }
    }
    public func setAuditRetention(years: Int) throws {
        try perform(.vaultAdmin, on: .vault, objectType: "setting") { db in
            try Settings.setAuditRetentionYears(years, db)
            return ((), ["auditRetentionYears"])
        }
    }
}
