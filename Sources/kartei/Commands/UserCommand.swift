import ArgumentParser
import Foundation
import KarteiCore
import KarteiCrypto
import KarteiMessages
import KarteiVault

extension Role: ExpressibleByArgument {}

/// `kartei user …`: the people who work with kartei, their certificates and their state.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: L(.helpUserAbstract),
        discussion: L(.helpUserDiscussion),
        subcommands: [Add.self, List.self, Show.self, Declaration.self, Issue.self, Renew.self, Revoke.self,
                      Lock.self, Unlock.self, Reset.self, Lockout.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserAddAbstract), discussion: L(.helpUserAddDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionUserName), valueName: "name")) var name: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionRole))) var role: Role
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionUserDistrict), valueName: "name")) var district: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionContact), valueName: "text")) var contact = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDeclarationDate), valueName: "date")) var declarationDate: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let user = try access.withSession { session in try session.users.add(name: name, role: role, scope: district.map { .district($0) } ?? .all,
                                           contact: contact, declarationDate: declarationDate?.date.iso) }
            if format == .json {
                try JSONOutput.printObject(["id": user.id!])
            } else {
                Console.out(L(.userAdded, ["id": String(user.id!), "role": user.role.rawValue]))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserListAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let users = try access.withSession { session in try session.users.list() }
            switch format {
            case .json: try JSONOutput.printArray(users)
            case .csv:
                CSVOutput.print(header: ["id", "name", "role", "scope", "status", "serial", "declarationDate", "keyHolder"],
                                rows: users.map { [String($0.id), $0.name, $0.role, $0.scope, $0.status, $0.serial,
                                                   $0.declarationDate ?? "", $0.keyHolder ? "1" : "0"] })
            case .text:
                for user in users {
                    let scope = user.scope.isEmpty ? "" : " (\(user.scope))"
                    let holder = user.keyHolder ? " 🔑" : ""
                    Console.line("\(user.id)  \(user.name)  \(user.role)\(scope)  \(user.status)  \(user.serial.prefix(12))\(holder)")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserShowAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        struct Detail: Encodable {
            var user: UserSummary
            var certificates: [CertificateRecordOutput]
            var history: [UserEvent]
        }

        struct CertificateRecordOutput: Encodable {
            var serial: String
            var status: String
            var notBefore: Date
            var notAfter: Date
            var revokedAt: Date?
        }

        func run() throws {
            let session = try access.openSession()
            defer { try? session.close() }
            let detail = try session.users.show(id)
            let (user, certificates, history) = (detail.summary, detail.certificates, detail.history)
            try session.close()
            let output = certificates.map {
                CertificateRecordOutput(serial: $0.serial, status: $0.status.rawValue, notBefore: $0.notBefore,
                                        notAfter: $0.notAfter, revokedAt: $0.revokedAt)
            }
            switch format {
            case .json: try JSONOutput.printObject(Detail(user: user, certificates: output, history: history))
            case .text:
                Console.line("\(user.id)  \(user.name)")
                Console.line("  \(L(.userFieldRole)): \(user.role)\(user.scope.isEmpty ? "" : " (\(user.scope))")")
                Console.line("  \(L(.userFieldStatus)): \(user.status) (\(L(.userFieldAttempts)): \(user.failedAttempts))")
                Console.line("  \(L(.userFieldDeclaration)): \(user.declarationDate ?? "–")")
                Console.line("  \(L(.userFieldContact)): \(user.contact.isEmpty ? "–" : user.contact)")
                Console.line("  \(L(.userFieldCertificates)):")
                for certificate in output {
                    Console.line("    \(certificate.serial)  \(certificate.status)  \(Dates.day(of: certificate.notBefore).iso) – \(Dates.day(of: certificate.notAfter).iso)")
                }
                Console.line("  \(L(.userFieldHistory)):")
                for event in history {
                    Console.line("    \(ISO8601DateFormatter().string(from: event.at))  \(event.action)  \(event.detail)")
                }
            }
        }
    }

    struct Declaration: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserDeclarationAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        @Argument(help: ArgumentHelp(L(.helpOptionDeclarationDate))) var date: Day

        func run() throws {
            try access.withSession { session in try session.users.setDeclaration(id, date: date.date.iso) }
            Console.out(L(.userDeclarationRecorded, ["id": String(id), "date": date.date.german]))
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserIssueAbstract), discussion: L(.helpUserIssueDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @OptionGroup var caKey: CAKeyOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCSR), valueName: "file")) var csr: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionIssueOut), valueName: "file")) var out: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDNS), valueName: "name")) var dns: [String] = []

        func run() throws { try IssueFlow.run(access: access, caKey: caKey, id: id, csr: csr, out: out, dns: dns) }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserRenewAbstract), discussion: L(.helpUserRenewDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @OptionGroup var caKey: CAKeyOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCSR), valueName: "file")) var csr: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionIssueOut), valueName: "file")) var out: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDNS), valueName: "name")) var dns: [String] = []

        func run() throws { try IssueFlow.run(access: access, caKey: caKey, id: id, csr: csr, out: out, dns: dns) }
    }

    enum Reason: String, ExpressibleByArgument, CaseIterable {
        case unspecified, keyCompromise, affiliationChanged, cessationOfOperation
        var crlReason: CRLReason {
            switch self {
            case .unspecified: .unspecified
            case .keyCompromise: .keyCompromise
            case .affiliationChanged: .affiliationChanged
            case .cessationOfOperation: .cessationOfOperation
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserRevokeAbstract), discussion: L(.helpUserRevokeDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @OptionGroup var caKey: CAKeyOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReason))) var reason: Reason = .affiliationChanged
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionDeferCRL))) var deferCrl = false

        func run() throws {
            let session = try access.openSession()
            defer { try? session.close() }
            let key = try caKey.load(session, required: !deferCrl)
            let result = try session.authority.revoke(id, reason: reason.crlReason, caKey: key)
            Console.out(L(.userRevoked, count: result.serials.count, ["id": String(id)]))
            if !result.crlSigned { Console.note(Message(.userRevokedCRLDeferred)) }
            if !result.holderIDs.isEmpty {
                let report = try session.rekey(removing: Set(result.holderIDs))
                Console.out(L(.vaultRekeyDone, count: report.holders, ["pages": L(.vaultPages, count: report.pages)]))
            } else {
                try session.close()
            }
        }
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserLockAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        func run() throws { try StatusFlow.run(access, id, .lock) }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserUnlockAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        func run() throws { try StatusFlow.run(access, id, .unlock) }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpUserResetAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var id: Int64
        func run() throws { try StatusFlow.run(access, id, .resetAttempts) }
    }

    struct Lockout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpUserLockoutAbstract, ["default": String(Settings.defaultLockoutThreshold)]))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentAttempts))) var attempts: Int

        func run() throws {
            try access.withSession { session in try session.settings.setLockoutThreshold(attempts) }
            Console.out(L(.userLockoutSet, count: attempts))
        }
    }
}

enum StatusFlow {
    static func run(_ access: VaultAccessOptions, _ id: Int64, _ change: UserStatusChange) throws {
        try access.withSession { session in try session.users.setStatus(id, change) }
        let done: MessageKey = switch change {
        case .lock: .userLocked
        case .unlock: .userUnlocked
        case .resetAttempts: .userAttemptsCleared
        }
        Console.out(L(done, ["id": String(id)]))
    }
}

/// Issue and renew: a certificate for a request, or a new key delivered as a bundle whose
/// one-time transport passphrase is printed (stdout) separately from the file.
enum IssueFlow {
    static func run(access: VaultAccessOptions, caKey: CAKeyOptions, id: Int64, csr: String?, out: String, dns: [String]) throws {
        try NewFile.checkAvailable(out)
        let request: CertificateSigningRequest? = try csr.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CoreError(.fileMissing, ["path": path]) }
            do {
                return try CertificateSigningRequest(pemEncoded: String(decoding: data, as: UTF8.self))
            } catch {
                throw CoreError(.csrUnreadable, ["path": path])
            }
        }
        let session = try access.openSession()
        defer { try? session.close() }
        let key = try caKey.load(session)!
        let issued = try session.authority.issue(userID: id, caKey: key, request: request, dnsNames: dns)
        try session.close()
        if let bundle = issued.bundle, let passphrase = issued.transportPassphrase {
            try NewFile.write(bundle, to: out)
            Console.note(Message(.userIssued, ["id": String(id), "serial": issued.certificate.serialHex, "path": out]))
            Console.note(Message(.userTransportPassphraseIntro))
            Console.out(passphrase)
        } else {
            try NewFile.write(issued.certificate.pemEncoded + issued.caCertificate.pemEncoded, to: out)
            Console.note(Message(.userIssued, ["id": String(id), "serial": issued.certificate.serialHex, "path": out]))
        }
        // A certificate of a role that holds no key opens nothing by itself: say how it is used.
        if let role = issued.certificate.roleExtension.flatMap({ Role(rawValue: $0.role) }), !role.mayHoldKey {
            Console.note(Message(.userIssuedNeedsHolder, ["id": String(id)]))
        }
    }
}
