import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

/// `kartei audit …`: the tamper-evident log of every access (docs/FORMATS.md §9).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: L(.helpAuditAbstract),
        discussion: L(.helpAuditDiscussion),
        subcommands: [Show.self, WhoRead.self, Verify.self, Export.self, CheckpointCommand.self, Prune.self,
                      AcceptRollback.self, RequirePurpose.self, Retention.self]
    )

    /// One entry as `audit show` prints it: no names, no record numbers.
    struct ShownEntry: Encodable {
        var seq: Int64
        var erased: Bool?
        var time: String?
        var actorKind: String?
        var actorRole: String?
        var actorScope: String?
        var actor: String?
        var action: String?
        var objectType: String?
        var objectCount: Int?
        var purpose: String?
        var outcome: String?

        init(_ entry: AuditLog.StoredEntry) {
            seq = entry.seq
            guard let event = entry.event else {
                erased = true
                return
            }
            time = event.time
            actorKind = event.actorKind
            actorRole = event.actorRole
            actorScope = event.actorScope
            actor = String(event.actorCredential.prefix(12))
            action = event.action
            objectType = event.objectType
            objectCount = event.objectIDs.count
            purpose = event.purpose
            outcome = event.outcome.rawValue
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpAuditShowAbstract), discussion: L(.helpAuditShowDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionSince), valueName: "date")) var since: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionUntil), valueName: "date")) var until: Day?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionActor), valueName: "serial")) var actor: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionAction), valueName: "action")) var action: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionLimit), valueName: "n")) var limit: Int?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionMemberNumber), valueName: "number")) var member: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let filter = AuditFilter(since: since?.date, until: until?.date, actor: actor,
                                     action: action, limit: limit, member: member)
            let entries = try access.withSession { session in
                try session.audit.entries(filter, purpose: purpose).map(ShownEntry.init)
            }
            switch format {
            case .json: try JSONOutput.printArray(entries)
            case .csv:
                CSVOutput.print(header: ["seq", "time", "role", "scope", "actor", "action", "objectType", "objects", "purpose", "outcome"],
                                rows: entries.map { [String($0.seq), $0.time ?? "", $0.actorRole ?? "", $0.actorScope ?? "",
                                                     $0.actor ?? "", $0.action ?? "", $0.objectType ?? "",
                                                     $0.objectCount.map(String.init) ?? "", $0.purpose ?? "", $0.outcome ?? ""] })
            case .text:
                for entry in entries {
                    guard entry.erased != true else {
                        Console.line("\(entry.seq)  –  \(L(.auditErased))")
                        continue
                    }
                    let scope = (entry.actorScope ?? "").isEmpty ? "" : "/\(entry.actorScope!)"
                    let purpose = (entry.purpose ?? "").isEmpty ? "" : "  „\(entry.purpose!)“"
                    Console.line("\(entry.seq)  \(entry.time ?? "")  \(entry.actorRole ?? "")\(scope) \(entry.actor ?? "")  "
                        + "\(entry.action ?? "") \(entry.objectType ?? "")×\(entry.objectCount ?? 0)  \(entry.outcome ?? "")\(purpose)")
                }
            }
        }
    }

    struct WhoRead: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "who-read", abstract: L(.helpAuditWhoReadAbstract),
                                                        discussion: L(.helpAuditWhoReadDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpOptionMemberNumber))) var member: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        struct Access: Encodable {
            var time: String
            var name: String
            var role: String
            var scope: String
            var action: String
            var purpose: String
            var outcome: String
        }

        func run() throws {
            let session = try access.openSession()
            defer { try? session.close() }
            let accesses = try session.audit.whoRead(member: member, purpose: purpose).compactMap { entry -> Access? in
                guard let event = entry.event else { return nil }
                return Access(time: event.time, name: event.actorName, role: event.actorRole, scope: event.actorScope,
                              action: event.action, purpose: event.purpose, outcome: event.outcome.rawValue)
            }
            try session.close()
            switch format {
            case .json: try JSONOutput.printArray(accesses)
            case .csv:
                CSVOutput.print(header: ["time", "name", "role", "scope", "action", "purpose", "outcome"],
                                rows: accesses.map { [$0.time, $0.name, $0.role, $0.scope, $0.action, $0.purpose, $0.outcome] })
            case .text:
                if accesses.isEmpty { Console.out(L(.auditNobodyRead, ["member": member])) }
                for item in accesses {
                    let scope = item.scope.isEmpty ? "" : " \(item.scope)"
                    Console.line("\(item.time)  \(item.name) (\(item.role)\(scope))  \(item.action)  \(item.purpose)  \(item.outcome)")
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpAuditVerifyAbstract), discussion: L(.helpAuditVerifyDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionCheckpointFile), valueName: "file")) var checkpoint: [String] = []
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text

        /// A checkpoint file given with --checkpoint: missing is 66, not a checkpoint 65, both before the vault is opened.
        static func read(_ path: String) throws -> Checkpoint {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FileManager.default.fileExists(atPath: path)
                    ? CLIError(.memberImportFileMissing, ["file": path], exitCode: .ioError) : CoreError(.fileMissing, ["path": path])
            }
            guard let parsed = try? Checkpoint.parse(String(decoding: data, as: UTF8.self)) else {
                throw CLIError(.checkpointFileInvalid, ["path": path], exitCode: .dataError)
            }
            return parsed
        }

        /// The verdict on the first problem, for stderr: what it means and what to do.
        static func verdict(_ first: AuditVerification.Problem) -> Message {
            let arguments = ["index": String(first.index), "kind": first.kind.rawValue, "detail": first.detail]
            switch first.kind {
            case .checkpointOrigin: return Message(.auditVerifyForeignCheckpoint, arguments)
            case .checkpointSignature where first.detail.hasPrefix("external"): return Message(.auditVerifyExternalSignature, arguments)
            default: return Message(.auditVerifyFirstProblem, arguments)
            }
        }

        func run() throws {
            let external = try checkpoint.map(Self.read)
            let result = try access.withSession { session in try session.audit.verify(external: external) }
            switch format {
            case .json: try JSONOutput.printObject(result)
            case .text:
                Console.out(L(.auditVerifySummary, count: result.checkpointsVerified,
                              ["size": L(.auditVerifyEntries, count: result.size),
                               "content": String(result.entriesWithContent), "erased": String(result.erasedEntries)]))
                for problem in result.problems.sorted(by: { $0.index < $1.index }) {
                    Console.line("  \(problem.index)  \(problem.kind.rawValue)  \(problem.detail)")
                }
                if result.isValid { Console.out(L(.auditVerifyValid)) }
            }
            if let first = result.firstProblem {
                Console.error(Self.verdict(first))
                throw ExitCode(KarteiExitCode.auditInvalid.rawValue)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpAuditExportAbstract), discussion: L(.helpAuditExportDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentExportDirectory))) var directory: String
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionPurpose), valueName: "text")) var purpose = ""

        func run() throws {
            let summary = try access.withSession { session in
                try session.audit.export(to: URL(fileURLWithPath: directory), purpose: purpose)
            }
            Console.out(L(.auditExported, count: summary.checkpoints,
                          ["path": directory, "entries": L(.auditExportedEntries, count: summary.entries)]))
        }
    }

    struct CheckpointCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: L(.helpAuditCheckpointAbstract))
        @OptionGroup var access: VaultAccessOptions

        func run() throws {
            let checkpoint = try access.withSession { session in try session.audit.latestCheckpoint() }
            FileHandle.standardOutput.write(Data(checkpoint.note.utf8))
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpAuditPruneAbstract), discussion: L(.helpAuditPruneDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionDryRun))) var dryRun = false

        func run() throws {
            let session = try access.openSession()
            defer { try? session.close() }
            let pruned = try session.audit.prune(dryRun: dryRun)
            let (count, cutoff) = (pruned.count, pruned.cutoff)
            try session.close()
            Console.out(L(dryRun ? .auditPruneDryRun : .auditPruned, count: count,
                          ["cutoff": String(cutoff.prefix(10))]))
        }
    }

    struct AcceptRollback: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept-rollback", abstract: L(.helpAuditAcceptRollbackAbstract),
                                                        discussion: L(.helpAuditAcceptRollbackDiscussion))
        @OptionGroup var access: VaultAccessOptions

        func run() throws {
            let session = try access.openSession(acceptRollback: true)
            defer { try? session.close() }
            try session.vaultAdmin.acceptRollback()
            try session.close()
            Console.out(L(.auditRollbackAccepted))
        }
    }

    enum Switch: String, ExpressibleByArgument, CaseIterable { case on, off }

    struct RequirePurpose: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "require-purpose", abstract: L(.helpAuditRequirePurposeAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentOnOff))) var value: Switch

        func run() throws {
            try access.withSession { session in try session.settings.setPurposeRequired(value == .on) }
            Console.out(L(value == .on ? .auditPurposeRequiredOn : .auditPurposeRequiredOff))
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpAuditRetentionAbstract, ["default": String(Settings.defaultAuditRetentionYears)]))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentYears))) var years: Int

        func run() throws {
            try access.withSession { session in try session.settings.setAuditRetention(years: years) }
            Console.out(L(.auditRetentionSet, count: years))
        }
    }
}

/// Dates on the command line: yyyy-mm-dd or dd.mm.yyyy.
enum Dates {
    /// A calendar day as given on the command line (DD.MM.YYYY or YYYY-MM-DD).
    static func day(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate.parse(text) else { throw CoreError(.invalidDate, ["date": text]) }
        return date
    }

    /// The association's time zone as the last session read it (Europe/Berlin before any).
    nonisolated(unsafe) static var zone = AssociationTime.defaultZone

    /// Today in that zone.
    static var today: CalendarDate { CalendarDate(Date(), in: zone) }

    /// The day of an instant (a certificate's end, a grant's end) in the association's time zone.
    static func day(of instant: Date) -> CalendarDate { CalendarDate(instant, in: zone) }
}
