import Foundation
import KarteiMessages

/// The one table of roles × operations × scopes. Code decides from it and docs/POLICY.md is
/// generated from it (`kartei policy --format markdown`), so they cannot drift apart.
public enum AccessPolicy {
    /// How far a role's right to an operation reaches.
    public enum Reach: String, Sendable, Hashable {
        /// Everywhere.
        case all
        /// Only records of the principal's own district (and what grants add).
        case ownDistrict
    }

    /// AccessOperation → role → reach. A missing entry is a denial.
    public static let table: [AccessOperation: [Role: Reach]] = [
        .memberRead: [.treasurer: .all, .office: .all, .district: .ownDistrict],
        .memberWrite: [.treasurer: .all, .office: .all],
        .memberContactWrite: [.treasurer: .all, .office: .all, .district: .ownDistrict],
        .memberExport: [.treasurer: .all, .office: .all, .district: .ownDistrict],
        .memberErase: [.treasurer: .all],
        .subjectAccessReport: [.treasurer: .all, .office: .all],
        .financeRead: [.treasurer: .all, .office: .all, .district: .ownDistrict],
        .financeWrite: [.treasurer: .all],
        .electionRecord: [.treasurer: .all, .office: .all],
        .delegateKeyCompute: [.treasurer: .all, .office: .all],
        .statisticsRelease: [.treasurer: .all, .office: .all],
        .statisticsRead: [.treasurer: .all, .office: .all, .statistician: .all],
        .auditRead: [.treasurer: .all, .auditor: .all],
        .auditReadIdentified: [.treasurer: .all, .auditor: .all],
        .auditVerify: [.treasurer: .all, .office: .all, .auditor: .all],
        .orgRead: [.treasurer: .all, .office: .all, .district: .all, .statistician: .all, .auditor: .all],
        .orgWrite: [.treasurer: .all],
        .userRead: [.treasurer: .all],
        .userManage: [.treasurer: .all],
        .caManage: [.treasurer: .all],
        .vaultAdmin: [.treasurer: .all],
        .vaultCheck: [.treasurer: .all, .office: .all, .auditor: .all],
    ]

    /// What someone who opened the vault with its passphrase or recovery code (no certificate)
    /// may do: administer the vault, the CA and the users. Never member data: every access to it
    /// must be attributable to a person's certificate.
    public static let keyHolderOperations: Set<AccessOperation> = [
        .vaultAdmin, .vaultCheck, .caManage, .userRead, .userManage, .orgRead, .orgWrite, .auditVerify,
    ]

    /// How far a principal's right to an operation reaches; nil when it has none anywhere.
    public static func reach(_ principal: Principal, _ operation: AccessOperation) -> Reach? {
        if principal.kind == .keyHolder { return keyHolderOperations.contains(operation) ? .all : nil }
        return table[operation]?[principal.role]
    }

    /// Decides one request. `grants` are the principal's district's grants (any time; checked here).
    public static func decide(_ principal: Principal, _ operation: AccessOperation, _ target: AccessTarget,
                              grants: [Grant] = [], at time: Date) -> AccessDecision {
        if principal.kind == .keyHolder {
            return keyHolderOperations.contains(operation)
                ? .allowed
                : .denied(.needsCertificate, principal, operation, target)
        }
        guard let reach = table[operation]?[principal.role] else {
            return .denied(.roleLacksRight, principal, operation, target)
        }
        switch reach {
        case .all:
            return .allowed
        case .ownDistrict:
            guard let own = principal.scope.districtName else {
                return .denied(.outsideScope, principal, operation, target)
            }
            guard let wanted = target.district else {
                // A vault-wide request from a district officer (all members, every district).
                return .denied(.outsideScope, principal, operation, target)
            }
            if wanted == own { return .allowed }
            if grants.contains(where: { $0.covers(operation, target, for: own, at: time) }) { return .allowed }
            return .denied(.outsideScope, principal, operation, target)
        }
    }

    /// The table as Markdown (docs/POLICY.md).
    public static func markdown(in language: Language = .english) -> String {
        let roles = Role.allCases
        var lines = [
            language == .german ? "# Zugriffsrechte" : "# Access policy",
            "",
            Message(.policyIntro).text(in: language),
            "",
            "| " + (language == .german ? "Operation" : "Operation") + " | "
                + roles.map { "`\($0.rawValue)`" }.joined(separator: " | ") + " |",
            "|---|" + roles.map { _ in "---|" }.joined(),
        ]
        for operation in AccessOperation.allCases {
            let cells = roles.map { role -> String in
                switch table[operation]?[role] {
                case .all: "✔"
                case .ownDistrict: Message(.policyOwnDistrict).text(in: language)
                case nil: "–"
                }
            }
            lines.append("| `\(operation.rawValue)` — \(operation.message.text(in: language)) | " + cells.joined(separator: " | ") + " |")
        }
        lines += [
            "",
            Message(.policyKeyHolders).text(in: language) + " "
                + keyHolderOperations.map { "`\($0.rawValue)`" }.sorted().joined(separator: ", ") + ".",
            "",
            Message(.policyFooter).text(in: language),
            "",
        ]
        return lines.joined(separator: "\n")
    }
}

/// The answer of the access policy.
public enum AccessDecision: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case roleLacksRight, outsideScope, needsCertificate
    }

    case allowed
    case denied(Reason, Principal, AccessOperation, AccessTarget)

    public var isAllowed: Bool { self == .allowed }
}

/// A refused operation: who, what and why, exit code 77.
///
/// A denial tells the asker nothing they may not know: a record asked for by number is named by
/// what was asked (`requested`), never by where it is, and "there is none in your district" is
/// the answer whether it exists elsewhere or not at all. The audit entry keeps what was asked.
public struct AccessDenied: UserFacingError, Hashable {
    public let reason: AccessDecision.Reason
    public let principal: Principal
    public let operation: AccessOperation
    public let target: AccessTarget
    /// The records as the asker named them (`100439`, `#801`, `body:6`), when they asked for one.
    public let requested: [String]

    public init(reason: AccessDecision.Reason, principal: Principal, operation: AccessOperation, target: AccessTarget,
                requested: [String] = []) {
        self.reason = reason
        self.principal = principal
        self.operation = operation
        self.target = target
        self.requested = requested
    }

    public var exitCode: KarteiExitCode { .permissionDenied }

    /// A single record asked for by its reference.
    private var asksForOne: Bool {
        if case .district = target { return false }
        return !requested.isEmpty
    }

    public var message: Message {
        let why: MessageKey = switch reason {
        case .roleLacksRight: .deniedRoleLacksRight
        case .outsideScope: asksForOne ? .deniedNoneInScope : .deniedOutsideScope
        case .needsCertificate: .deniedNeedsCertificate
        }
        let shown = asksForOne ? Message(.targetRequested, ["reference": requested.joined(separator: ", ")]) : target.message
        return Message(.accessDenied, [
            "actor": principal.actorMessage.text(),
            "operation": operation.message.text(),
            "target": shown.text(),
            "why": Message(why).text(),
        ])
    }
}
