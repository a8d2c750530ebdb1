import Foundation
import GRDB
import KarteiVault

/// The one place that decides, runs and records an operation: a principal at an open vault.
///
/// `perform` asks the access policy, records a denial and throws it (exit 77), or runs the
/// operation in a transaction and appends its audit entry in the same transaction; a failed
/// operation is recorded as failed. Domain services (`MemberService`, `FinanceService`, …) are
/// thin values over a gate; the database never leaves a gate's closure and nothing outside the
/// core can reach it. A gate is cheap: a server builds one per authenticated request.
struct Gate: Sendable {
    let core: CoreVault
    let principal: Principal

    var vault: Vault { core.vault }
    var now: Date { core.now }
    var today: CalendarDate { core.today }
    var timeZone: TimeZone { core.timeZone }

    /// Authorises the principal for an operation on a target; a denial is recorded and thrown.
    /// A purpose that breaks the text rule (`FreeText`) is refused first, and nothing is recorded:
    /// the request was not accepted, so there is nothing to decide, and the log never holds such text.
    func authorize(_ operation: AccessOperation, on target: AccessTarget, purpose: String = "",
                   objectType: String = "vault", objectIDs: [String] = []) throws {
        try FreeText.check(purpose, .purpose, field: "purpose")
        let decision = try vault.read { db in
            AccessPolicy.decide(principal, operation, target, grants: try grants(db), at: now)
        }
        guard case .denied(let reason, _, _, _) = decision else { return }
        try record(action: operation.rawValue, objectType: objectType, objectIDs: objectIDs, purpose: purpose, outcome: .denied)
        throw AccessDenied(reason: reason, principal: principal, operation: operation, target: target)
    }

    /// The one audited path: authorises, runs `body` in a write transaction, and appends the
    /// audit event with the record ids `body` returns in the same transaction. A failure of
    /// `body` rolls everything back and is recorded as failed.
    func perform<T>(_ operation: AccessOperation, on target: AccessTarget, purpose: String = "", objectType: String,
                    _ body: (Database) throws -> (T, [String])) throws -> T {
        // `authorize` refuses a purpose that breaks the text rule before anything is recorded.
        try authorize(operation, on: target, purpose: purpose, objectType: objectType)
        try checkPurpose(operation, purpose, objectType: objectType)
        do {
            return try vault.write { db in
                let (result, ids) = try body(db)
                try AuditLog.append(AuditEvent(at: now, principal: principal, action: operation.rawValue,
                                               objectType: objectType, objectIDs: ids, purpose: purpose,
                                               outcome: .success), db)
                return result
            }
        } catch {
            try? record(action: operation.rawValue, objectType: objectType, purpose: purpose, outcome: .failed)
            throw error
        }
    }

    /// The same path when the target is only known from the data: `resolve` finds it (for example
    /// the district of the member asked for) in the transaction that then runs `body`, so the
    /// decision and the data cannot drift apart. A denial writes nothing but its own entry, naming
    /// `requested`.
    ///
    /// Nothing about the record leaks to someone who may not read it: a role without the right
    /// anywhere is refused before anything is looked up, and a principal whose reach is its own
    /// district gets the same denial for a record elsewhere as for one that does not exist.
    func perform<T>(_ operation: AccessOperation, purpose: String = "", objectType: String, requested: [String],
                    resolving resolve: (Database) throws -> AccessTarget,
                    _ body: (Database, AccessTarget) throws -> (T, [String])) throws -> T {
        // A purpose that breaks the text rule: refused, nothing recorded (see `authorize`).
        try FreeText.check(purpose, .purpose, field: "purpose")
        let reach = AccessPolicy.reach(principal, operation)
        if reach == nil {
            try record(action: operation.rawValue, objectType: objectType, objectIDs: requested, purpose: purpose,
                       outcome: .denied)
            let reason: AccessDecision.Reason = principal.kind == .keyHolder ? .needsCertificate : .roleLacksRight
            throw AccessDenied(reason: reason, principal: principal, operation: operation, target: .vault, requested: requested)
        }
        try checkPurpose(operation, purpose, objectType: objectType)
        var denial: AccessDenied?
        let result: T?
        do {
            result = try vault.write { db -> T? in
                let target: AccessTarget
                do {
                    target = try resolve(db)
                } catch let error as CoreError where reach != .all && error.code.isNotFound {
                    denial = AccessDenied(reason: .outsideScope, principal: principal, operation: operation, target: .vault,
                                          requested: requested)
                    return nil
                }
                let decision = AccessPolicy.decide(principal, operation, target, grants: try grants(db), at: now)
                if case .denied(let reason, _, _, _) = decision {
                    denial = AccessDenied(reason: reason, principal: principal, operation: operation, target: target,
                                          requested: requested)
                    return nil
                }
                let (result, ids) = try body(db, target)
                try AuditLog.append(AuditEvent(at: now, principal: principal, action: operation.rawValue,
                                               objectType: objectType, objectIDs: ids, purpose: purpose,
                                               outcome: .success), db)
                return result
            }
        } catch {
            try? record(action: operation.rawValue, objectType: objectType, objectIDs: requested, purpose: purpose,
                        outcome: .failed)
            throw error
        }
        if let result { return result }
        try record(action: operation.rawValue, objectType: objectType, objectIDs: requested, purpose: purpose, outcome: .denied)
        throw denial ?? AccessDenied(reason: .outsideScope, principal: principal, operation: operation, target: .vault,
                                     requested: requested)
    }

    /// A vault can require a purpose for every operation on member data; a missing one is a denial.
    private func checkPurpose(_ operation: AccessOperation, _ purpose: String, objectType: String) throws {
        if operation.touchesMemberData && purpose.trimmingCharacters(in: .whitespaces).isEmpty,
           try vault.read({ db in try Settings.purposeRequired(db) }) {
            try record(action: operation.rawValue, objectType: objectType, outcome: .denied)
            throw CoreError(.purposeRequired)
        }
    }

    /// Whether the principal may apply an operation to one member (search results, list filters).
    func permits(_ operation: AccessOperation, _ target: AccessTarget, grants: [Grant]) -> Bool {
        if case .allowed = AccessPolicy.decide(principal, operation, target, grants: grants, at: now) { return true }
        return false
    }

    /// Appends one audit event in its own transaction (events that are not an operation on data:
    /// a denial, a refusal, `vault.open`).
    func record(action: String, objectType: String, objectIDs: [String] = [], purpose: String = "",
                outcome: AuditEvent.Outcome) throws {
        try FreeText.check(purpose, .purpose, field: "purpose")
        try vault.write { db in
            try AuditLog.append(AuditEvent(at: now, principal: principal, action: action, objectType: objectType,
                                           objectIDs: objectIDs, purpose: purpose, outcome: outcome), db)
        }
    }

    /// Appends a success entry inside the caller's transaction.
    func appendSuccess(_ action: String, objectType: String, objectIDs: [String], _ db: Database) throws {
        try AuditLog.append(AuditEvent(at: now, principal: principal, action: action, objectType: objectType,
                                       objectIDs: objectIDs, purpose: "", outcome: .success), db)
    }

    /// The grants of the principal's district (none for anyone else).
    func grants(_ db: Database) throws -> [Grant] {
        guard let district = principal.scope.districtName else { return [] }
        return try GrantStore.grants(district: district, db)
    }

    // MARK: - Rollback

    /// Compares the client's last checkpoints (of every place) with the vault's log. Accepting a
    /// rollback is vault administration: decided by the policy before it takes effect.
    func checkRollback(accept: Bool) throws {
        guard let checkpoints = core.checkpoints else { return }
        for place in core.places {
            guard let seen = checkpoints.load(vaultID: vault.vaultID, path: place) else { continue }
            try checkRollback(seen, accept: accept)
        }
    }

    private func checkRollback(_ seen: Checkpoint, accept: Bool) throws {
        let finding = try vault.read { db in try AuditLog.rollbackFinding(seen, vaultID: vault.vaultID, db) }
        guard let finding else { return }
        let current = try vault.read { db in try AuditLog.size(db) }
        if accept {
            let decision = try vault.read { db in
                AccessPolicy.decide(principal, .vaultAdmin, .vault, grants: try grants(db), at: now)
            }
            if case .denied(let reason, _, _, _) = decision {
                try record(action: "audit.rollback.accepted", objectType: "log",
                           objectIDs: [String(seen.size), String(current), finding], outcome: .denied)
                throw AccessDenied(reason: reason, principal: principal, operation: .vaultAdmin, target: .vault)
            }
            try record(action: "audit.rollback.accepted", objectType: "log",
                       objectIDs: [String(seen.size), String(current), finding], outcome: .success)
            return
        }
        try record(action: "audit.rollback.detected", objectType: "log",
                   objectIDs: [String(seen.size), String(current), finding], outcome: .denied)
        throw CoreError(.rollbackDetected, ["count": String(seen.size), "current": String(current), "finding": finding])
    }
}
