import Foundation
import GRDB
import KarteiCrypto
import KarteiVault

/// Administration of the vault file itself (`kartei vault …`): its facts, its check, backups, key
/// holders, rekey and repair. Each function is one authorised operation, recorded after the work:
/// in the same transaction where the work is a database change, otherwise right after it.
public struct VaultAdminService: GatedService {
    let gate: Gate

    /// Format, ids, sizes, key holders (`vaultCheck`).
    public func info() throws -> VaultInfo {
        try authorize(.vaultCheck, on: .vault)
        let info = try vault.info()
        try record(action: "vault.info", objectType: "vault", outcome: .success)
        return info
    }

    /// Every page and frame authenticated, SQLite's integrity check (`vaultCheck`). Recorded as
    /// failed when something was found.
    public func check() throws -> CheckReport {
        try authorize(.vaultCheck, on: .vault)
        let report = try vault.check()
        try record(action: "vault.check", objectType: "vault", outcome: report.isHealthy ? .success : .failed)
        return report
    }

    /// The key holders with their labels (`vaultCheck`).
    public func holders() throws -> [HolderInfo] {
        try authorize(.vaultCheck, on: .vault)
        let holders = try vault.holders()
        try record(action: "vault.holder.list", objectType: "holder", objectIDs: holders.map(\.id), outcome: .success)
        return holders
    }

    /// A consistent, encrypted copy at `path` while the vault stays in use (`vaultAdmin`).
    public func backup(to path: String) throws {
        try authorize(.vaultAdmin, on: .vault)
        try vault.backup(to: path)
        try record(action: "vault.backup", objectType: "vault", outcome: .success)
    }

    /// A new printed recovery code; returns it formatted for printing (shown once).
    public func addRecoveryCode(label: String) throws -> String {
        try FreeText.check(label, .name, field: "label")
        try authorize(.vaultAdmin, on: .vault, objectType: "holder")
        let (code, _) = try vault.addRecoveryCodeHolder(label: label) { db, holder in
            try appendSuccess("vault.holder.add", objectType: "holder", objectIDs: [holder.id], db)
        }
        return code.formatted
    }

    /// Another vault passphrase (a deputy's).
    public func addPassphraseHolder(_ passphrase: SecretBytes, label: String) throws -> HolderInfo {
        try FreeText.check(label, .name, field: "label")
        try authorize(.vaultAdmin, on: .vault, objectType: "holder")
        return try vault.addPassphraseHolder(passphrase, label: label) { db, holder in
            try appendSuccess("vault.holder.add", objectType: "holder", objectIDs: [holder.id], db)
        }
    }

    /// Makes a user's current certificate a key holder (treasurer, office, server only). The
    /// keyring change, the user's history and the audit entry commit together.
    public func addKeyHolder(userID: Int64) throws -> HolderInfo {
        try authorize(.vaultAdmin, on: .vault, objectType: "holder")
        let (user, record) = try vault.read { db in
            let user = try UserDirectory.find(userID, db)
            guard user.role.mayHoldKey else { throw CoreError(.notAKeyHolderRole, ["role": user.role.rawValue]) }
            guard user.status == .active, let record = try UserDirectory.currentCertificate(userID, db) else {
                throw CoreError(.userNotActive, ["id": String(userID)])
            }
            return (user, record)
        }
        return try vault.addCertificateHolder(Certificate(derEncoded: [UInt8](record.der)),
                                              label: "\(user.role.rawValue) #\(userID)") { db, holder in
            try UserDirectory.record(userID, "key-holder", actor: principal, detail: "serial=\(record.serial)", now, db)
            try appendSuccess("vault.holder.add", objectType: "holder", objectIDs: [holder.id, String(userID), record.serial], db)
        }
    }

    /// `kartei audit accept-rollback`: the session was opened asking to accept a rollback, which
    /// the policy decided there (before it took effect); here the right is asked once more so that
    /// running the command without a rollback is refused to anyone but the treasurer as well.
    public func acceptRollback() throws {
        try authorize(.vaultAdmin, on: .vault, objectType: "log")
    }

    /// Opened although the WAL that a crash left was lost (`kartei vault repair
    /// --accept-missing-wal`): the session was opened accepting it; here the treasurer's right is
    /// checked and the acceptance recorded, then the vault is checked.
    public func repair() throws -> CheckReport {
        try authorize(.vaultAdmin, on: .vault)
        try record(action: "vault.repair", objectType: "vault", outcome: .success)
        return try check()
    }
}

extension KarteiSession {
    /// A new data key, every page re-encrypted, the listed holders removed (`vaultAdmin`). The
    /// session is closed first (a rekey needs the vault to itself) and stays closed; the rekey is
    /// recorded in the new file before it takes the old one's place.
    public func rekey(removing holders: Set<String> = []) throws -> RekeyReport {
        try gate.authorize(.vaultAdmin, on: .vault, objectIDs: holders.sorted())
        let path = core.path
        let gate = self.gate
        try close()
        return try Vault.rekey(at: path, unlocking: unlocker, removingHolders: holders, options: core.options) { db, report in
            try gate.appendSuccess("vault.rekey", objectType: "vault", objectIDs: report.removed, db)
        }
    }
}
