import Foundation
import GRDB
import KarteiCrypto
import KarteiVault

/// What an erasure did, or in a dry run would do.
public struct ErasureSummary: Sendable, Codable {
    public var dryRun: Bool
    /// Exit dates on or before this day are past retention.
    public var cutoff: String
    public var members: [String]
}

extension KarteiSession {
    /// Erases former members (GDPR Art. 17, docs/MEMBERS.md "Erasure"): everything that identifies
    /// them is blanked in every version of their data, while member number, dates, status,
    /// district, dues, gender and birth year stay, so that statistics, delegate keys and ledgers
    /// stay consistent. Who: former members whose exit lies more than the retention period
    /// (`erasureRetentionYears`) before the end of their exit year, or the `only` members named
    /// (former members only). A dry run changes nothing; a real run needs a second key holder.
    public func eraseFormerMembers(only: [MemberReference] = [], dryRun: Bool, approver: IdentitySource? = nil,
                                   purpose: String = "") throws -> ErasureSummary {
        let approverCertificate = try approver.map { try $0.certificate() }
        let approverIdentity = approver.map { source in Result { try source.load() } }
        let holders = Set(try vault.holderCertificates().map(\.serialHex))
        let summary: ErasureSummary = try perform(.memberErase, on: .vault, purpose: purpose, objectType: "member") { db in
            let years = try Settings.erasureRetentionYears(db)
            let cutoff = CalendarDate(year: today.year - years - 1, month: 12, day: 31).iso
            var ids: [(Int64, String)] = []
            let former = "v.validTo IS NULL AND v.status IN ('resigned', 'deceased', 'expelled', 'transferred', 'rejected') AND pe.erasedAt IS NULL"
            if only.isEmpty {
                for row in try Row.fetchAll(db, sql: """
                    SELECT v.personID, CAST(coalesce(pe.number, '#' || v.personID) AS TEXT) FROM personVersion v JOIN person pe ON pe.id = v.personID
                    WHERE \(former) AND v.exitDate <= ? ORDER BY v.personID
                    """, arguments: [cutoff]) {
                    ids.append((row[0], row[1]))
                }
            } else {
                for reference in only {
                    guard let id = try MemberStore.personID(reference, db),
                          try Bool.fetchOne(db, sql: """
                            SELECT EXISTS (SELECT 1 FROM personVersion v JOIN person pe ON pe.id = v.personID
                            WHERE v.personID = ? AND \(former))
                            """, arguments: [id]) == true else {
                        throw CoreError(.erasureNotFormer, ["member": reference.description])
                    }
                    ids.append((id, reference.description))
                }
            }
            if !dryRun {
                guard let approverCertificate, let approverIdentity else {
                    throw CoreError(.erasureNeedsApproval, ["count": String(ids.count)])
                }
                _ = try secondKeyHolder(approverCertificate, approverIdentity, holders: holders, db)
                for (id, _) in ids { try MemberStore.erase(personID: id, at: AuditTime.format(now), db) }
            }
            return (ErasureSummary(dryRun: dryRun, cutoff: cutoff, members: ids.map(\.1)), ids.map(\.1))
        }
        // Old page images of the erased rows leave the WAL now, not at the next checkpoint.
        // If another process is reading right now, the WAL is emptied at the next checkpoint instead
        // (at the latest when the last connection closes); the erasure itself is committed either way.
        if !dryRun && !summary.members.isEmpty { try? vault.checkpointTruncatingWAL() }
        return summary
    }

    /// Sets the retention period of former members' data, in full years after the exit year.
    public func setErasureRetention(years: Int) throws {
        try perform(.memberErase, on: .vault, objectType: "setting") { db in
            try Settings.setErasureRetentionYears(years, db)
            return ((), ["erasureRetentionYears"])
        }
    }
}
