import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// The tamper-evident audit log (docs/FORMATS.md §9): reading it (itself logged), who read a
/// member's data, verification, exports for the audit commission, checkpoints, retention.
public struct AuditService: GatedService {
    let gate: Gate
}

extension AuditService {
    /// Log entries (auditors and the treasurer); reading the log is itself logged.
    public func entries(_ filter: AuditFilter, purpose: String = "") throws -> [AuditLog.StoredEntry] {
        if let member = filter.member {
            let (since, until) = bounds(filter)
            let matching = try whoRead(member: member, purpose: purpose).filter { entry in
                guard let event = entry.event else { return false }
                return (since.map { event.time >= $0 } ?? true) && (until.map { event.time < $0 } ?? true)
                    && (filter.actor.map { event.actorCredential.hasPrefix($0) } ?? true)
                    && (filter.action.map { event.action == $0 } ?? true)
            }
            return filter.limit.map { Array(matching.suffix($0)) } ?? matching
        }
        return try perform(.auditRead, on: .vault, purpose: purpose, objectType: "log") { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            let (since, until) = bounds(filter)
            if let since { conditions.append("e.time >= ?"); arguments += [since] }
            if let until { conditions.append("e.time < ?"); arguments += [until] }
            if let actor = filter.actor { conditions.append("e.actorCredential LIKE ?"); arguments += [actor + "%"] }
            if let action = filter.action { conditions.append("e.action = ?"); arguments += [action] }
            let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var result: [AuditLog.StoredEntry] = []
            let rows = try AuditLog.cursor(db, where: clause, arguments: arguments)
            while let row = try rows.next() {
                result.append(AuditLog.stored(row))
            }
            if let limit = filter.limit, result.count > limit { result = Array(result.suffix(limit)) }
            return (result, [])
        }
    }
    /// The filter's days as log times: from the start of `since` to the start of the day after `until`.
    private func bounds(_ filter: AuditFilter) -> (since: String?, until: String?) {
        (filter.since.map { AuditTime.format($0.start(in: timeZone)) },
         filter.until.map { AuditTime.format($0.adding(days: 1).start(in: timeZone)) })
    }
    /// Who read (or changed, or exported) a member's data, when and why (GDPR Art. 15).
    public func whoRead(member: String, purpose: String) throws -> [AuditLog.StoredEntry] {
        // The number asked for is recorded with the read.
        try FreeText.check(member, .identifier, field: "member")
        return try perform(.auditReadIdentified, on: .vault, purpose: purpose, objectType: "member") { db in
            // Entries name a person as a member, or through an office, mandate or caucus membership.
            var seen = Set<Int64>()
            var entries: [AuditLog.StoredEntry] = []
            for type in ["member", "office", "mandate", "caucus"] {
                for entry in try AuditLog.entries(objectType: type, objectID: member, db) where seen.insert(entry.seq).inserted {
                    entries.append(entry)
                }
            }
            return (entries.sorted { $0.seq < $1.seq }, [member])
        }
    }
    /// Recomputes and checks the whole log; external checkpoints are checked too.
    public func verify(external: [Checkpoint] = []) throws -> AuditVerification {
        try perform(.auditVerify, on: .vault, objectType: "log") { db in
            let result = try AuditVerifier.verify(vaultID: vault.vaultID, external: external, db)
            return (result, [])
        }
    }
    /// The export for the audit commission (docs/FORMATS.md §9.6).
    public func export(to directory: URL, purpose: String = "") throws -> AuditExport.Summary {
        try perform(.auditRead, on: .vault, purpose: purpose, objectType: "log") { db in
            (try AuditExport.write(to: directory, vaultID: vault.vaultID, now: now, db), [])
        }
    }
    /// The vault's newest checkpoint (to keep outside the vault).
    public func latestCheckpoint() throws -> Checkpoint {
        try perform(.auditVerify, on: .vault, objectType: "log") { db in
            (try AuditLog.signCheckpoint(vaultID: vault.vaultID, now: now, db), [])
        }
    }
    /// Erases contents older than the retention (leaf hashes stay). Returns how many entries.
    public func prune(dryRun: Bool) throws -> PruneResult {
        try perform(.vaultAdmin, on: .vault, objectType: "log") { db in
            let cutoff = AuditLog.retentionCutoff(now: now, years: try Settings.auditRetentionYears(db), timeZone: timeZone)
            return (PruneResult(count: try AuditLog.prune(before: cutoff, dryRun: dryRun, db), cutoff: cutoff), [])
        }
    }
}
