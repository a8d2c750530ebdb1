import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

extension ExportPurpose: ExpressibleByArgument {}

extension MemberCommand {
    /// `kartei member export`: a purpose-limited list (or membership cards) with a canary, audited.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberExportAbstract), discussion: L(.helpMemberExportDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionExportPurpose))) var purpose: ExportPurpose
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionExportReason), valueName: "text")) var reason: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionRecipient), valueName: "text")) var recipient: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrictFilter), valueName: "name")) var district: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionBody), valueName: "id")) var body: Int64?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsOf), valueName: "date")) var asOf: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionEnteredSince), valueName: "date")) var enteredSince: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionExportOut), valueName: "file")) var out: String
        @OptionGroup var approval: ApproverOptions

        func run() throws {
            let request = ExportRequest(purpose: purpose, purposeText: reason, recipient: recipient,
                                        query: MemberQuery(district: district, asOf: asOf?.date,
                                                           enteredSince: enteredSince?.date), body: body)
            let approver = try approval.identity()
            let export = try access.withSession { session in
                try session.exports.export(request, approver: approver, file: (out, L(.cardAssociation)))
            }
            Console.out(L(purpose.carriesCanary ? .memberExported : .memberExportedNoCanary, count: export.people,
                          ["file": out, "id": String(export.id)]))
        }
    }

    /// `kartei member report`: the data-subject access report (GDPR Art. 15).
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberReportAbstract), discussion: L(.helpMemberReportDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let report = try access.withSession { session in
                try session.members.report(reference, purpose: purpose)
            }
            guard format == .text else {
                try JSONOutput.printObject(report)
                return
            }
            let r = report.person.current
            Console.out(L(.reportTitle, ["name": "\(r.givenName) \(r.familyName)", "member": r.reference]))
            Console.out("")
            Console.out(L(.reportData))
            for version in report.person.history {
                let from = CalendarDate.parse(version.validFrom)?.german ?? version.validFrom
                Console.line("  \(from)  \(version.event.rawValue): \(version.givenName) \(version.familyName), "
                    + "\(version.street) \(version.houseNumber), \(version.postalCode) \(version.city); \(version.email) "
                    + "\(version.phone); \(version.district); \(version.status.rawValue); \(GermanCSV.euros(version.duesCents)) €")
            }
            Console.out("")
            Console.out(L(.reportAccesses, ["count": String(report.accesses.count)]))
            for access in report.accesses {
                let scope = access.scope.isEmpty ? "" : "/\(access.scope)"
                let purpose = access.purpose.isEmpty ? "" : "  „\(access.purpose)“"
                Console.line("  \(access.time)  \(access.role)\(scope)  \(access.action)  \(access.outcome)\(purpose)")
            }
            Console.out("")
            Console.out(L(.reportExports, ["count": String(report.exports.count)]))
            for export in report.exports {
                Console.line("  \(export.createdAt)  \(export.purpose): „\(export.purposeText)“ → \(export.recipient)")
            }
        }
    }

    /// `kartei member trace`: which export a leaked row (its canary) came from.
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberTraceAbstract), discussion: L(.helpMemberTraceDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentTraceText))) var text: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let found = try access.withSession { session in try session.exports.trace(text) }
            if format == .json { return try JSONOutput.printArray(found) }
            if format == .csv {
                return CSVOutput.print(header: ["id", "createdAt", "purpose", "reason", "recipient", "district", "people", "actor",
                                                "approver"],
                                       rows: found.map { [String($0.id), $0.createdAt, $0.purpose, $0.purposeText, $0.recipient,
                                                          $0.district, String($0.people), $0.actor, $0.approver] })
            }
            if found.isEmpty { Console.note(Message(.memberNoMatches)) }
            for export in found {
                Console.out(L(.traceFound, count: export.people,
                              ["id": String(export.id), "time": export.createdAt, "purpose": export.purpose,
                               "reason": export.purposeText, "recipient": export.recipient, "actor": export.actor]))
            }
        }
    }

    /// `kartei member export-approval N`: the size above which an export needs a second key holder.
    struct ExportApproval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-approval",
            abstract: L(.helpMemberExportApprovalAbstract, ["default": String(Settings.defaultExportApprovalThreshold)]))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentPeople))) var people: Int

        func run() throws {
            try access.withSession { session in try session.settings.setExportApprovalThreshold(people) }
            Console.out(L(.exportApprovalSet, count: people))
        }
    }
}

extension MemberCommand {
    /// `kartei member erase`: former members after retention, dry run first, four eyes.
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberEraseAbstract), discussion: L(.helpMemberEraseDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionEraseMember), valueName: "number")) var member: [String] = []
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionDryRun))) var dryRun = false
        @OptionGroup var approval: ApproverOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let references = try member.map(MemberCommand.reference)
            let approver = try approval.identity()
            let summary = try access.withSession { session in
                try session.members.erase(only: references, dryRun: dryRun, approver: approver, purpose: purpose)
            }
            if format == .json { return try JSONOutput.printObject(summary) }
            let cutoff = CalendarDate.parse(summary.cutoff)?.german ?? summary.cutoff
            Console.out(L(dryRun ? .erasureDryRun : .erasureDone, count: summary.members.count, ["cutoff": cutoff]))
            if dryRun { for reference in summary.members { Console.line("  \(reference)") } }
        }
    }

    /// `kartei member erasure-retention YEARS`.
    struct ErasureRetention: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erasure-retention",
            abstract: L(.helpMemberErasureRetentionAbstract, ["default": String(Settings.defaultErasureRetentionYears)]))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentYears))) var years: Int

        func run() throws {
            try access.withSession { session in try session.settings.setErasureRetention(years: years) }
            Console.out(L(.erasureRetentionSet, count: years))
        }
    }
}

extension MemberCommand {
    /// `kartei member duplicates`: likely duplicate people and shared addresses, before a mailing.
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberDuplicatesAbstract),
                                                        discussion: L(.helpMemberDuplicatesDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrictFilter), valueName: "name")) var district: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let groups = try access.withSession { session in
                try session.members.duplicates(district: district, purpose: purpose)
            }
            if format == .json { return try JSONOutput.printArray(groups) }
            if groups.isEmpty { Console.note(Message(.memberNoMatches)) }
            for group in groups {
                Console.out(L(group.kind == "person" ? .duplicatePerson : .duplicateAddress))
                for r in group.members {
                    let born = r.birthDate.flatMap(CalendarDate.parse).map { " *\($0.german)" } ?? ""
                    Console.line("  \(r.reference)  \(r.familyName), \(r.givenName)\(born)  \(r.street) \(r.houseNumber), "
                        + "\(r.postalCode) \(r.city)  \(r.district)")
                }
            }
        }
    }
}

extension ConfirmationLetter.Kind: ExpressibleByArgument {}

extension MemberCommand {
    /// `kartei member letter NUMBER KIND`: a confirmation letter as text.
    struct Letter: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberLetterAbstract), discussion: L(.helpMemberLetterDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Argument(help: ArgumentHelp(L(.helpArgumentLetterKind))) var kind: ConfirmationLetter.Kind
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionLetterOut), valueName: "file")) var out: String?

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let text = try access.withSession { session in
                try session.members.letter(kind, for: reference, association: L(.cardAssociation))
            }
            if let out { try NewFile.write(Array(text.utf8), to: out) } else { Console.write(text) }
        }
    }
}

extension MemberCommand {
    /// `kartei member entry-age N`: the youngest age at entry the statutes allow.
    struct EntryAge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entry-age",
            abstract: L(.helpMemberEntryAgeAbstract, ["default": String(Settings.defaultMinimumEntryAge)]))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentYears))) var years: Int

        func run() throws {
            try access.withSession { session in try session.settings.setMinimumEntryAge(years) }
            Console.out(L(.entryAgeSet, ["years": String(years)]))
        }
    }
}

extension MemberCommand {
    /// `kartei member anniversaries`: birthdays and membership jubilees coming up.
    struct Anniversaries: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberAnniversariesAbstract),
                                                        discussion: L(.helpMemberAnniversariesDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAnniversaryDays), valueName: "n")) var days = 30
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrictFilter), valueName: "name")) var district: String?
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionRoundOnly))) var round = false
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let found = try access.withSession { session in try session.members.anniversaries(from: from?.date, days: days, district: district, roundOnly: round,
                                                  purpose: purpose) }
            switch format {
            case .json: try JSONOutput.printArray(found)
            case .csv:
                CSVOutput.print(header: ["date", "kind", "years", "round"] + MemberImport.header,
                                rows: found.map { [MemberCommand.german($0.date), $0.kind, String($0.years), $0.round ? "1" : "0"]
                                    + MemberImport.fields($0.member) })
            case .text:
                if found.isEmpty { Console.note(Message(.memberNoMatches)) }
                for a in found {
                    let what = a.kind == "birthday" ? L(.anniversaryBirthday, ["years": String(a.years)])
                                                    : L(.anniversaryJubilee, count: a.years)
                    Console.line("\(MemberCommand.german(a.date))  \(what)\(a.round ? " ★" : "")  \(a.member.givenName) \(a.member.familyName) "
                        + "(\(a.member.reference))  \(a.member.street) \(a.member.houseNumber), \(a.member.postalCode) \(a.member.city)")
                }
            }
        }
    }
}

extension MemberCommand {
    /// `kartei member rectify`: corrects wrongly recorded data in past versions (GDPR Art. 16).
    struct Rectify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberRectifyAbstract), discussion: L(.helpMemberRectifyDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @OptionGroup var fields: FieldOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionSinceVersion), valueName: "date")) var since: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let change = try fields.change()
            let day = since?.date
            let detail = try access.withSession { session in try session.members.rectify(reference, change, since: day) }
            if format == .json { return try JSONOutput.printObject(detail) }
            Console.out(L(.memberRectified, count: detail.history.count, ["member": detail.current.reference]))
        }
    }
}

extension MemberCommand {
    /// `kartei member canary-domain DOMAIN`: where canary e-mail addresses point.
    struct CanaryDomain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "canary-domain", abstract: L(.helpMemberCanaryDomainAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentDomain))) var domain: String

        func run() throws {
            try access.withSession { session in try session.settings.setCanaryMailDomain(domain) }
            Console.out(L(.canaryDomainSet, ["domain": domain]))
        }
    }
}

/// `--approver-identity` and its passphrase: the second key holder of four-eyes operations.
struct ApproverOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionApproverIdentity), valueName: "file")) var approverIdentity: String?
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionApproverPassphraseFile), valueName: "file"))
    var approverPassphraseFile: String?

    /// The approver's identity, its passphrase from the file or the terminal; nil without `--approver-identity`.
    func identity() throws -> IdentitySource? {
        try approverIdentity.map { path in
            IdentitySource(path: path, passphrase: try approverPassphraseFile.map { try SecretInput.read(file: $0) }
                ?? SecretInput.prompt(Message(.promptIdentityPassphrase, ["path": path]), or: .approverPassphrase))
        }
    }
}
