import Foundation
import GRDB
import KarteiVault

/// A domain service: a value over a gate (`MemberService`, `FinanceService`, …). It reaches the
/// vault only through the gate's audited operations; these forwards keep the services' code
/// short.
protocol GatedService: Sendable {
    var gate: Gate { get }
}

extension GatedService {
    var principal: Principal { gate.principal }
    var vault: Vault { gate.vault }
    var now: Date { gate.now }
    var today: CalendarDate { gate.today }
    var timeZone: TimeZone { gate.timeZone }

    func authorize(_ operation: AccessOperation, on target: AccessTarget, purpose: String = "",
                   objectType: String = "vault", objectIDs: [String] = []) throws {
        try gate.authorize(operation, on: target, purpose: purpose, objectType: objectType, objectIDs: objectIDs)
    }

    func perform<T>(_ operation: AccessOperation, on target: AccessTarget, purpose: String = "", objectType: String,
                    _ body: (Database) throws -> (T, [String])) throws -> T {
        try gate.perform(operation, on: target, purpose: purpose, objectType: objectType, body)
    }

    func perform<T>(_ operation: AccessOperation, purpose: String = "", objectType: String, requested: [String],
                    resolving resolve: (Database) throws -> AccessTarget,
                    _ body: (Database, AccessTarget) throws -> (T, [String])) throws -> T {
        try gate.perform(operation, purpose: purpose, objectType: objectType, requested: requested, resolving: resolve, body)
    }

    func record(action: String, objectType: String, objectIDs: [String] = [], purpose: String = "",
                outcome: AuditEvent.Outcome) throws {
        try gate.record(action: action, objectType: objectType, objectIDs: objectIDs, purpose: purpose, outcome: outcome)
    }

    func appendSuccess(_ action: String, objectType: String, objectIDs: [String], _ db: Database) throws {
        try gate.appendSuccess(action, objectType: objectType, objectIDs: objectIDs, db)
    }

    func grants(_ db: Database) throws -> [Grant] { try gate.grants(db) }

    func permits(_ operation: AccessOperation, _ target: AccessTarget, grants: [Grant]) -> Bool {
        gate.permits(operation, target, grants: grants)
    }
}
