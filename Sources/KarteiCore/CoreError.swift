import KarteiMessages

/// Errors of the domain layer, as a user sees them. Equality compares the code only.
public struct CoreError: UserFacingError, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case userNotFound, districtUnknown, districtExists, nameEmpty
        case declarationMissing, declarationInvalid, roleNeedsDistrict, roleHasNoDistrict, userNotActive
        case caMissing, caExists, caKeyWrongPassphrase, caKeyMismatch, caKeyUnreadable, caKeyNeeded
        case csrHasExtensions, csrBadSignature, csrUnsupportedKey, csrUnreadable
        case notAKeyHolderRole, alreadyKeyHolder
        case identityUnreadable, identityWrongPassphrase, identityKeyMismatch, identityNeedsHolder
        case identityExpired, identityNotYetValid, identityRevoked, identityForeignCA, identityTampered
        case identityWrongPurpose, identityNotCurrent, identityUserLocked, identityUserRevoked, identityInvalid
        case identityRequired, invalidDate, settingInvalid
        case identityLegacyEncryption, identityNotAKeyHolder, identityHolderRefused, identityHolderOutOfPeriod
        case auditKeyMissing, rollbackDetected, purposeRequired, exportDirectoryExists
        case memberNotFound, memberEventBeforeLast, memberEventNotAllowed, memberNotYet, memberImportUnreadable
        case exportNeedsPurpose, exportNeedsApproval, exportApproverInvalid, erasureNotFormer, erasureNeedsApproval
        case duesTableMissing, paymentFileImported, paymentFileEmpty
        case donationNotFound, donationCancelled, donationCorrected, donationReasonMissing, donationUnchanged
        case unitExists, unitNotFound, unitDateInvalid, bodyNotFound, officeNeedsMember, termNotFound, rectifyFieldsOnly, memberErased
        case transferNotAPackage, transferTampered, transferSenderUnknown, transferWrongVault, transferReplay
        case transferPartnerExpired, transferSignerInvalid, transferSignerMismatch, transferPartnerNotFound
        case transferPartnerInvalid, transferPartnerIsOwnCA, transferPartnerExists, fileExists
        case fileUnwritable, transferHistoryInvalid, folderMissing
        case importEmpty, importNoRows, exportCardsFormat
        case fileMissing, checkpointStoreUnwritable, identityHolderRetired, unknownStoredValue
        case initInterrupted, asRecordedFuture
        case textControlCharacter, textInvisibleCharacter, textCombiningMarks, textTooLong

        var messageKey: MessageKey {
            switch self {
            case .userNotFound: .coreUserNotFound
            case .districtUnknown: .coreDistrictUnknown
            case .districtExists: .coreDistrictExists
            case .nameEmpty: .coreNameEmpty
            case .declarationMissing: .coreDeclarationMissing
            case .declarationInvalid: .coreDeclarationInvalid
            case .roleNeedsDistrict: .coreRoleNeedsDistrict
            case .roleHasNoDistrict: .coreRoleHasNoDistrict
            case .userNotActive: .coreUserNotActive
            case .caMissing: .coreCAMissing
            case .caExists: .coreCAExists
            case .caKeyWrongPassphrase: .coreCAKeyWrongPassphrase
            case .caKeyMismatch: .coreCAKeyMismatch
            case .caKeyUnreadable: .coreCAKeyUnreadable
            case .caKeyNeeded: .coreCAKeyNeeded
            case .csrHasExtensions: .coreCSRHasExtensions
            case .csrBadSignature: .coreCSRBadSignature
            case .csrUnsupportedKey: .coreCSRUnsupportedKey
            case .csrUnreadable: .coreCSRUnreadable
            case .notAKeyHolderRole: .coreNotAKeyHolderRole
            case .alreadyKeyHolder: .coreAlreadyKeyHolder
            case .identityUnreadable: .coreIdentityUnreadable
            case .identityWrongPassphrase: .coreIdentityWrongPassphrase
            case .identityKeyMismatch: .coreIdentityKeyMismatch
            case .identityNeedsHolder: .coreIdentityNeedsHolder
            case .identityExpired: .coreIdentityExpired
            case .identityNotYetValid: .coreIdentityNotYetValid
            case .identityRevoked: .coreIdentityRevoked
            case .identityForeignCA: .coreIdentityForeignCA
            case .identityTampered: .coreIdentityTampered
            case .identityWrongPurpose: .coreIdentityWrongPurpose
            case .identityNotCurrent: .coreIdentityNotCurrent
            case .identityUserLocked: .coreIdentityUserLocked
            case .identityUserRevoked: .coreIdentityUserRevoked
            case .identityLegacyEncryption: .coreIdentityLegacyEncryption
            case .identityNotAKeyHolder: .coreIdentityNotAKeyHolder
            case .identityHolderRefused: .coreIdentityHolderRefused
            case .identityHolderOutOfPeriod: .coreIdentityHolderOutOfPeriod
            case .identityInvalid: .coreIdentityInvalid
            case .identityRequired: .coreIdentityRequired
            case .invalidDate: .coreInvalidDate
            case .settingInvalid: .coreSettingInvalid
            case .auditKeyMissing: .coreAuditKeyMissing
            case .rollbackDetected: .coreRollbackDetected
            case .purposeRequired: .corePurposeRequired
            case .exportDirectoryExists: .coreExportDirectoryExists
            case .memberNotFound: .coreMemberNotFound
            case .memberEventBeforeLast: .coreMemberEventBeforeLast
            case .memberEventNotAllowed: .coreMemberEventNotAllowed
            case .memberNotYet: .coreMemberNotYet
            case .memberImportUnreadable: .coreMemberImportUnreadable
            case .exportNeedsPurpose: .coreExportNeedsPurpose
            case .exportNeedsApproval: .coreExportNeedsApproval
            case .exportApproverInvalid: .coreExportApproverInvalid
            case .erasureNotFormer: .coreErasureNotFormer
            case .erasureNeedsApproval: .coreErasureNeedsApproval
            case .duesTableMissing: .coreDuesTableMissing
            case .paymentFileImported: .corePaymentFileImported
            case .paymentFileEmpty: .corePaymentFileEmpty
            case .donationNotFound: .coreDonationNotFound
            case .donationCancelled: .coreDonationCancelled
            case .donationCorrected: .coreDonationCorrected
            case .donationReasonMissing: .coreDonationReasonMissing
            case .donationUnchanged: .coreDonationUnchanged
            case .importEmpty: .coreImportEmpty
            case .importNoRows: .coreImportNoRows
            case .exportCardsFormat: .coreExportCardsFormat
            case .unitExists: .coreUnitExists
            case .unitNotFound: .coreUnitNotFound
            case .unitDateInvalid: .coreUnitDateInvalid
            case .bodyNotFound: .coreBodyNotFound
            case .officeNeedsMember: .coreOfficeNeedsMember
            case .termNotFound: .coreTermNotFound
            case .rectifyFieldsOnly: .coreRectifyFieldsOnly
            case .memberErased: .coreMemberErased
            case .transferNotAPackage: .coreTransferNotAPackage
            case .transferTampered: .coreTransferTampered
            case .transferSenderUnknown: .coreTransferSenderUnknown
            case .transferWrongVault: .coreTransferWrongVault
            case .transferReplay: .coreTransferReplay
            case .transferPartnerExpired: .coreTransferPartnerExpired
            case .transferSignerInvalid: .coreTransferSignerInvalid
            case .transferSignerMismatch: .coreTransferSignerMismatch
            case .transferPartnerNotFound: .coreTransferPartnerNotFound
            case .transferPartnerInvalid: .coreTransferPartnerInvalid
            case .transferPartnerIsOwnCA: .coreTransferPartnerIsOwnCA
            case .transferPartnerExists: .coreTransferPartnerExists
            case .fileExists: .coreFileExists
            case .fileUnwritable: .coreFileUnwritable
            case .transferHistoryInvalid: .coreTransferHistoryInvalid
            case .folderMissing: .coreFolderMissing
            case .fileMissing: .coreFileMissing
            case .unknownStoredValue: .coreUnknownStoredValue
            case .checkpointStoreUnwritable: .coreCheckpointStoreUnwritable
            case .identityHolderRetired: .coreIdentityHolderRetired
            case .initInterrupted: .coreInitInterrupted
            case .asRecordedFuture: .coreAsRecordedFuture
            case .textControlCharacter: .coreTextControlCharacter
            case .textInvisibleCharacter: .coreTextInvisibleCharacter
            case .textCombiningMarks: .coreTextCombiningMarks
            case .textTooLong: .coreTextTooLong
            }
        }

        /// "There is no such record": what a principal of limited reach must not learn apart
        /// from "there is one, but elsewhere".
        var isNotFound: Bool {
            [.memberNotFound, .termNotFound, .bodyNotFound, .unitNotFound, .userNotFound].contains(self)
        }

        var exitCode: KarteiExitCode {
            switch self {
            case .userNotFound, .districtUnknown: .dataError
            case .districtExists, .caExists, .alreadyKeyHolder: .cannotCreate
            case .nameEmpty, .declarationInvalid, .roleNeedsDistrict, .roleHasNoDistrict, .invalidDate, .settingInvalid:
                .dataError
            case .declarationMissing, .userNotActive, .notAKeyHolderRole: .failure
            case .caMissing, .caKeyNeeded, .identityRequired: .configuration
            case .caKeyWrongPassphrase, .caKeyMismatch, .identityWrongPassphrase, .identityKeyMismatch: .wrongKey
            case .caKeyUnreadable, .identityUnreadable, .csrUnreadable, .identityLegacyEncryption: .dataError
            case .identityNotAKeyHolder, .identityHolderRefused, .identityHolderRetired, .identityHolderOutOfPeriod: .identityRefused
            case .csrHasExtensions, .csrBadSignature, .csrUnsupportedKey: .dataError
            case .identityNeedsHolder: .configuration
            case .auditKeyMissing: .damaged
            case .rollbackDetected: .rollbackDetected
            case .purposeRequired: .usage
            case .memberNotFound, .memberEventBeforeLast, .memberEventNotAllowed, .memberNotYet, .memberImportUnreadable: .dataError
            case .exportNeedsPurpose: .usage
            case .exportNeedsApproval, .exportApproverInvalid, .erasureNeedsApproval: .permissionDenied
            case .erasureNotFormer: .dataError
            case .exportDirectoryExists, .initInterrupted: .cannotCreate
            case .asRecordedFuture: .usage
            case .duesTableMissing: .configuration
            case .paymentFileImported, .paymentFileEmpty: .dataError
            case .donationNotFound, .donationCancelled, .donationCorrected, .donationUnchanged: .dataError
            case .donationReasonMissing: .usage
            case .importEmpty, .importNoRows: .dataError
            case .exportCardsFormat: .usage
            case .unitExists: .cannotCreate
            case .unitNotFound, .unitDateInvalid, .bodyNotFound, .officeNeedsMember, .termNotFound: .dataError
            case .rectifyFieldsOnly: .usage
            case .memberErased: .dataError
            // A package that cannot be trusted or used is bad input; the partner's CA certificate
            // or the signer's identity wanting renewal is configuration.
            case .transferNotAPackage, .transferTampered, .transferSenderUnknown, .transferWrongVault, .transferReplay,
                 .transferSignerInvalid, .transferPartnerNotFound, .transferPartnerInvalid, .transferPartnerIsOwnCA,
                 .transferHistoryInvalid:
                .dataError
            case .transferPartnerExpired, .transferSignerMismatch: .configuration
            case .transferPartnerExists, .fileExists, .folderMissing: .cannotCreate
            case .fileUnwritable, .checkpointStoreUnwritable: .ioError
            case .fileMissing: .noInput
            case .unknownStoredValue: .newerFormat
            // A text that breaks the character rule or its limit is bad input data, like a member
            // field that does (docs/FORMATS.md §11).
            case .textControlCharacter, .textInvisibleCharacter, .textCombiningMarks, .textTooLong: .dataError
            case .identityExpired, .identityNotYetValid, .identityRevoked, .identityForeignCA, .identityTampered,
                 .identityWrongPurpose, .identityNotCurrent, .identityUserLocked, .identityUserRevoked, .identityInvalid:
                .identityRefused
            }
        }
    }

    public let code: Code
    public var context: [String: String]
    public let file: String
    public let line: Int

    public init(_ code: Code, _ context: [String: String] = [:], file: String = #fileID, line: Int = #line) {
        self.code = code
        self.context = context
        self.file = file
        self.line = line
    }

    public var message: Message {
        // A wrong passphrase that was counted says how many tries are left; one that could not be
        // counted promises nothing.
        if code == .identityWrongPassphrase && context["attempts"] != nil {
            return Message(.coreIdentityWrongPassphraseCounted, context)
        }
        return Message(code.messageKey, context)
    }
    public var exitCode: KarteiExitCode { code.exitCode }
    public static func == (lhs: CoreError, rhs: CoreError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    public var description: String { "CoreError.\(code): \(message.text(in: .english)) (\(file):\(line))" }
}
