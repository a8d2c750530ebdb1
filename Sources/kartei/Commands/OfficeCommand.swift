import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

/// `kartei office …`: party offices held in bodies.
struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "office", abstract: L(.helpOfficeAbstract),
                                                    discussion: L(.helpOfficeDiscussion), subcommands: [Add.self, End.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpOfficeAddAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionBody), valueName: "id")) var body: Int64
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTitle), valueName: "text")) var title: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let office = try access.withSession { session in
                try session.org.addOffice(reference, body: body, title: title, from: from?.date)
            }
            Console.out(L(.officeAdded, ["id": String(office.id), "member": member, "title": office.title, "body": office.bodyName,
                                         "date": MemberCommand.german(office.validFrom)]))
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpOfficeEndAbstract))
        @OptionGroup var term: TermEnd
        func run() throws { try term.run(.office) }
    }

    /// The offices of one person.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpOfficeListAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let terms = try access.withSession { session in try session.org.terms(reference) }
            if format == .json { return try JSONOutput.printArray(terms.offices) }
            if format == .csv {
                return CSVOutput.print(header: ["id", "title", "body", "validFrom", "validTo", "source"],
                                       rows: terms.offices.map { [String($0.id), $0.title, $0.bodyName, $0.validFrom, $0.validTo ?? "",
                                                                  $0.source] })
            }
            for office in terms.offices {
                let until = office.validTo.map { " – \(MemberCommand.german($0))" } ?? ""
                Console.line("\(office.id)  \(office.title), \(office.bodyName)  \(MemberCommand.german(office.validFrom))\(until)")
            }
        }
    }
}

/// `kartei mandate …`: elected public mandates.
struct MandateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mandate", abstract: L(.helpMandateAbstract),
                                                    discussion: L(.helpMandateDiscussion), subcommands: [Add.self, End.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMandateAddAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionLevel))) var level: Mandate.Level
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionMandateName), valueName: "text")) var name: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let mandate = try access.withSession { session in
                try session.org.addMandate(reference, level: level, name: name, from: from?.date)
            }
            Console.out(L(.mandateAdded, ["id": String(mandate.id), "member": member, "name": mandate.name,
                                          "date": MemberCommand.german(mandate.validFrom)]))
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMandateEndAbstract))
        @OptionGroup var term: TermEnd
        func run() throws { try term.run(.mandate) }
    }

    /// Mandates held on a day, in the caller's scope.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpMandateListAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionLevel))) var level: Mandate.Level?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsOf), valueName: "date")) var asOf: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        struct Row: Encodable {
            var mandate: Mandate
            var person: MemberRecord
        }

        func run() throws {
            let mandates = try access.withSession { session in
                try session.org.mandates(level: level, asOf: asOf?.date, purpose: purpose)
            }
            if format == .json { return try JSONOutput.printArray(mandates.map { Row(mandate: $0.mandate, person: $0.holder) }) }
            if format == .csv {
                return CSVOutput.print(header: ["id", "level", "mandate", "number", "givenName", "familyName", "district", "validFrom",
                                                "validTo"],
                                       rows: mandates.map { [String($0.mandate.id), $0.mandate.level.rawValue, $0.mandate.name, $0.holder.reference, $0.holder.givenName,
                                                             $0.holder.familyName, $0.holder.district, $0.mandate.validFrom, $0.mandate.validTo ?? ""] })
            }
            for holding in mandates {
                let (mandate, person) = (holding.mandate, holding.holder)
                Console.line("\(mandate.id)  \(mandate.level.rawValue)  \(mandate.name): \(person.givenName) \(person.familyName) "
                    + "(\(person.reference), \(person.district))  \(MemberCommand.german(mandate.validFrom))")
            }
        }
    }
}

/// `kartei office end` and `kartei mandate end`: the id of the term and the day it ends.
struct TermEnd: ParsableArguments {
    @OptionGroup var access: VaultAccessOptions
    @Argument(help: ArgumentHelp(L(.helpArgumentTermID))) var id: Int64
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionEventDate), valueName: "date")) var date: Day?

    func run(_ kind: Term) throws {
        let day = date?.date
        let ended = try access.withSession { session in
            try session.org.endTerm(kind, id: id, on: day)
            return day ?? session.today
        }
        Console.out(L(.termEnded, ["date": ended.german]))
    }
}
