import ArgumentParser
import Foundation
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
            let vault = try access.open()
            defer { try? vault.close() }
            let info = try vault.info()
            switch format {
            case .json: try JSONOutput.printObject(info)
            case .csv:
                CSVOutput.print(header: ["key", "value"], rows: VaultInfoText.pairs(info).map { [$0.0, $0.1] })
            case .text:
                for (key, value) in VaultInfoText.pairs(info) { Console.out("\(key): \(value)") }
                Console.out(L(.vaultInfoHolders))
                for holder in info.holders {
                    Console.out("  \(holder.id)  \(holder.kind)  \(holder.label)")
                }
            }
            try vault.close()
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
            let vault = try access.open()
            defer { try? vault.close() }
            let report = try vault.check()
            switch format {
            case .json: try JSONOutput.printObject(report)
            case .csv:
                CSVOutput.print(header: ["kind", "file", "page", "frame", "detail"], rows: report.problems.map {
                    [$0.kind.rawValue, $0.file, $0.page.map(String.init) ?? "", $0.frame.map(String.init) ?? "", $0.detail ?? ""]
                })
            case .text:
                Console.out(L(.vaultCheckSummary, ["pages": String(report.pagesChecked),
                                                    "frames": String(report.walFramesChecked)]))
                for problem in report.problems { Console.out("  " + CheckText.describe(problem)) }
                Console.out(L(report.isHealthy ? .vaultCheckHealthy : .vaultCheckProblems,
                              ["count": String(report.problems.count)]))
            }
            try vault.close()
            if !report.isHealthy { throw ExitCode(KarteiExitCode.checkFailed.rawValue) }
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpVaultRekeyAbstract),
            discussion: L(.helpVaultRekeyDiscussion)
        )

        @OptionGroup var access: VaultAccessOptions

        func run() throws {
            let report = try Vault.rekey(at: access.vaultPath(), unlocking: access.unlocker(), options: CLIVaultOptions.make())
            Console.out(L(.vaultRekeyDone, ["pages": String(report.pages), "holders": String(report.holders)]))
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
            let vault = try access.open()
            defer { try? vault.close() }
            try vault.backup(to: out)
            try vault.close()
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
            let vault = try access.open(acceptMissingWAL: true)
            defer { try? vault.close() }
            let report = try vault.check()
            try vault.close()
            Console.out(L(report.isHealthy ? .vaultCheckHealthy : .vaultCheckProblems, ["count": String(report.problems.count)]))
            if !report.isHealthy { throw ExitCode(KarteiExitCode.checkFailed.rawValue) }
        }
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
        }
        return L(key, arguments)
    }
}
