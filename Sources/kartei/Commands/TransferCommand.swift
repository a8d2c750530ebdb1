import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

/// `kartei transfer …`: members moving to and from other state associations (Übertritt) as
/// signed, encrypted transfer packages. Every check and decision is the core's.
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: L(.helpTransferAbstract),
        discussion: L(.helpTransferDiscussion),
        subcommands: [Partner.self, Out.self, In.self, List.self]
    )

    static func german(_ iso: String) -> String { CalendarDate.parse(iso)?.german ?? iso }

    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.memberImportFileMissing, ["file": path], exitCode: .noInput)
        }
        return data
    }

    struct Partner: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpTransferPartnerAbstract),
                                                        subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpTransferPartnerAddAbstract),
                                                            discussion: L(.helpTransferPartnerAddDiscussion))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionPartnerName), valueName: "name")) var name: String
            @Argument(help: ArgumentHelp(L(.helpArgumentPartnerCertificate), valueName: "ca.pem")) var certificate: String
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

            func run() throws {
                let pem = String(decoding: try TransferCommand.read(certificate), as: UTF8.self)
                let partner = try access.withSession { session in try session.transfers.addPartner(name: name, certificatePEM: pem,
                                                             file: (certificate as NSString).lastPathComponent) }
                if format == .json {
                    try JSONOutput.printObject(partner)
                } else {
                    Console.out(L(.transferPartnerAdded, ["name": partner.name, "fingerprint": partner.fingerprint,
                                                          "until": Dates.day(of: partner.notAfter).german]))
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: L(.helpTransferPartnerListAbstract))
            @OptionGroup var access: VaultAccessOptions
            @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

            func run() throws {
                let partners = try access.withSession { session in try session.transfers.partners() }
                switch format {
                case .json: try JSONOutput.printArray(partners)
                case .csv:
                    CSVOutput.print(header: ["id", "name", "fingerprint", "notAfter", "addedAt"],
                                    rows: partners.map {
                                        [String($0.id), $0.name, $0.fingerprint, Dates.day(of: $0.notAfter).iso, $0.addedAt]
                                    })
                case .text:
                    if partners.isEmpty { Console.note(Message(.transferNoPartners)) }
                    for p in partners {
                        let validity = "\(Dates.day(of: p.notBefore).german)–\(Dates.day(of: p.notAfter).german)"
                        Console.line("\(p.id)  \(p.name)  \(p.fingerprint)  \(validity)")
                    }
                }
            }
        }
    }

    struct Out: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpTransferOutAbstract),
                                                        discussion: L(.helpTransferOutDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentMemberReference))) var member: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTransferTo), valueName: "partner")) var to: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTransferOut), valueName: "file")) var out: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTransferDate), valueName: "date")) var date: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let reference = try MemberCommand.reference(member)
            let day = date?.date
            let credentials = try access.credentials()
            // The package is signed with the key of the identity the session is opened with.
            guard let identity = credentials.identity else { throw CoreError(.identityRequired) }
            let session = try access.openSession(credentials: credentials)
            defer { try? session.close() }
            let result = try session.transfers.transferOut(reference, to: to, signer: try identity.load(), out: out, on: day,
                                                 reason: reason)
            try session.close()
            if format == .json {
                try JSONOutput.printObject(result)
            } else {
                Console.out(L(.transferOutDone, ["member": result.member.reference, "partner": result.transfer.partner,
                                                 "date": TransferCommand.german(result.transfer.date), "file": out,
                                                 "id": result.transfer.packageID]))
            }
        }
    }

    struct In: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpTransferInAbstract),
                                                        discussion: L(.helpTransferInDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @OptionGroup var caKey: CAKeyOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentTransferPackage), valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTransferDistrict), valueName: "name")) var district: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTransferBranch), valueName: "name")) var branch = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionTransferDate), valueName: "date")) var date: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionReasonText), valueName: "text")) var reason = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        func run() throws {
            let package = try TransferCommand.read(file)
            let day = date?.date
            let session = try access.openSession()
            defer { try? session.close() }
            let result = try session.transfers.transferIn([UInt8](package), file: (file as NSString).lastPathComponent, loadingCAKey: {
                guard let key = try caKey.load(session) else { throw CLIError(.cliNoCAKey) }
                return key
            }, district: district, branch: branch, on: day, reason: reason)
            try session.close()
            if format == .json {
                try JSONOutput.printObject(result)
            } else {
                Console.out(L(.transferInDone, ["member": result.member.reference, "district": result.member.district,
                                                "date": TransferCommand.german(result.transfer.date),
                                                "previous": result.transfer.partnerNumber.map(String.init) ?? "–",
                                                "partner": result.transfer.partner, "id": result.transfer.packageID]))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpTransferListAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let transfers = try access.withSession { session in try session.transfers.list() }
            switch format {
            case .json: try JSONOutput.printArray(transfers)
            case .csv:
                CSVOutput.print(header: ["date", "direction", "memberNumber", "partnerNumber", "partner", "packageID"],
                                rows: transfers.map { [$0.date, $0.direction.rawValue, String($0.memberNumber),
                                                       $0.partnerNumber.map(String.init) ?? "", $0.partner, $0.packageID] })
            case .text:
                if transfers.isEmpty { Console.note(Message(.transferNoTransfers)) }
                for t in transfers {
                    let previous = t.partnerNumber.map { " (\($0))" } ?? ""
                    Console.line("\(TransferCommand.german(t.date))  \(t.direction.rawValue)  \(t.memberNumber)\(previous)  "
                                + "\(t.partner)  \(t.packageID)")
                }
            }
        }
    }
}
