import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages
import KarteiVault

/// `kartei vault …`: the encrypted file itself.
struct VaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: L(.helpVaultAbstract),
        subcommands: [Info.self, Check.self, Rekey.self, Backup.self, Repair.self, HolderCommand.self]
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpVaultInfoAbstract))

        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let info = try access.withSession { session in try session.vaultAdmin.info() }
            switch format {
            case .json: try JSONOutput.printObject(info)
            case .csv:
                CSVOutput.print(header: ["key", "value"], rows: VaultInfoText.pairs(info).map { [$0.0, $0.1] })
            case .text:
                for (key, value) in VaultInfoText.pairs(info) { Console.line("\(key): \(value)") }
                Console.out(L(.vaultInfoHolders))
                for holder in info.holders {
                    Console.line("  \(holder.id)  \(holder.kind)  \(holder.label)")
                }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpVaultCheckAbstract),
            discussion: L(.helpVaultCheckDiscussion)
        )

        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let report = try access.withSession { session in try session.vaultAdmin.check() }
            switch format {
            case .json: try JSONOutput.printObject(report)
            case .csv:
                CSVOutput.print(header: ["kind", "file", "page", "frame", "detail"], rows: report.problems.map {
                    [$0.kind.rawValue, $0.file, $0.page.map(String.init) ?? "", $0.frame.map(String.init) ?? "", $0.detail ?? ""]
                })
            case .text:
                Console.out(L(.vaultCheckSummary, ["pages": L(.vaultPages, count: report.pagesChecked),
                                                    "frames": L(.vaultCheckFrames, count: report.walFramesChecked)]))
                for problem in report.problems { Console.line("  " + CheckText.describe(problem)) }
                if report.isHealthy { Console.out(L(.vaultCheckHealthy)) }
            }
            try CheckText.finish(report)
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpVaultRekeyAbstract),
            discussion: L(.helpVaultRekeyDiscussion)
        )

        @OptionGroup var access: VaultAccessOptions

        func run() throws {
            let report = try VaultRekey.run(access, removing: [])
            Console.out(L(.vaultRekeyDone, count: report.holders, ["pages": L(.vaultPages, count: report.pages)]))
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpVaultBackupAbstract),
            discussion: L(.helpVaultBackupDiscussion)
        )

        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionBackupOut), valueName: "path")) var out: String

        func run() throws {
            try access.withSession { session in try session.vaultAdmin.backup(to: out) }
            Console.out(L(.vaultBackupDone, ["path": out]))
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpVaultRepairAbstract),
            discussion: L(.helpVaultRepairDiscussion)
        )

        @OptionGroup var access: VaultAccessOptions
        @Flag(name: .long, help: ArgumentHelp(L(.helpOptionAcceptMissingWAL))) var acceptMissingWal = false

        func run() throws {
            guard acceptMissingWal else { throw CLIError(.vaultRepairNothingChosen, exitCode: .usage) }
            let session = try access.openSession(acceptMissingWAL: true)
            defer { try? session.close() }
            let report = try session.vaultAdmin.repair()
            try session.close()
            if report.isHealthy { Console.out(L(.vaultCheckHealthy)) }
            try CheckText.finish(report)
        }
    }
}

/// Rekey through a session: the core authorises, closes the session (a rekey needs the vault to
/// itself), rekeys with what unlocked it and records the rekey in the new file.
enum VaultRekey {
    static func run(_ access: VaultAccessOptions, removing holders: Set<String>) throws -> RekeyReport {
        let session = try access.openSession()
        defer { try? session.close() }
        return try session.rekey(removing: holders)
    }
}

enum VaultInfoText {
    static func pairs(_ info: VaultInfo) -> [(String, String)] {
        [
            (L(.vaultInfoPath), info.path),
            (L(.vaultInfoFormat), String(info.formatVersion)),
            (L(.vaultInfoVaultID), info.vaultID),
            (L(.vaultInfoFileID), info.fileID),
            (L(.vaultInfoCipher), L(.vaultInfoCipherValue)),
            (L(.vaultInfoPageSize), "\(info.pageSize) (\(info.reserveBytes))"),
            (L(.vaultInfoSize), "\(info.fileBytes) + WAL \(info.walBytes)"),
            (L(.vaultInfoPages), "\(info.pageCount) (\(info.freePages))"),
            (L(.vaultInfoJournal), info.journalMode),
            (L(.vaultInfoKeyring), String(info.keyringGeneration)),
            (L(.vaultInfoMigrations), info.migrations.joined(separator: ", ")),
            ("SQLite", info.sqliteVersion),
        ]
    }
}

enum CheckText {
    /// A report with problems ends in exit 85 and says so on stderr, whatever the output format.
    static func finish(_ report: CheckReport) throws {
        guard !report.isHealthy else { return }
        Console.error(Message(.vaultCheckProblems, count: report.problems.count))
        throw ExitCode(KarteiExitCode.checkFailed.rawValue)
    }

    static func describe(_ problem: CheckReport.Problem) -> String {
        let arguments = ["file": problem.file, "page": problem.page.map(String.init) ?? "?",
                         "frame": problem.frame.map(String.init) ?? "?", "detail": problem.detail ?? ""]
        let key: MessageKey = switch problem.kind {
        case .pageAuthentication: .checkPageAuthentication
        case .walFrameAuthentication: .checkWALFrameAuthentication
        case .partialPage: .checkPartialPage
        case .integrity: .checkIntegrity
        case .truncated: .checkTruncated
        case .leftoverFile: .checkLeftoverFile
        case .keyringCopyRewritten: .checkKeyringCopyRewritten
        }
        return L(key, arguments)
    }
}
