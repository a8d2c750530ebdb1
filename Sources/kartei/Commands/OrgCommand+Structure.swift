import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

extension Body.Kind: ExpressibleByArgument {}
extension Mandate.Level: ExpressibleByArgument {}

extension OrgCommand {
    static func printUnits(_ units: [OrgUnit], format: OutputFormat) throws {
        switch format {
        case .json: try JSONOutput.printArray(units)
        case .csv:
            CSVOutput.print(header: ["id", "kind", "name", "district", "validFrom", "validTo", "successor"],
                            rows: units.map { [String($0.id), $0.kind.rawValue, $0.name, $0.district, $0.validFrom, $0.validTo ?? "",
                                               $0.successor.map(String.init) ?? ""] })
        case .text:
            for unit in units {
                let until = unit.validTo.map { " – \(CalendarDate.parse($0)?.german ?? $0)" } ?? ""
                let district = unit.district.isEmpty ? "" : "  (\(unit.district))"
                Console.line("\(unit.id)  \(unit.name)\(district)  \(CalendarDate.parse(unit.validFrom)?.german ?? unit.validFrom)\(until)")
            }
        }
    }

    struct Branch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpOrgBranchAbstract), discussion: L(.helpOrgBranchDiscussion),
                                                        subcommands: [Add.self, List.self, Rename.self, Merge.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBranchAddAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionUnitName))) var name: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrict), valueName: "name")) var district: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?

            func run() throws {
                let unit = try access.withSession { session in
                    try session.org.addUnit(.branch, name: name, district: district, from: from?.date)
                }
                Console.out(L(.orgUnitAdded, ["name": unit.name, "id": String(unit.id),
                                              "date": CalendarDate.parse(unit.validFrom)?.german ?? unit.validFrom]))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBranchListAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrict), valueName: "name")) var district: String?
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsOf), valueName: "date")) var asOf: Day?
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let units = try access.withSession { session in
                    try session.org.units(.branch, district: district, asOf: asOf?.date)
                }
                try OrgCommand.printUnits(units, format: format)
            }
        }

        /// Shared by rename and merge.
        struct Restructure: ParsableArguments {
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionUnitName))) var name: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrict), valueName: "name")) var district: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionEventDate), valueName: "date")) var date: Day
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = ""

            func run(target: String, merge: Bool) throws {
                let session = try access.openSession()
                defer { try? session.close() }
                let day = date.date
                let restructured = try session.org.restructureBranch(name, district: district, into: target, merge: merge,
                                                                     on: day, reason: reason)
                let (unit, moved) = (restructured.successor, restructured.moved)
                try session.close()
                Console.out(L(.orgBranchRestructured, count: moved.count, ["date": day.german, "name": unit.name]))
            }
        }

        struct Rename: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBranchRenameAbstract))
            @OptionGroup var restructure: Restructure
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionNewName), valueName: "name")) var to: String
            func run() throws { try restructure.run(target: to, merge: false) }
        }

        struct Merge: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBranchMergeAbstract))
            @OptionGroup var restructure: Restructure
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionInto), valueName: "name")) var into: String
            func run() throws { try restructure.run(target: into, merge: true) }
        }
    }

    struct Caucus: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpOrgCaucusAbstract),
                                                        subcommands: [Add.self, List.self, Join.self, Members.self])

        struct Join: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpCaucusJoinAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionBody))) var caucus: Int64
            @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?

            func run() throws {
                let reference = try MemberCommand.reference(member)
                try access.withSession { session in
                    try session.org.joinCaucus(caucus, reference, from: from?.date)
                }
            }
        }

        struct Members: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpCaucusMembersAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionBody))) var caucus: Int64
            @OptionGroup var read: MemberCommand.ReadOptions

            func run() throws {
                let records = try access.withSession { session in
                    try session.org.caucusMembers(caucus, asOf: try read.day(), purpose: read.purpose)
                }
                try MemberCommand.print(records, format: read.format)
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpCaucusAddAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionUnitName))) var name: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?

            func run() throws {
                let unit = try access.withSession { session in
                    try session.org.addUnit(.caucus, name: name, district: nil, from: from?.date)
                }
                Console.out(L(.orgUnitAdded, ["name": unit.name, "id": String(unit.id),
                                              "date": CalendarDate.parse(unit.validFrom)?.german ?? unit.validFrom]))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpCaucusListAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let units = try access.withSession { session in try session.org.units(.caucus) }
                try OrgCommand.printUnits(units, format: format)
            }
        }
    }

    struct BodyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "body", abstract: L(.helpOrgBodyAbstract),
                                                        subcommands: [Add.self, List.self, Holders.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBodyAddAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionUnitName))) var name: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionBodyKind))) var kind: Body.Kind
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrict), valueName: "name")) var district: String?
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFrom), valueName: "date")) var from: Day?

            func run() throws {
                let body = try access.withSession { session in
                    try session.org.addBody(name: name, kind: kind, district: district, from: from?.date)
                }
                Console.out(L(.orgUnitAdded, ["name": body.name, "id": String(body.id),
                                              "date": CalendarDate.parse(body.validFrom)?.german ?? body.validFrom]))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBodyListAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrict), valueName: "name")) var district: String?
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let bodies = try access.withSession { session in try session.org.bodies(district: district) }
                if format == .json { return try JSONOutput.printArray(bodies) }
                if format == .csv {
                    return CSVOutput.print(header: ["id", "name", "kind", "district", "validFrom", "validTo"],
                                           rows: bodies.map { [String($0.id), $0.name, $0.kind.rawValue, $0.district, $0.validFrom,
                                                               $0.validTo ?? ""] })
                }
                for body in bodies {
                    Console.line("\(body.id)  \(body.name)  \(body.kind.rawValue)  \(body.district.isEmpty ? "–" : body.district)")
                }
            }
        }

        /// The office holders of a body on a day: its contact list.
        struct Holders: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpBodyHoldersAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpOptionBody))) var body: Int64
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionAsOf), valueName: "date")) var asOf: Day?
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let holders = try access.withSession { session in
                    try session.org.officeHolders(body: body, asOf: asOf?.date, purpose: purpose)
                }
                switch format {
                case .json: try JSONOutput.printArray(holders.map { OfficeHolder(office: $0.office, person: $0.holder) })
                case .csv:
                    CSVOutput.print(header: ["title", "number", "givenName", "familyName", "email", "phone", "from"],
                                    rows: holders.map { [$0.office.title, $0.holder.reference, $0.holder.givenName, $0.holder.familyName, $0.holder.email,
                                                         $0.holder.phone, $0.office.validFrom] })
                case .text:
                    for holding in holders {
                        let (office, person) = (holding.office, holding.holder)
                        Console.line("\(office.title): \(person.givenName) \(person.familyName) (\(person.reference))  \(person.email)  \(person.phone)")
                    }
                }
            }
        }
    }
}

/// One office holder in JSON.
struct OfficeHolder: Encodable {
    var office: Office
    var person: MemberRecord
}
