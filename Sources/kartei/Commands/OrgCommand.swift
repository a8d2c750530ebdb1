import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

/// `kartei org …`: the organisational structure: districts, branches, caucuses, bodies, grants.
struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: L(.helpOrgAbstract),
                                                    subcommands: [District.self, Branch.self, Caucus.self, BodyCommand.self, GrantCommand.self,
                                                                  TimeZoneSetting.self])

    /// `kartei org time-zone [ZONE]`: the association's time zone (what "today" is).
    struct TimeZoneSetting: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "time-zone", abstract: L(.helpOrgTimeZoneAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentTimeZone), valueName: "zone")) var zone: String?

        func run() throws {
            if let zone {
                try access.withSession { session in try session.settings.setTimeZone(zone) }
                Console.out(L(.orgTimeZoneSet, ["zone": zone]))
            } else {
                let (zone, today) = try access.withSession { session in (session.timeZone.identifier, session.today) }
                Console.out(L(.orgTimeZoneShown, ["zone": zone, "date": today.german]))
            }
        }
    }

    /// `kartei org grant …`: time-limited access of a district to one member.
    struct GrantCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: L(.helpOrgGrantAbstract),
                                                        subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpOrgGrantAddAbstract),
                                                            discussion: L(.helpOrgGrantAddDiscussion))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDistrict), valueName: "name")) var district: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionMemberNumber), valueName: "number")) var member: Int
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionDays), valueName: "days")) var days = 90
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionGrantOperation))) var operation: AccessOperation = .memberRead
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason: String

            func run() throws {
                let grant = try access.withSession { session in try session.users.addGrant(district: district, operation: operation, memberNumber: member, days: days,
                                                 reason: reason) }
                Console.out(L(.orgGrantAdded, ["district": district, "member": String(member),
                                               "until": Dates.day(of: grant.validUntil).iso]))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpOrgGrantListAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let grants = try access.withSession { session in try session.users.grants() }
                switch format {
                case .json: try JSONOutput.printArray(grants)
                case .csv:
                    CSVOutput.print(header: ["district", "operation", "member", "validFrom", "validUntil", "reason"], rows: grants.map {
                        [$0.district, $0.operation.rawValue, String($0.memberNumber), Dates.day(of: $0.validFrom).iso,
                         Dates.day(of: $0.validUntil).iso, $0.reason]
                    })
                case .text:
                    for grant in grants {
                        let span = "\(Dates.day(of: grant.validFrom).iso) – \(Dates.day(of: grant.validUntil).iso)"
                        Console.line("\(grant.district)  \(grant.operation.rawValue)  \(grant.memberNumber)  \(span)  \(grant.reason)")
                    }
                }
            }
        }
    }


    struct District: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpOrgDistrictAbstract), subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpOrgDistrictAddAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Argument(help: ArgumentHelp(L(.helpArgumentDistrict))) var name: String

            func run() throws {
                try access.withSession { session in try session.org.addDistrict(name) }
                Console.out(L(.orgDistrictAdded, ["district": name]))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpOrgDistrictListAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let districts = try access.withSession { session in try session.org.districts() }
                switch format {
                case .json: try JSONOutput.printArray(districts.map { ["name": $0] })
                case .csv: CSVOutput.print(header: ["name"], rows: districts.map { [$0] })
                case .text: for district in districts { Console.line(district) }
                }
            }
        }
    }
}
