import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Users of kartei (staff, not members), their data-protection declarations and status, and the
/// grants that widen a district's reach (docs/IDENTITIES.md).
public struct UserService: GatedService {
    let gate: Gate
}

extension UserService {
    public func add(name: String, role: Role, scope: Scope, contact: String = "", declarationDate: String?) throws -> UserRecord {
        try FreeText.check([(name, .name, "name"), (contact, .contact, "contact")])
        return try perform(.userManage, on: .vault, objectType: "user") { db in
            let user = try UserDirectory.add(name: name, role: role, scope: scope, contact: contact,
                                             declarationDate: declarationDate, actor: principal, now: now, today: today, db)
            return (user, [String(user.id!)])
        }
    }
    public func list() throws -> [UserSummary] {
        let holderCertificates = Set(try vault.holderCertificates().map(\.serialHex))
        return try perform(.userRead, on: .vault, objectType: "user") { db in
            let summaries = try UserDirectory.all(db).map { try summary($0, holders: holderCertificates, db) }
            return (summaries, summaries.map { String($0.id) })
        }
    }
    public func show(_ id: Int64) throws -> UserDetail {
        let holderCertificates = Set(try vault.holderCertificates().map(\.serialHex))
        return try perform(.userRead, on: .vault, objectType: "user") { db in
            let user = try UserDirectory.find(id, db)
            let certificates = try CertificateRecord.filter(Column("userID") == id).order(Column("issuedAt")).fetchAll(db)
            return (UserDetail(summary: try summary(user, holders: holderCertificates, db), certificates: certificates,
                               history: try UserDirectory.history(id, db)), [String(id)])
        }
    }
    private func summary(_ user: UserRecord, holders: Set<String>, _ db: Database) throws -> UserSummary {
        let current = try UserDirectory.currentCertificate(user.id!, db)
        return UserSummary(id: user.id!, name: user.name, role: user.role.rawValue, scope: user.scope, contact: user.contact,
                           declarationDate: user.declarationDate, status: user.status.rawValue,
                           failedAttempts: user.failedAttempts, serial: current?.serial ?? "", notAfter: current?.notAfter,
                           keyHolder: current.map { holders.contains($0.serial) } ?? false)
    }
    public func setDeclaration(_ id: Int64, date: String) throws {
        try perform(.userManage, on: .vault, objectType: "user") { db in
            try UserDirectory.setDeclaration(id, date, actor: principal, now: now, today: today, db)
            return ((), [String(id)])
        }
    }
    /// Locks a user (refused until unlocked), unlocks them, or clears their failed attempts.
    public func setStatus(_ id: Int64, _ change: UserStatusChange) throws {
        try perform(.userManage, on: .vault, objectType: "user") { db in
            switch change {
            case .lock: try UserDirectory.setStatus(id, .locked, resetAttempts: false, action: "locked", actor: principal, now: now, db)
            case .unlock: try UserDirectory.setStatus(id, .active, resetAttempts: true, action: "unlocked", actor: principal, now: now, db)
            case .resetAttempts:
                let user = try UserDirectory.find(id, db)
                try UserDirectory.setStatus(id, user.status == .locked ? .active : user.status, resetAttempts: true,
                                            action: "attempts-reset", actor: principal, now: now, db)
            }
            return ((), [String(id)])
        }
    }
    /// Grants a district time-limited access to one member (for example read access for 90 days
    /// after the member transferred to another district).
    @discardableResult
    public func addGrant(district: String, operation: AccessOperation, memberNumber: Int, days: Int, reason: String) throws -> Grant {
        try FreeText.check(reason, .reason, field: "reason")
        return try perform(.userManage, on: .vault, objectType: "grant") { db in
            guard try Districts.exists(district, db) else { throw CoreError(.districtUnknown, ["district": district]) }
            guard (1...3650).contains(days) else { throw CoreError(.settingInvalid, ["value": String(days)]) }
            // A grant names one member who exists: never 0 (pending entries) or a number not yet issued.
            guard memberNumber > 0, try MemberStore.numberTaken(memberNumber, db) else {
                throw CoreError(.memberNotFound, ["member": String(memberNumber)])
            }
            var grant = Grant(district: district, operation: operation, memberNumber: memberNumber, validFrom: now,
                              validUntil: now.addingTimeInterval(TimeInterval(days) * 86_400), reason: reason)
            grant.id = try GrantStore.insert(grant, db)
            return (grant, [String(memberNumber)])
        }
    }
    public func grants() throws -> [Grant] {
        try perform(.userRead, on: .vault, objectType: "grant") { db in
            let grants = try GrantStore.grants(district: nil, db)
            return (grants, grants.map { String($0.memberNumber) })
        }
    }
}
