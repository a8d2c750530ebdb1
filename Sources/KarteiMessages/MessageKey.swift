/// Every user-facing text of kartei has a key here and a German and an English template in
/// `Catalogue.swift`. The compiler checks that each key has both; `KarteiMessagesTests` checks
/// that both use the same placeholders.
public enum MessageKey: String, Sendable, CaseIterable {
    // MARK: Vault errors
    case vaultNotFound, vaultAlreadyExists, vaultNotAVault, vaultPlainSQLite, vaultNewerFormat, vaultTruncated
    case vaultWrongKey, vaultNoHolderOfKind, vaultHeaderDamaged, vaultHeaderTampered
    case vaultPageTampered, vaultWALTampered, vaultJournalTampered, vaultGeometry
    case vaultMissingWAL, vaultBusy, vaultDamaged, vaultIOError, vaultHolderNotFound, vaultLastHolder
    case vaultKeyringFull, vaultRecoveryCodeTypo, vaultPassphraseTooShort, vaultUnsupportedHolder
    case vaultSQLiteError, vaultTemporaryFileRefused, vaultWritePattern, vaultNotOpen
}
