import Foundation
import GRDB
import KarteiCrypto
import KarteiVault

/// Administration of the vault file itself: its key holders. Each function is authorised
/// (`vaultAdmin`) and recorded in the same transaction as the change it makes.
extension KarteiSession {
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

    /// Appends a success entry inside the caller's transaction.
    func appendSuccess(_ action: String, objectType: String, objectIDs: [String], _ db: Database) throws {
        try AuditLog.append(AuditEvent(at: now, principal: principal, action: action, objectType: objectType,
                                       objectIDs: objectIDs, purpose: "", outcome: .success), db)
    }
}
