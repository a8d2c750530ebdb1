import ArgumentParser
import Foundation
import KarteiBench
import KarteiMessages

/// `kartei bench …`: benchmarks that print figures and ratios against a baseline measured in the
/// same run (BENCHMARKS.md).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: L(.helpBenchAbstract),
        subcommands: [Storage.self, Audit.self, Members.self]
    )

    struct Storage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpBenchStorageAbstract),
            discussion: L(.helpBenchStorageDiscussion)
        )

        @Option(name: .long, help: ArgumentHelp(L(.helpOptionRows), valueName: "n")) var rows = 100_000
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionBenchDir), valueName: "dir")) var dir: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionRepeat), valueName: "n")) var `repeat` = 3

        func run() throws {
            let result = try StorageBenchmark(rows: rows, repetitions: `repeat`, directory: dir) { progress in
                Console.note(Message(.benchProgress, ["step": progress]))
            }.run()
            switch format {
            case .json: try JSONOutput.printObject(result)
            case .text:
                for line in StorageBenchmarkText.lines(result) { Console.out(line) }
            }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpBenchAuditAbstract),
            discussion: L(.helpBenchAuditDiscussion)
        )

        @Option(name: .long, help: ArgumentHelp(L(.helpOptionRows), valueName: "n")) var rows = 100_000
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionEntries), valueName: "n")) var entries = 1_000_000
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionBenchDir), valueName: "dir")) var dir: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionRepeat), valueName: "n")) var `repeat` = 3

        func run() throws {
            let result = try AuditBenchmark(rows: rows, entries: entries, repetitions: `repeat`, directory: dir) { progress in
                Console.note(Message(.benchProgress, ["step": progress]))
            }.run()
            switch format {
            case .json: try JSONOutput.printObject(result)
            case .text: for line in AuditBenchmarkText.lines(result) { Console.out(line) }
            }
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpBenchMembersAbstract),
            discussion: L(.helpBenchMembersDiscussion)
        )

        @Option(name: .long, help: ArgumentHelp(L(.helpOptionMembers), valueName: "n")) var members = 1_000_000
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionSeed), valueName: "n")) var seed: UInt64 = 1
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: ReportFormat = .text
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionBenchDir), valueName: "dir")) var dir: String?

        func run() throws {
            let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
            let result = try MemberBenchmark(members: members, seed: seed, directory: dir, executable: executable) { progress in
                Console.note(Message(.benchProgress, ["step": progress]))
            }.run()
            switch format {
            case .json: try JSONOutput.printObject(result)
            case .text: for line in MemberBenchmarkText.lines(result) { Console.out(line) }
            }
        }
    }
}
