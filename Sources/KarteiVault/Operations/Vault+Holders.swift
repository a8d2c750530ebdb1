import Foundation
import GRDB
import KarteiCrypto

/// A key holder as the treasurer sees it.
public struct HolderInfo: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var label: String
    public var createdAt: Date?
}

extension Vault {
    /// The holders of the data key, with their labels.
    public func holders() throws -> [HolderInfo] {
        let labels = try read { db in try VaultSchema.labels(db) }
        return currentKeyring.entries.map { entry in
            let label = labels[entry.idHex]
            return HolderInfo(id: entry.idHex, kind: entry.kind.name, label: label?.label ?? "", createdAt: label?.createdAt)
        }
    }

    /// Adds a passphrase holder.
    @discardableResult
    public func addPassphraseHolder(_ passphrase: SecretBytes, label: String) throws -> HolderInfo {
        try Vault.checkPassphrase(passphrase)
        let entry = try KeyHolder.makePassphrase(passphrase, dataKey: dataKey, vaultID: vaultID,
                                                 parameters: options.passphraseKDF)
        return try add(entry, label: label)
    }

    /// Adds a recovery-code holder and returns the code to print. It is shown once.
    public func addRecoveryCodeHolder(label: String) throws -> (RecoveryCode, HolderInfo) {
        let code = try RecoveryCode.generate()
        let entry = try KeyHolder.makeRecoveryCode(code, dataKey: dataKey, vaultID: vaultID)
        return (code, try add(entry, label: label))
    }

    func add(_ entry: HolderEntry, label: String) throws -> HolderInfo {
        let now = options.now()
        try write { db in
            // The keyring write comes last: if anything before it fails, nothing changed.
            try VaultSchema.recordHolder(db, id: entry.idHex, kind: entry.kind, label: label, at: now)
            try updateKeyring(inTransactionWith: db) { $0.append(entry) }
        }
        options.logger.info("key holder added", metadata: ["holder": "\(entry.idHex.prefix(8))", "kind": "\(entry.kind.name)"])
        return HolderInfo(id: entry.idHex, kind: entry.kind.name, label: label, createdAt: now)
    }
}
