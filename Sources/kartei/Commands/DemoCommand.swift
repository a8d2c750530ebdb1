import ArgumentParser
import Foundation
import KarteiCore
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// `kartei demo --dir DIR`: a complete demo installation with synthetic data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: L(.helpDemoAbstract),
        discussion: L(.helpDemoDiscussion)
    )

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionDemoDir), valueName: "dir")) var dir: String
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionMembers), valueName: "n")) var members = 800
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionSeed), valueName: "n")) var seed: UInt64 = 1

    func validate() throws {
        guard members >= 0 && members <= 2_000_000 else {
            throw ValidationError(L(.demoMembersRange))
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: dir).standardizedFileURL
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.path),
           !((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).isEmpty {
            throw CLIError(.demoDirectoryNotEmpty, ["path": directory.path], exitCode: .cannotCreate)
        }
        try manager.createDirectory(at: directory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
        let vaultPath = directory.appendingPathComponent("vault.kartei").path
        let passphrasePath = directory.appendingPathComponent("demo-passphrase.txt").path
        let recoveryPath = directory.appendingPathComponent("demo-recovery-code.txt").path

        // A random demo passphrase, stored in clear next to the vault: demo only.
        let passphrase = try RecoveryCode.generate().formatted
        try write(passphrase + "\n", to: passphrasePath)
        let vault = try Vault.create(at: vaultPath, passphrase: SecretBytes(copying: Array(passphrase.utf8)),
                                     label: L(.demoTreasurerLabel), options: CLIVaultOptions.make())
        defer { try? vault.close() }
        let (code, _) = try vault.addRecoveryCodeHolder(label: L(.recoveryCodeDefaultLabel))
        try write(code.formatted + "\n", to: recoveryPath)
        let count = try SyntheticTable.fill(vault, with: SyntheticPeople(count: members, seed: seed))
        try vault.close()

        let environment = directory.appendingPathComponent("treasurer.env").path
        try write(EnvironmentFile.render([
            ("KARTEI_VAULT", vaultPath),
            ("KARTEI_PASSPHRASE_FILE", passphrasePath),
        ], comment: L(.demoEnvComment, ["dir": directory.path])), to: environment)

        Console.note(Message(.demoWarning, ["path": passphrasePath]))
        Console.out(L(.demoDone, ["dir": directory.path, "members": String(count), "seed": String(seed),
                                  "env": environment]))
    }

    private func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CLIError(.cliCannotWrite, ["path": path], exitCode: .ioError)
        }
    }
}

/// Shell-sourceable `KARTEI_…=` lines plus an export line.
enum EnvironmentFile {
    static func render(_ pairs: [(String, String)], comment: String) -> String {
        var lines = comment.split(separator: "\n").map { "# " + $0 }
        for (name, value) in pairs {
            lines.append("\(name)='\(value.replacingOccurrences(of: "'", with: "'\\''"))'")
        }
        lines.append("export " + pairs.map(\.0).joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }
}
