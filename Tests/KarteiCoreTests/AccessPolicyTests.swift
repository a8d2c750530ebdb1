import Foundation
import KarteiCore
import KarteiMessages
import Testing

/// Every role × every operation × in and out of scope, against a specification written here
/// independently of `AccessPolicy.table` (from the role table of PRODUCT.md): zero unauthorised
/// successes, and no surprise denials.
@Suite("Access policy matrix")
struct AccessPolicyTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// The specification: what each role may do. `inScope` is whether the target lies in the
    /// principal's own district.
    static func expected(_ role: Role, _ operation: AccessOperation, inScope: Bool) -> Bool {
        let memberData: Set<AccessOperation> = [.memberRead, .memberWrite, .memberContactWrite, .memberExport, .subjectAccessReport,
                                          .financeRead, .electionRecord, .delegateKeyCompute]
        switch role {
        case .treasurer:
            return true
        case .office:
            // All personal data and member changes; not users, CA, keys, erasure, finance bookings, audit.
            return memberData.contains(operation) || [.statisticsRelease, .statisticsRead, .auditVerify, .orgRead, .vaultCheck]
                .contains(operation)
        case .district:
            // Own district: read, contact changes, exports, arrears. The organisation everywhere.
            if operation == .orgRead { return true }
            return inScope && [.memberRead, .memberContactWrite, .memberExport, .financeRead].contains(operation)
        case .statistician:
            return [.statisticsRead, .orgRead].contains(operation)
        case .auditor:
            return [.auditRead, .auditReadIdentified, .auditVerify, .orgRead, .vaultCheck].contains(operation)
        case .server:
            return false
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let role: Role
        let operation: AccessOperation
        let inScope: Bool
        var testDescription: String { "\(role.rawValue) \(operation.rawValue) \(inScope ? "in" : "out of") scope" }
    }

    static let cases: [Case] = Role.allCases.flatMap { role in
        AccessOperation.allCases.flatMap { operation in [true, false].map { Case(role: role, operation: operation, inScope: $0) } }
    }

    static func principal(_ role: Role) -> Principal {
        Principal(kind: .user, userID: 1, name: "Test", role: role, scope: role == .district ? .district("Leipzig") : .all,
                  credential: "01ab", client: "test")
    }

    @Test("the decision matches the specification", arguments: cases)
    func matrix(_ item: Case) {
        let target: AccessTarget = item.inScope ? .member(number: 7, district: "Leipzig") : .member(number: 8, district: "Dresden")
        let decision = AccessPolicy.decide(Self.principal(item.role), item.operation, target, at: Self.now)
        #expect(decision.isAllowed == Self.expected(item.role, item.operation, inScope: item.inScope))
    }

    @Test("district officers: district-wide targets in scope only, never the whole vault")
    func districtTargets() {
        let officer = Self.principal(.district)
        #expect(AccessPolicy.decide(officer, .memberRead, .district("Leipzig"), at: Self.now).isAllowed)
        #expect(!AccessPolicy.decide(officer, .memberRead, .district("Dresden"), at: Self.now).isAllowed)
        #expect(!AccessPolicy.decide(officer, .memberRead, .vault, at: Self.now).isAllowed)
    }

    @Test("a denial says who, what and why")
    func denialMessage() {
        let decision = AccessPolicy.decide(Self.principal(.district), .memberRead, .district("Dresden"), at: Self.now)
        guard case .denied(let reason, let principal, let operation, let target) = decision else {
            Issue.record("expected a denial")
            return
        }
        let denied = AccessDenied(reason: reason, principal: principal, operation: operation, target: target)
        #expect(denied.exitCode.rawValue == 77)
        let english = denied.message.text(in: .english)
        #expect(english.contains("Leipzig") && english.contains("read members") && english.contains("Dresden"))
        #expect(english.contains("only within its own district"))
        #expect(!english.contains("Test"), "no names in denials")
    }

    @Test("time-limited grants: inside their window and for their member only")
    func grants() {
        let officer = Self.principal(.district)
        let grant = Grant(district: "Leipzig", operation: .memberRead, memberNumber: 8, validFrom: Self.now.addingTimeInterval(-10),
                          validUntil: Self.now.addingTimeInterval(90 * 86_400), reason: "transfer")
        let member8 = AccessTarget.member(number: 8, district: "Dresden")
        #expect(AccessPolicy.decide(officer, .memberRead, member8, grants: [grant], at: Self.now).isAllowed)
        #expect(!AccessPolicy.decide(officer, .memberRead, .member(number: 9, district: "Dresden"), grants: [grant], at: Self.now).isAllowed)
        #expect(!AccessPolicy.decide(officer, .memberContactWrite, member8, grants: [grant], at: Self.now).isAllowed)
        #expect(!AccessPolicy.decide(officer, .memberRead, member8, grants: [grant], at: Self.now.addingTimeInterval(91 * 86_400)).isAllowed)
        #expect(!AccessPolicy.decide(officer, .memberRead, member8, grants: [grant], at: Self.now.addingTimeInterval(-20)).isAllowed)
    }

    @Test("a vault key holder without a certificate never reaches member data")
    func keyHolders() {
        let holder = Principal(kind: .keyHolder, userID: nil, name: "", role: .treasurer, scope: .all, credential: "holder:ab",
                               client: "test")
        for operation in AccessOperation.allCases {
            let allowed = AccessPolicy.decide(holder, operation, .vault, at: Self.now).isAllowed
            #expect(allowed == AccessPolicy.keyHolderOperations.contains(operation), "\(operation)")
            if operation.touchesMemberData { #expect(!allowed) }
        }
    }

    @Test("docs/POLICY.md is the generated table")
    func generatedDocumentation() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("docs/POLICY.md"), encoding: .utf8)
        #expect(file == AccessPolicy.markdown(in: .english) + "\n",
                "regenerate with: LANG=C .build/debug/kartei policy --format markdown > docs/POLICY.md")
    }
}
