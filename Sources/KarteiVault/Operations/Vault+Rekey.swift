import CKarteiVFS
import Foundation
import GRDB
import KarteiCrypto

/// What a rekey did.
public struct RekeyReport: Sendable {
    /// Pages re-encrypted under the new data key.
    public var pages: Int
    /// Holders the new data key was wrapped for.
    public var holders: Int
    /// Holder ids that were removed.
    public var removed: [String]
}

extension Vault {
    /// Replaces the data key: every page is re-encrypted under a new key, every remaining holder
    /// receives the new key (wrapped to its public key: no other holder's secret is needed), and
    /// the listed holders are dropped. The new file replaces the old one with one atomic rename;
    /// an interruption at any point leaves the old vault as it was.
    ///
    /// Needs the vault to itself: fails with `.busy` while another process has it open.
    ///
    /// `record` runs in the new file's last write transaction, before the file takes the old
    /// one's place (a higher layer's audit entry): the rekey is recorded if and only if it happened.
    package static func rekey(
        at path: String,
        unlocking unlocker: Unlocker,
        removingHolders removed: Set<String> = [],
        options: VaultOptions = VaultOptions(),
        record: (Database, RekeyReport) throws -> Void = { _, _ in }
    ) throws -> RekeyReport {
        let path = try VaultPath.existing(path)
        let vault = try Vault.open(at: path, unlocking: unlocker, options: options)
        var exclusive: Int32 = -1
        defer { ckartei_vfs_exclusive_close(exclusive) }
        do {
            guard ckartei_vfs_references(vault.binding.rawPointer) == 1 else { throw VaultError(.busy, ["path": path]) }
            // Swap our shared presence lock for an exclusive one on a descriptor that outlives
            // the binding, so nobody opens the old file between close and rename.
            vault.binding.unlockPresence()
            let rc = ckartei_vfs_exclusive_open(path, &exclusive)
            guard rc == 0 else {
                try? vault.binding.lockPresence(exclusive: false)
                throw rc == EAGAIN ? VaultError(.busy, ["path": path]) : VaultError(.io, ["path": path])
            }
            for leftover in VaultFileBuilder.leftovers(of: path) { VaultFileBuilder.removeFamily(of: leftover) }

            let entries = vault.currentKeyring.entries
            let unknown = removed.subtracting(entries.filter(\.kind.holdsKey).map(\.idHex))
            guard unknown.isEmpty else { throw VaultError(.holderNotFound, ["id": unknown.sorted().joined(separator: ", ")]) }
            var kept = entries.filter { !removed.contains($0.idHex) }
            guard kept.contains(where: \.kind.holdsKey) else { throw VaultError(.lastHolder) }
            // A removed certificate holder is remembered by its digest (the newest few).
            let retired = try entries.filter { removed.contains($0.idHex) }.compactMap(CertificateHolder.retired)
            kept += retired
            let tombstones = kept.filter { $0.kind == .retiredCertificate }
            if tombstones.count > CertificateHolder.retiredLimit {
                let dropped = Set(tombstones.prefix(tombstones.count - CertificateHolder.retiredLimit).map(\.id))
                kept.removeAll { dropped.contains($0.id) }
            }

            let newKey = try SecretBytes(randomCount: 32)
            let certificates = try vault.read { db in try VaultSchema.certificates(db) }
            let rewrapped = try kept.map {
                try KeyHolder.rewrap($0, dataKey: newKey, vaultID: vault.vaultID, certificates: certificates)
            }
            var pages = 0
            let temporary = try VaultFileBuilder.build(
                finalPath: path, purpose: "rekey", vaultID: vault.vaultID, dataKey: newKey, entries: rewrapped,
                options: options
            ) { copy in
                do {
                    try vault.databasePool.backup(to: copy.databasePool)
                } catch {
                    throw Vault.mapError(error, binding: vault.binding, path: path)
                }
                try copy.write { db in
                    for id in removed {
                        try db.execute(sql: "DELETE FROM vault_holder WHERE id = ?", arguments: [id])
                    }
                    // Holders of earlier versions carried their certificate in the keyring: it
                    // moves into the database, the keyring keeps its digest (kind 4).
                    for entry in kept where entry.kind == .certificate {
                        guard let der = entry.fields.first else { continue }
                        try db.execute(sql: "UPDATE vault_holder SET certificate = ? WHERE id = ?",
                                       arguments: [Data(der), entry.idHex])
                    }
                }
                pages = try copy.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
                let report = RekeyReport(pages: pages, holders: rewrapped.filter(\.kind.holdsKey).count, removed: removed.sorted())
                try copy.write { db in try record(db, report) }
            }
            try vault.close()
            try VaultFileBuilder.renameIntoPlace(temporary, path)
            options.logger.info("vault rekeyed", metadata: ["pages": "\(pages)", "removed": "\(removed.count)"])
            // Retired certificates are remembered, not given the key: they are no holders.
            let holders = rewrapped.filter { $0.kind != .retiredCertificate }.count
            return RekeyReport(pages: pages, holders: holders, removed: removed.sorted())
        } catch {
            try? vault.close()
            throw error
        }
    }
}
