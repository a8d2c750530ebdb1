import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// Every access to the vault's data goes through `KarteiSession.perform` (authorise, run, audit in
/// one transaction). This suite proves it twice: by reading the sources, where every direct use of
/// the vault's `read`/`write` must be one of the few justified exceptions below, and at run time.
@Suite("One audited path")
struct AuditedPathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// file → functions allowed to touch the vault directly, and why.
    static let allowed: [String: Set<String>] = [
        // The gate itself: deciding, running and recording an operation, the rollback check.
        "Sources/KarteiCore/Gate/Gate.swift": ["authorize", "perform", "checkPurpose", "record", "checkRollback"],
        // Opening and closing: the settings every operation needs, the checkpoint that frames a
        // session, authentication before a principal exists.
        "Sources/KarteiCore/Gate/CoreVault.swift": ["associationTimeZone", "latestRecordedTime", "finish"],
        "Sources/KarteiCore/Gate/Authenticator.swift": ["authenticate"],
        // Public key material, no personal data: the CA certificate, the CRL, checking a CA key file.
        "Sources/KarteiCore/Authority/AuthorityService.swift": ["certificate", "currentCRL", "loadKey"],
        // Key holders: the keyring change and its audit entry commit in one transaction
        // (`Vault.addCertificateHolder`'s record closure), after `authorize`.
        "Sources/KarteiCore/VaultAdministration/VaultAdminService.swift": ["addKeyHolder"],
    ]

    static func swiftFiles(_ folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let names = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }.sorted()
    }

    /// (file, enclosing function) of every direct vault read or write.
    static func directAccesses(in files: [String]) throws -> [(String, String)] {
        let access = try Regex(#"vault\.(read|write|writeWithoutTransaction)\s*[({]"#)
        let function = try Regex(#"func\s+([A-Za-z0-9_]+)"#)
        var found: [(String, String)] = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            var current = "(top level)"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if let match = line.firstMatch(of: function), let name = match.output[1].substring {
                    current = String(name)
                }
                if line.contains(access) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    found.append((file, current))
                }
            }
        }
        return found
    }

    @Test("the core touches the vault only on the audited path and the listed exceptions")
    func core() throws {
        let accesses = try Self.directAccesses(in: Self.swiftFiles("Sources/KarteiCore"))
        #expect(!accesses.isEmpty, "the scan found the audited path itself")
        for (file, function) in accesses {
            #expect(Self.allowed[file]?.contains(function) == true, "\(file): \(function) reads or writes the vault directly")
        }
    }

    @Test("the command line never touches the vault's data directly")
    func commandLine() throws {
        let accesses = try Self.directAccesses(in: Self.swiftFiles("Sources/kartei") + Self.swiftFiles("Sources/KarteiCore/Session"))
            .filter { $0.0.hasPrefix("Sources/kartei") }
        #expect(accesses.isEmpty, "\(accesses)")
    }

    @Test("every session operation on personal data leaves an entry, success or denial")
    func runtime() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        func size() throws -> Int64 { try treasurer.vault.read { db in try AuditLog.size(db) } }
        let number = try treasurer.members.add(MemberChange(givenName: "Ada", familyName: "Audit", birthDate: "1980-01-01",
                                                          district: "Leipzig"), entryDate: CalendarDate(year: 2020, month: 1, day: 1)).number!
        let operations: [(String, () throws -> Void)] = [
            ("members", { _ = try treasurer.members.list(MemberQuery()) }),
            ("member", { _ = try treasurer.members.show(.number(number)) }),
            ("searchMembers", { _ = try treasurer.members.search("Audit") }),
            ("duplicates", { _ = try treasurer.members.duplicates() }),
            ("anniversaries", { _ = try treasurer.members.anniversaries() }),
            ("changeMember", { _ = try treasurer.members.change(.number(number), MemberChange(email: "ada@example.org")) }),
            ("rectifyMember", { _ = try treasurer.members.rectify(.number(number), MemberChange(givenName: "Adah")) }),
            ("subjectAccessReport", { _ = try treasurer.members.report(.number(number)) }),
            ("confirmationLetter", { _ = try treasurer.members.letter(.entry, for: .number(number), association: "LV") }),
            ("exportMembers", { _ = try treasurer.exports.export(ExportRequest(purpose: .email, purposeText: "t", recipient: "t")) }),
            ("mandates", { _ = try treasurer.org.mandates() }),
            ("terms", { _ = try treasurer.org.terms(.number(number)) }),
            ("users", { _ = try treasurer.users.list() }),
            ("user", { _ = try treasurer.users.show(1) }),
            ("addUser", { _ = try treasurer.users.add(name: "A", role: .office, scope: .all, declarationDate: nil) }),
            ("setDeclaration", { try treasurer.users.setDeclaration(1, date: "2026-01-01") }),
            ("setUserStatus", { try treasurer.users.setStatus(2, .resetAttempts) }),
            ("grants", { _ = try treasurer.users.grants() }),
            ("addGrant", { try treasurer.users.addGrant(district: "Leipzig", operation: .memberRead, memberNumber: number, days: 1, reason: "t") }),
            ("districts", { _ = try treasurer.org.districts() }),
            ("whoRead", { _ = try treasurer.audit.whoRead(member: String(number), purpose: "test") }),
            ("auditEntries", { _ = try treasurer.audit.entries(AuditFilter(limit: 1)) }),
            ("verifyAudit", { _ = try treasurer.audit.verify() }),
            ("issueCertificate", { _ = try treasurer.authority.issue(userID: 4, caKey: install.caKey) }),
        ]
        for (name, operation) in operations {
            let before = try size()
            try operation()
            #expect(try size() > before, "\(name) left no audit entry")
        }
        try treasurer.close()
    }
}
