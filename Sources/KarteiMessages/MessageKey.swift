/// Every user-facing text of kartei has a key here and a German and an English template in
/// `Catalogue.swift`. The compiler checks that each key has both; `KarteiMessagesTests` checks
/// that both use the same placeholders.
public enum MessageKey: String, Sendable, CaseIterable {
    // MARK: Vault errors
    case vaultNotFound, vaultAlreadyExists, vaultNotAVault, vaultPlainSQLite, vaultNewerFormat, vaultTruncated
    case vaultWrongKey, vaultNoHolderOfKind, vaultHeaderDamaged, vaultHeaderTampered
    case vaultPageTampered, vaultWALTampered, vaultWALHeaderTampered, vaultJournalTampered, vaultGeometry
    case vaultMissingWAL, vaultBusy, vaultDamaged, vaultIOError, vaultHolderNotFound, vaultLastHolder
    case vaultKeyringFull, vaultRecoveryCodeTypo, vaultPassphraseTooShort, vaultUnsupportedHolder
    case vaultSQLiteError, vaultTemporaryFileRefused, vaultWritePattern, vaultNotOpen

    // MARK: Command line
    case cliNoVault
    case cliUnexpectedError
    case cliCannotWrite
    case secretFileMissing
    case secretFileEmpty
    case secretFileReadable
    case secretNoTerminal
    case secretEmptyInput
    case secretMismatch
    case promptPassphrase
    case promptNewPassphrase
    case promptRepeatPassphrase
    case promptRecoveryCode
    case initCreated
    case initRecoveryCodeIntro
    case initRecoveryCodeOutro
    case recoveryCodeDefaultLabel
    case vaultInfoPath
    case vaultInfoFormat
    case vaultInfoVaultID
    case vaultInfoFileID
    case vaultInfoCipher
    case vaultInfoCipherValue
    case vaultInfoPageSize
    case vaultInfoSize
    case vaultInfoPages
    case vaultInfoJournal
    case vaultInfoKeyring
    case vaultInfoMigrations
    case vaultInfoHolders
    case vaultCheckSummary
    case vaultCheckHealthy
    case vaultCheckProblems
    case checkPageAuthentication
    case checkWALFrameAuthentication
    case checkPartialPage
    case checkIntegrity
    case checkTruncated
    case checkLeftoverFile
    case vaultRekeyDone
    case vaultBackupDone
    case vaultRepairNothingChosen
    case holderAdded
    case holderRemoved
    case demoDirectoryNotEmpty
    case demoMembersRange
    case demoTreasurerLabel
    case demoEnvComment
    case demoWarning
    case demoDone
    case benchProgress
    case helpKarteiAbstract
    case helpKarteiDiscussion
    case helpInitAbstract
    case helpInitDiscussion
    case helpVaultAbstract
    case helpVaultInfoAbstract
    case helpVaultCheckAbstract
    case helpVaultCheckDiscussion
    case helpVaultRekeyAbstract
    case helpVaultRekeyDiscussion
    case helpVaultBackupAbstract
    case helpVaultBackupDiscussion
    case helpVaultRepairAbstract
    case helpVaultRepairDiscussion
    case helpHolderAbstract
    case helpHolderListAbstract
    case helpHolderAddPassphraseAbstract
    case helpHolderAddRecoveryCodeAbstract
    case helpHolderRemoveAbstract
    case helpHolderRemoveDiscussion
    case helpDemoAbstract
    case helpDemoDiscussion
    case helpBenchAbstract
    case helpBenchStorageAbstract
    case helpBenchStorageDiscussion
    case helpOptionVault
    case helpOptionPassphraseFile
    case helpOptionRecoveryCode
    case helpOptionRecoveryCodeFile
    case helpOptionFormat
    case helpOptionLabel
    case helpOptionNoRecoveryCode
    case helpOptionNewPassphraseFile
    case helpOptionAcceptMissingWAL
    case helpOptionBackupOut
    case helpOptionDemoDir
    case helpOptionMembers
    case helpOptionSeed
    case helpOptionRows
    case helpOptionBenchDir
    case helpOptionRepeat
    case helpArgumentHolderID
}
