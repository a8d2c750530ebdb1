import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

extension MemberStatus: ExpressibleByArgument {}
extension PersonKind: ExpressibleByArgument {}

/// `kartei member …`: the member file. Every command is decided and audited in the core.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: L(.helpMemberAbstract),
        discussion: L(.helpMemberDiscussion),
        subcommands: [List.self, Show.self, Search.self, Add.self, Change.self, Event.self, Import.self, Export.self, Report.self,
                      Trace.self, ExportApproval.self, Erase.self, ErasureRetention.self, Duplicates.self, Letter.self, EntryAge.self, Anniversaries.self, Rectify.self, CanaryDomain.self]
    )

    /// `--as-of` and `--purpose`, shared by the reading commands.
    struct ReadOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsOf), valueName: "date")) var asOf: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func day() throws -> CalendarDate? { asOf?.date }
    }

    /// The person fields as options, for `add` and `change`.
    struct FieldOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldGivenName), valueName: "text")) var givenName: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldFamilyName), valueName: "text")) var familyName: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldBirthDate), valueName: "date")) var birthDate: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldGender), valueName: "f|m|d")) var gender: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldStreet), valueName: "text")) var street: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldHouseNumber), valueName: "text")) var houseNumber: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldPostalCode), valueName: "text")) var postalCode: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldCity), valueName: "text")) var city: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldEmail), valueName: "text")) var email: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldPhone), valueName: "text")) var phone: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionMemberDistrict), valueName: "name")) var district: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldBranch), valueName: "name")) var branch: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldDues), valueName: "euro")) var dues: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldKind))) var kind: PersonKind?

        func change() throws -> MemberChange {
            var birth: String?
            if let birthDate {
                // A birth date is personal data: a typo in it is not repeated on stderr.
                guard birthDate.isEmpty || CalendarDate.parse(birthDate) != nil else {
                    throw CLIError(.cliBirthDateInvalid, exitCode: .usage)
                }
                birth = CalendarDate.parse(birthDate)?.iso ?? ""
            }
            let cents = try dues.map { try DuesCommand.cents($0, option: "--dues") }
            return MemberChange(kind: kind, givenName: givenName, familyName: familyName, birthDate: birth, gender: gender,
                                street: street, houseNumber: houseNumber, postalCode: postalCode, city: city, email: email,
                                phone: phone, district: district, branch: branch, duesCents: cents)
        }
    }

    /// An ISO date as the German users read it.
    static func german(_ iso: String) -> String { CalendarDate.parse(iso)?.german ?? iso }

    static func reference(_ text: String) throws -> MemberReference {
        guard let reference = MemberReference(text) else {
            // A name typed where a number belongs is personal data: not repeated.
            if text.contains(where: \.isLetter) { throw CLIError(.cliMemberReferenceNotRepeated, exitCode: .usage) }
            throw CLIError(.memberBadReference, ["text": text], exitCode: .usage)
        }
        return reference
    }

    static func print(_ records: [MemberRecord], format: OutputFormat) throws {
        switch format {
        case .json: try JSONOutput.printArray(records)
        case .csv: CSVOutput.print(header: MemberImport.header, rows: records.map(MemberImport.fields))
        case .text:
            for r in records {
                let born = r.birthDate.flatMap(CalendarDate.parse).map { " *\($0.german)" } ?? ""
                Console.line("\(r.reference)  \(r.familyName), \(r.givenName)\(born)  \(r.district)  \(r.status.rawValue)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberListAbstract), discussion: L(.helpMemberListDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrictFilter), valueName: "name")) var district: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionStatus), valueName: "status")) var status: [String] = ["active"]
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldKind))) var kind: PersonKind?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionEnteredSince), valueName: "date")) var enteredSince: Day?
        @OptionGroup var read: ReadOptions

        func run() throws {
            var statuses: Set<MemberStatus>? = []
            for name in status.flatMap({ $0.split(separator: ",").map(String.init) }) {
                if name == "all" { statuses = nil; break }
                guard let value = MemberStatus(rawValue: name) else {
                    throw CLIError(.memberBadStatus, ["value": name], exitCode: .usage)
                }
                statuses?.insert(value)
            }
            let query = MemberQuery(district: district, asOf: try read.day(), statuses: statuses, kind: kind,
                                    enteredSince: enteredSince?.date)
            let records = try access.withSession { session in try session.members.list(query, purpose: read.purpose) }
            try MemberCommand.print(records, format: read.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberShowAbstract), discussion: L(.helpMemberShowDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @OptionGroup var read: ReadOptions

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let detail = try access.withSession { session in
                try session.members.show(reference, asOf: try read.day(), purpose: read.purpose)
            }
            switch read.format {
            case .json: try JSONOutput.printObject(detail)
            case .csv: CSVOutput.print(header: MemberImport.header, rows: [MemberImport.fields(detail.current)])
            case .text:
                let r = detail.current
                let lines: [(MessageKey, String)] = [
                    (.fieldNumber, r.reference), (.fieldName, "\(r.givenName) \(r.familyName)"),
                    (.fieldBirthDate, r.birthDate.flatMap(CalendarDate.parse)?.german ?? ""), (.fieldGender, r.gender),
                    (.fieldAddress, "\(r.street) \(r.houseNumber), \(r.postalCode) \(r.city)"),
                    (.fieldEmail, r.email), (.fieldPhone, r.phone), (.fieldDistrict, r.district + (r.branch.isEmpty ? "" : " / \(r.branch)")),
                    (.fieldKindStatus, "\(r.kind.rawValue), \(r.status.rawValue)"),
                    (.fieldEntryDate, r.entryDate.flatMap(CalendarDate.parse)?.german ?? ""),
                    (.fieldExitDate, r.exitDate.flatMap(CalendarDate.parse)?.german ?? ""),
                    (.fieldDues, GermanCSV.euros(r.duesCents) + " €"),
                    (.fieldErased, r.erasedAt ?? ""),
                ]
                for (key, value) in lines where !value.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).isEmpty {
                    Console.line("\(L(key)): \(value)")
                }
                if !detail.offices.isEmpty {
                    Console.out(L(.fieldOffices) + ":")
                    for office in detail.offices {
                        let until = office.validTo.map { " – \(MemberCommand.german($0))" } ?? ""
                        Console.line("  \(office.title), \(office.bodyName)  \(MemberCommand.german(office.validFrom))\(until)")
                    }
                }
                if !detail.mandates.isEmpty {
                    Console.out(L(.fieldMandates) + ":")
                    for mandate in detail.mandates {
                        let until = mandate.validTo.map { " – \(MemberCommand.german($0))" } ?? ""
                        Console.line("  \(mandate.name) (\(mandate.level.rawValue))  \(MemberCommand.german(mandate.validFrom))\(until)")
                    }
                }
                Console.out(L(.fieldHistory) + ":")
                for version in detail.history {
                    let date = CalendarDate.parse(version.validFrom)?.german ?? version.validFrom
                    let reason = version.reason.isEmpty ? "" : "  „\(version.reason)“"
                    Console.line("  \(date)  \(version.event.rawValue)  \(version.status.rawValue)  \(version.district)\(reason)")
                }
                if let imported = detail.importedHistory {
                    Console.out(L(.fieldImportedHistory) + ":")
                    for version in imported {
                        let date = CalendarDate.parse(version.validFrom)?.german ?? version.validFrom
                        let number = version.number.map { "\($0)  " } ?? ""
                        Console.line("  \(date)  \(number)\(version.event.rawValue)  \(version.status.rawValue)  \(version.district)")
                    }
                }
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberSearchAbstract), discussion: L(.helpMemberSearchDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentSearchQuery))) var query: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionSearchLimit), valueName: "n")) var limit = 50
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let result = try access.withSession { session in
                try session.members.search(query, limit: limit, purpose: purpose)
            }
            let matches = result.matches
            // A list cut at the limit says so (stderr: the data on stdout stays as it was).
            if result.total > matches.count {
                Console.note(Message(.memberSearchCut, ["shown": String(matches.count), "total": String(result.total)]))
            }
            switch format {
            case .json: try JSONOutput.printArray(matches)
            case .csv: CSVOutput.print(header: ["quality"] + MemberImport.header,
                                       rows: matches.map { [$0.quality] + MemberImport.fields($0.record) })
            case .text:
                if matches.isEmpty { Console.note(Message(.memberNoMatches)) }
                for match in matches {
                    let r = match.record
                    Console.line("\(r.reference)  \(r.familyName), \(r.givenName)  \(r.district)  \(r.status.rawValue)  (\(match.quality))")
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberAddAbstract), discussion: L(.helpMemberAddDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @OptionGroup var fields: FieldOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionMemberNumber), valueName: "number")) var number: Int?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionEntryDate), valueName: "date")) var entryDate: Day?
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionPending))) var pending = false
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let change = try fields.change()
            let entry = entryDate?.date
            let record = try access.withSession { session in try session.members.add(change, status: pending ? .pending : .active, number: number, entryDate: entry,
                                               reason: reason) }
            try MemberCommand.saved(record, format: format)
        }
    }

    static func saved(_ record: MemberRecord, format: ReportFormat) throws {
        if format == .json {
            try JSONOutput.printObject(record)
        } else {
            Console.out(L(.memberSaved, ["member": record.reference, "event": record.event.rawValue,
                                         "date": CalendarDate.parse(record.validFrom)?.german ?? record.validFrom]))
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberChangeAbstract), discussion: L(.helpMemberChangeDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @OptionGroup var fields: FieldOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionValidFrom), valueName: "date")) var validFrom: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let change = try fields.change()
            guard !change.isEmpty else { throw CLIError(.memberNothingToChange, exitCode: .usage) }
            let day = validFrom?.date
            let record = try access.withSession { session in
                try session.members.change(reference, change, validFrom: day, reason: reason)
            }
            try MemberCommand.saved(record, format: format)
        }
    }

    /// Lifecycle events that are not changes of fields.
    enum LifecycleEvent: String, ExpressibleByArgument, CaseIterable {
        case confirm, reject, resign, death, expel, reenter

        var event: MemberEvent {
            switch self {
            case .confirm: .confirmation
            case .reject: .rejection
            case .resign: .resignation
            case .death: .death
            case .expel: .expulsion
            case .reenter: .reentry
            }
        }
    }

    struct Event: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberEventAbstract), discussion: L(.helpMemberEventDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Argument(help: ArgumentHelp(L(.helpArgumentLifecycleEvent))) var event: LifecycleEvent
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionEventDate), valueName: "date")) var date: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let day = date?.date
            let record = try access.withSession { session in
                try session.members.recordEvent(reference, event.event, on: day, reason: reason)
            }
            try MemberCommand.saved(record, format: format)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMemberImportAbstract), discussion: L(.helpMemberImportDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentCSVFile))) var file: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = "import"
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError(.memberImportFileMissing, ["file": file], exitCode: .noInput)
            }
            let summary = try access.withSession { session in
                try session.members.importFile(data, file: (file as NSString).lastPathComponent, reason: reason)
            }
            if format == .json {
                try JSONOutput.printObject(summary)
            } else {
                Console.out(L(.memberImported, count: summary.imported, ["file": file]))
            }
        }
    }
}
