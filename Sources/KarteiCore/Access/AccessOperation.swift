import KarteiMessages

/// Everything a principal can ask the core to do. The access policy decides each one per role
/// and scope; docs/POLICY.md is generated from `AccessPolicy.table`.
public enum AccessOperation: String, Sendable, Codable, CaseIterable, Hashable {
    // Personal data
    case memberRead
    case memberWrite
    case memberContactWrite
    case memberExport
    case memberErase
    case subjectAccessReport
    case financeRead
    case financeWrite
    // Party business
    case electionRecord
    case delegateKeyCompute
    // Statistics
    case statisticsRelease
    case statisticsRead
    // Audit
    case auditRead
    case auditReadIdentified
    case auditVerify
    // Organisation
    case orgRead
    case orgWrite
    // Administration
    case userRead
    case userManage
    case caManage
    case vaultAdmin
    case vaultCheck

    /// Operations on members' personal data: only certificate identities may perform them.
    public var touchesMemberData: Bool {
        switch self {
        case .memberRead, .memberWrite, .memberContactWrite, .memberExport, .memberErase, .subjectAccessReport,
             .financeRead, .financeWrite, .electionRecord, .auditReadIdentified:
            true
        default:
            false
        }
    }

    public var message: Message { Message(messageKey) }

    private var messageKey: MessageKey {
        switch self {
        case .memberRead: .opMemberRead
        case .memberWrite: .opMemberWrite
        case .memberContactWrite: .opMemberContactWrite
        case .memberExport: .opMemberExport
        case .memberErase: .opMemberErase
        case .subjectAccessReport: .opSubjectAccessReport
        case .financeRead: .opFinanceRead
        case .financeWrite: .opFinanceWrite
        case .electionRecord: .opElectionRecord
        case .delegateKeyCompute: .opDelegateKeyCompute
        case .statisticsRelease: .opStatisticsRelease
        case .statisticsRead: .opStatisticsRead
        case .auditRead: .opAuditRead
        case .auditReadIdentified: .opAuditReadIdentified
        case .auditVerify: .opAuditVerify
        case .orgRead: .opOrgRead
        case .orgWrite: .opOrgWrite
        case .userRead: .opUserRead
        case .userManage: .opUserManage
        case .caManage: .opCAManage
        case .vaultAdmin: .opVaultAdmin
        case .vaultCheck: .opVaultCheck
        }
    }
}
