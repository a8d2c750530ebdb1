import Foundation
import GRDB

/// Users, their records and history. Every function runs inside the caller's transaction; the
/// caller (KarteiSession) has already authorised the principal.
public enum UserDirectory {
    /// Parses and checks a declaration date: yyyy-mm-dd or dd.mm.yyyy, not in the future.
    public static func declarationDate(_ text: String, today: CalendarDate) throws -> String {
        guard let date = CalendarDate.parse(text) else { throw CoreError(.declarationInvalid, ["date": text]) }
        guard date <= today else { throw CoreError(.declarationInvalid, ["date": date.german]) }
        return date.iso
    }

    package static func add(name: String, role: Role, scope: Scope, contact: String, declarationDate: String?,
                           actor: Principal, now: Date, today: CalendarDate, _ db: Database) throws -> UserRecord {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CoreError(.nameEmpty) }
        try checkScope(role: role, scope: scope, db)
        var user = UserRecord(id: nil, name: trimmed, role: role, scope: scope.storedValue, contact: contact,
                              declarationDate: try declarationDate.map { try self.declarationDate($0, today: today) },
                              status: .active, failedAttempts: 0, createdAt: now)
        try user.insert(db)
        try record(user.id!, "created", actor: actor, detail: "role=\(role.rawValue) scope=\(scope.storedValue)", now, db)
        return user
    }

    static func checkScope(role: Role, scope: Scope, _ db: Database) throws {
        switch (role.needsDistrict, scope) {
        case (true, .all): throw CoreError(.roleNeedsDistrict, ["role": role.rawValue])
        case (false, .district): throw CoreError(.roleHasNoDistrict, ["role": role.rawValue])
        case (true, .district(let name)):
            guard try Districts.exists(name, db) else { throw CoreError(.districtUnknown, ["district": name]) }
        case (false, .all): break
        }
    }

    package static func find(_ id: Int64, _ db: Database) throws -> UserRecord {
        guard let user = try UserRecord.fetchOne(db, key: id) else { throw CoreError(.userNotFound, ["id": String(id)]) }
        return user
    }

    package static func all(_ db: Database) throws -> [UserRecord] {
        try UserRecord.order(Column("id")).fetchAll(db)
    }

    package static func history(_ id: Int64, _ db: Database) throws -> [UserEvent] {
        try UserEvent.filter(Column("userID") == id).order(Column("at"), Column("rowid")).fetchAll(db)
    }

    package static func record(_ id: Int64, _ action: String, actor: Principal, detail: String = "", _ now: Date,
                              _ db: Database) throws {
        try UserEvent(userID: id, at: now, action: action, actor: actor.credential, detail: detail).insert(db)
    }

    package static func setDeclaration(_ id: Int64, _ text: String, actor: Principal, now: Date, today: CalendarDate,
                                      _ db: Database) throws {
        var user = try find(id, db)
        user.declarationDate = try declarationDate(text, today: today)
        try user.update(db)
        try record(id, "declaration", actor: actor, detail: user.declarationDate ?? "", now, db)
    }

    package static func setStatus(_ id: Int64, _ status: UserRecord.Status, resetAttempts: Bool, action: String,
                                 actor: Principal, now: Date, _ db: Database) throws {
        var user = try find(id, db)
        if user.status == .revoked && status != .revoked { throw CoreError(.userNotActive, ["id": String(id)]) }
        user.status = status
        if resetAttempts { user.failedAttempts = 0 }
        try user.update(db)
        try record(id, action, actor: actor, now, db)
    }

    /// The user's certificate that is currently valid (not revoked, not superseded).
    package static func currentCertificate(_ id: Int64, _ db: Database) throws -> CertificateRecord? {
        try CertificateRecord.filter(Column("userID") == id && Column("status") == CertificateRecord.Status.valid.rawValue)
            .order(Column("issuedAt").desc).fetchOne(db)
    }

    package static func certificate(serial: String, _ db: Database) throws -> CertificateRecord? {
        try CertificateRecord.fetchOne(db, key: serial)
    }

    /// Counts a failed attempt for the user of a certificate and locks them at the threshold.
    /// Returns true if the user is now locked.
    package static func recordFailedAttempt(userID: Int64, now: Date, _ db: Database) throws -> Bool {
        var user = try find(userID, db)
        user.failedAttempts += 1
        let threshold = try Settings.lockoutThreshold(db)
        var locked = false
        if user.status == .active && user.failedAttempts >= threshold {
            user.status = .locked
            locked = true
        }
        try user.update(db)
        try UserEvent(userID: userID, at: now, action: locked ? "locked-after-failed-attempts" : "failed-attempt",
                      actor: "identity", detail: String(user.failedAttempts)).insert(db)
        return locked
    }

    package static func clearFailedAttempts(userID: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE user SET failedAttempts = 0 WHERE id = ? AND failedAttempts > 0", arguments: [userID])
    }
}
