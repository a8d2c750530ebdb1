import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

extension DonationKind: ExpressibleByArgument {}

/// `kartei dues …`: the dues table, arrears, bank payments. Every command is decided and audited
/// in the core (docs/FINANCE.md).
struct DuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dues",
        abstract: L(.helpDuesAbstract),
        discussion: L(.helpDuesDiscussion),
        subcommands: [Table.self, Arrears.self, Account.self, ImportPayments.self]
    )

    /// `--as-of`, `--purpose` and `--format`, shared by the reading commands.
    struct ReadOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsOf), valueName: "date")) var asOf: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func day() throws -> CalendarDate? { asOf?.date }
    }

    static func euro(_ cents: Int) -> String { GermanCSV.euros(cents) + " €" }

    /// An amount given with an option (`--amount`, `--dues`), read strictly before any secret is
    /// asked for: a bad one is a data error (exit 65) that names the option and the reason.
    static func cents(_ text: String, option: String) throws -> Int {
        switch EuroAmount.parse(text) {
        case .success(let cents): return cents
        case .failure(let reason): throw MemberDataError(problems: [reason.problem(field: option)])
        }
    }

    /// `kartei dues table set|list`.
    struct Table: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDuesTableAbstract), subcommands: [Set.self, List.self])

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpDuesTableSetAbstract),
                                                            discussion: L(.helpDuesTableSetDiscussion))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpArgumentCSVFile))) var file: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionValidFrom), valueName: "date")) var validFrom: Day?
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

            func run() throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CLIError(.memberImportFileMissing, ["file": file], exitCode: .noInput)
                }
                let day = validFrom?.date
                let table = try access.withSession { session in
                    try session.finance.setDuesTable(csv: data, file: (file as NSString).lastPathComponent, validFrom: day)
                }
                if format == .json {
                    try JSONOutput.printObject(table)
                } else {
                    Console.out(L(.duesTableSaved, count: table.brackets.count,
                                  ["date": CalendarDate.parse(table.validFrom)?.german ?? table.validFrom]))
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpDuesTableListAbstract),
                                                            discussion: L(.helpDuesTableListDiscussion))
            @OptionGroup var access: VaultAccessOptions
            @Flag(name: .long, help: ArgumentHelp(L(.helpOptionAllTables))) var all = false
            @OptionGroup var read: ReadOptions

            func run() throws {
                let day = try read.day()
                let session = try access.openSession()
                defer { try? session.close() }
                let tables = all ? try session.finance.duesTables(purpose: read.purpose)
                    : try session.finance.duesTable(asOf: day, purpose: read.purpose).map { [$0] } ?? []
                try session.close()
                switch read.format {
                case .json: try JSONOutput.printArray(tables)
                case .csv:
                    let withDate = all
                    CSVOutput.print(header: (withDate ? ["validFrom"] : []) + DuesTable.header,
                                    rows: tables.flatMap { table in
                                        table.brackets.map { (withDate ? [table.validFrom] : []) + DuesTable.fields($0) }
                                    })
                case .text:
                    if tables.isEmpty { Console.note(Message(.duesNoTable)) }
                    for table in tables {
                        Console.out(L(.duesTableHeading, ["date": CalendarDate.parse(table.validFrom)?.german ?? table.validFrom]))
                        for bracket in table.brackets {
                            let range = bracket.isExempt ? L(.duesExempt)
                                : GermanCSV.euros(bracket.incomeFromCents) + " – " + (bracket.incomeToCents.map(GermanCSV.euros) ?? "…")
                            Console.line("  \(bracket.label)  \(range)  \(DuesCommand.euro(bracket.duesCents))")
                        }
                    }
                }
            }
        }
    }

    /// The CSV columns of `dues arrears --format csv`.
    static let arrearsHeader = ["number", "familyName", "givenName", "district", "status", "dues", "monthsCharged", "owed",
                                "paid", "balance", "oldestUnpaidMonth", "ageMonths"]

    static func arrearsFields(_ a: MemberArrears) -> [String] {
        [String(a.number), a.familyName, a.givenName, a.district, a.status.rawValue, GermanCSV.euros(a.duesCents),
         String(a.monthsCharged), GermanCSV.euros(a.owedCents), GermanCSV.euros(a.paidCents), GermanCSV.euros(a.balanceCents),
         a.oldestUnpaidMonth?.description ?? "", a.ageMonths.map(String.init) ?? ""]
    }

    static func arrearsLine(_ a: MemberArrears) -> String {
        let since = a.oldestUnpaidMonth.map {
            "  " + L(.duesArrearsSince, count: a.ageMonths ?? 0, ["month": $0.german])
        } ?? ""
        return "\(a.number)  \(a.familyName), \(a.givenName)  \(a.district)  \(euro(a.balanceCents))\(since)"
    }

    struct Arrears: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDuesArrearsAbstract),
                                                        discussion: L(.helpDuesArrearsDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFinanceDistrict), valueName: "name")) var district: String?
        @OptionGroup var read: ReadOptions

        func run() throws {
            let day = try read.day()
            let report = try access.withSession { session in
                try session.finance.arrears(asOf: day, district: district, purpose: read.purpose)
            }
            switch read.format {
            case .json: try JSONOutput.printObject(report)
            case .csv: CSVOutput.print(header: DuesCommand.arrearsHeader, rows: report.members.map(DuesCommand.arrearsFields))
            case .text:
                Console.out(L(.duesArrearsHeading, ["date": CalendarDate.parse(report.asOf)?.german ?? report.asOf,
                                                    "start": report.accountingStart.german]))
                for member in report.members { Console.line(DuesCommand.arrearsLine(member)) }
                Console.out("")
                for summary in report.districts + (report.districts.count > 1 ? [report.total] : []) {
                    let age = summary.byAge
                    Console.out(L(.duesDistrictSummary, count: summary.members, [
                        "district": summary.district.isEmpty ? L(.duesAllDistricts) : summary.district,
                        "inArrears": String(summary.membersInArrears),
                        "arrears": DuesCommand.euro(summary.arrearsCents),
                        "oldest": L(.duesMonths, count: summary.oldestAgeMonths ?? 0),
                        "a": String(age.months0to2), "b": String(age.months3to5), "c": String(age.months6to11),
                        "d": String(age.months12plus),
                    ]))
                }
            }
        }
    }

    struct Account: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDuesAccountAbstract),
                                                        discussion: L(.helpDuesAccountDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @OptionGroup var read: ReadOptions

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let day = try read.day()
            let account = try access.withSession { session in
                try session.finance.duesAccount(reference, asOf: day, purpose: read.purpose)
            }
            switch read.format {
            case .json: try JSONOutput.printObject(account)
            case .csv: CSVOutput.print(header: DuesCommand.arrearsHeader, rows: [DuesCommand.arrearsFields(account.arrears)])
            case .text:
                let a = account.arrears
                Console.out(L(.duesAccountSummary, ["member": String(a.number), "owed": DuesCommand.euro(a.owedCents),
                                                    "paid": DuesCommand.euro(a.paidCents), "balance": DuesCommand.euro(a.balanceCents),
                                                    "start": account.accountingStart.german]))
                if let month = a.oldestUnpaidMonth {
                    Console.out(L(.duesArrearsSince, count: a.ageMonths ?? 0, ["month": month.german]))
                }
                for charge in account.charges { Console.line("  \(charge.month.german)  \(DuesCommand.euro(charge.cents))") }
                for payment in account.payments {
                    let date = CalendarDate.parse(payment.bookingDate)?.german ?? payment.bookingDate
                    Console.line("  \(date)  -\(DuesCommand.euro(payment.amountCents))  \(payment.file):\(payment.line)")
                }
            }
        }
    }

    struct ImportPayments: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-payments", abstract: L(.helpDuesImportAbstract),
                                                        discussion: L(.helpDuesImportDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentCSVFile))) var file: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError(.memberImportFileMissing, ["file": file], exitCode: .noInput)
            }
            let summary = try access.withSession { session in
                try session.finance.importPayments(data, file: (file as NSString).lastPathComponent)
            }
            if format == .json {
                try JSONOutput.printObject(summary)
            } else {
                Console.out(L(.duesPaymentsImported, count: summary.payments,
                              ["total": DuesCommand.euro(summary.totalCents),
                               "members": L(.duesPaymentMembers, count: summary.members), "file": file]))
            }
        }
    }
}

/// `kartei donation …`: the donations ledger and the year's receipt data (docs/FINANCE.md).
struct DonationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "donation",
        abstract: L(.helpDonationAbstract),
        discussion: L(.helpDonationDiscussion),
        subcommands: [Add.self, List.self, Receipts.self, Cancel.self, Correct.self]
    )

    /// "storniert am …" / "berichtigt am … durch #…" / "berichtigt #…" for the text of `donation list`.
    static func state(_ d: Donation) -> [String] {
        var marks: [String] = []
        if let corrects = d.corrects { marks.append(L(.donationStateCorrects, ["original": String(corrects)])) }
        if let c = d.cancellation {
            let date = c.day(in: Dates.zone)?.german ?? c.cancelledAt
            marks.append(c.replacementID.map { L(.donationStateCorrected, ["date": date, "replacement": String($0)]) }
                         ?? L(.donationStateCancelled, ["date": date]))
            marks.append(c.reason)
        }
        return marks
    }

    static func flagMessage(_ flag: DonationFlag) -> Message {
        switch flag {
        case .immediateReport: Message(.donationFlagImmediateReport)
        case .anonymousOverLimit: Message(.donationFlagAnonymous)
        case .cashOverLimit: Message(.donationFlagCash)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDonationAddAbstract),
                                                        discussion: L(.helpDonationAddDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAmount), valueName: "euro")) var amount: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDonationDate), valueName: "date")) var date: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDonorMember), valueName: "number")) var member: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDonorName), valueName: "text")) var name: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldStreet), valueName: "text")) var street = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldPostalCode), valueName: "text")) var postalCode = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpFieldCity), valueName: "text")) var city = ""
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionAnonymous))) var anonymous = false
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionDonationKind))) var kind: DonationKind = .money
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionCash))) var cash = false
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let cents = try DuesCommand.cents(amount, option: "--amount")
            let donor: Donor
            switch (member, name, anonymous) {
            case (let member?, nil, false): donor = .member(try MemberCommand.reference(member))
            case (nil, let name?, false): donor = .person(name: name, street: street, postalCode: postalCode, city: city)
            case (nil, nil, true): donor = .anonymous
            default: throw CLIError(.donationDonorChoice, exitCode: .usage)
            }
            let received = date?.date
            let donation = try access.withSession { session in try session.finance.addDonation(DonationEntry(donor: donor, amountCents: cents,
                                                                 receivedOn: received ?? session.today, kind: kind,
                                                                 cash: cash)) }
            if format == .json {
                try JSONOutput.printObject(donation)
            } else {
                Console.out(L(.donationSaved, ["id": String(donation.id), "amount": DuesCommand.euro(donation.amountCents),
                                               "date": CalendarDate.parse(donation.receivedOn)?.german ?? donation.receivedOn]))
            }
            for flag in donation.flags { Console.note(DonationCommand.flagMessage(flag)) }
        }
    }

    /// The CSV columns of `donation list --format csv`.
    static let listHeader = ["id", "receivedOn", "amount", "kind", "cash", "memberNumber", "donorName", "street", "postalCode",
                             "city", "flags", "keepUntil", "recordedAt", "corrects", "cancelledAt", "cancelledBy", "correctedBy",
                             "reason"]

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDonationListAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionYear), valueName: "year")) var year: Int
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let donations = try access.withSession { session in try session.finance.donations(year: year, purpose: purpose) }
            switch format {
            case .json: try JSONOutput.printArray(donations)
            case .csv:
                CSVOutput.print(header: DonationCommand.listHeader, rows: donations.map { d in
                    [String(d.id), CalendarDate.parse(d.receivedOn)?.german ?? d.receivedOn, GermanCSV.euros(d.amountCents),
                     d.kind.rawValue, d.cash ? "1" : "0", d.memberNumber.map(String.init) ?? "", d.donorName, d.street,
                     d.postalCode, d.city, d.flags.map(\.rawValue).joined(separator: ","), d.keepUntil, d.recordedAt,
                     d.corrects.map(String.init) ?? "", d.cancellation?.cancelledAt ?? "", d.cancellation?.cancelledBy ?? "",
                     d.cancellation?.replacementID.map(String.init) ?? "", d.cancellation?.reason ?? ""]
                })
            case .text:
                for d in donations {
                    let donor = d.isAnonymous ? L(.donationAnonymous) : "\(d.donorName), \(d.postalCode) \(d.city)"
                    let flags = d.flags.isEmpty ? "" : "  [" + d.flags.map(\.rawValue).joined(separator: ", ") + "]"
                    let state = DonationCommand.state(d)
                    Console.line("#\(d.id)  \(CalendarDate.parse(d.receivedOn)?.german ?? d.receivedOn)  "
                                + "\(DuesCommand.euro(d.amountCents))  \(d.kind.rawValue)  \(donor)\(flags)"
                                + (state.isEmpty ? "" : "  (" + state.joined(separator: "; ") + ")"))
                }
            }
        }
    }

    /// The CSV columns of `donation receipts --format csv`: one line per donation, donor fields
    /// repeated, for a mail merge.
    static let receiptsHeader = ["donorName", "street", "postalCode", "city", "memberNumber", "total", "collective",
                                 "listedInReport", "immediateReport", "donationID", "receivedOn", "amount", "kind"]

    struct Receipts: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDonationReceiptsAbstract),
                                                        discussion: L(.helpDonationReceiptsDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionYear), valueName: "year")) var year: Int
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsRecorded), valueName: "date|instant")) var asRecorded: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        /// A day means its end in the association's time zone (the last millisecond, as
        /// `audit show --until`); an instant is taken as printed (`2026-12-10T14:30:12.345Z`).
        static func instant(_ text: String, in zone: TimeZone) throws -> Date {
            if let day = CalendarDate.parse(text) { return day.adding(days: 1).start(in: zone).addingTimeInterval(-0.001) }
            guard let instant = LedgerInstant(text) else { throw CoreError(.invalidDate, ["date": text]) }
            return Date(timeIntervalSince1970: TimeInterval(instant.millisecondsSince1970) / 1000)
        }

        func run() throws {
            if let asRecorded { _ = try Receipts.instant(asRecorded, in: AssociationTime.defaultZone) }
            let receipts = try access.withSession { session in
                let instant = try asRecorded.map { try Receipts.instant($0, in: session.timeZone) }
                return try session.finance.receiptData(year: year, asRecorded: instant, purpose: purpose)
            }
            let recorded = Message(.donationReceiptsAsRecorded, ["time": receipts.asRecorded.description])
            switch format {
            case .json: try JSONOutput.printObject(receipts)
            case .csv:
                CSVOutput.print(header: DonationCommand.receiptsHeader, rows: receipts.donors.flatMap { r in
                    r.donations.map { d in
                        [r.donorName, r.street, r.postalCode, r.city, r.memberNumber.map(String.init) ?? "",
                         GermanCSV.euros(r.totalCents), r.collective ? "1" : "0", r.listedInReport ? "1" : "0",
                         r.immediateReport ? "1" : "0", String(d.id), CalendarDate.parse(d.receivedOn)?.german ?? d.receivedOn,
                         GermanCSV.euros(d.amountCents), d.kind.rawValue]
                    }
                })
                Console.note(recorded)
            case .text:
                for r in receipts.donors {
                    var marks: [String] = []
                    if r.listedInReport { marks.append(L(.donationListedInReport)) }
                    if r.immediateReport { marks.append(L(.donationImmediateReport)) }
                    Console.line("\(r.donorName), \(r.street), \(r.postalCode) \(r.city): \(DuesCommand.euro(r.totalCents))"
                                + (marks.isEmpty ? "" : "  [" + marks.joined(separator: "; ") + "]"))
                    for d in r.donations {
                        Console.line("  \(CalendarDate.parse(d.receivedOn)?.german ?? d.receivedOn)  \(DuesCommand.euro(d.amountCents))  \(d.kind.rawValue)")
                    }
                }
                Console.out(L(.donationReceiptsTotal, count: receipts.donors.count,
                              ["year": String(receipts.year), "total": DuesCommand.euro(receipts.totalCents),
                               "anonymous": DuesCommand.euro(receipts.anonymousCents)]))
                Console.out(recorded.text())
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDonationCancelAbstract),
                                                        discussion: L(.helpDonationCancelDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentDonationID))) var id: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCorrectionReason), valueName: "text")) var reason: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let cancellation = try access.withSession { session in try session.finance.cancelDonation(id, reason: reason) }
            if format == .json {
                try JSONOutput.printObject(cancellation)
            } else {
                Console.out(L(.donationCancelled, ["id": String(id)]))
            }
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpDonationCorrectAbstract),
                                                        discussion: L(.helpDonationCorrectDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentDonationID))) var id: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCorrectAmount), valueName: "euro")) var amount: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCorrectDate), valueName: "date")) var date: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCorrectKind))) var kind: DonationKind?
        @Flag(inversion: .prefixedNo, help: ArgumentHelp(L(.helpOptionCorrectCash))) var cash: Bool?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCorrectionReason), valueName: "text")) var reason: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let correction = DonationCorrection(amountCents: try amount.map { try DuesCommand.cents($0, option: "--amount") },
                                                receivedOn: date?.date, kind: kind, cash: cash)
            guard !correction.isEmpty else { throw CLIError(.donationNothingToCorrect, exitCode: .usage) }
            let donation = try access.withSession { session in try session.finance.correctDonation(id, correction, reason: reason) }
            if format == .json {
                try JSONOutput.printObject(donation)
            } else {
                Console.out(L(.donationCorrected, ["id": String(id), "replacement": String(donation.id),
                                                   "amount": DuesCommand.euro(donation.amountCents),
                                                   "date": CalendarDate.parse(donation.receivedOn)?.german ?? donation.receivedOn]))
            }
            for flag in donation.flags { Console.note(DonationCommand.flagMessage(flag)) }
        }
    }
}
