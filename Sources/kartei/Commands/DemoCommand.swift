import ArgumentParser
import Foundation
import KarteiCore
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// `kartei demo --dir DIR`: a complete demo installation with synthetic data: the vault and its
/// CA, one identity per role, an environment file per role, synthetic members.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: L(.helpDemoAbstract),
        discussion: L(.helpDemoDiscussion)
    )

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionDemoDir), valueName: "dir")) var dir: String
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionMembers), valueName: "n")) var members = 800
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionSeed), valueName: "n")) var seed: UInt64 = 1

    /// The demo staff: synthetic names, the district officer in Leipzig.
    static let staff: [(role: Role, name: String, district: String?)] = [
        (.treasurer, "Kerstin Lehmann", nil),
        (.office, "Thomas Richter", nil),
        (.district, "Anja Seifert", "Leipzig"),
        (.statistician, "Jonas Hartmann", nil),
        (.auditor, "Monika Uhlig", nil),
        (.server, "kartei-server", nil),
    ]

    /// The roles whose demo certificates hold keys of the vault.
    static let keyHolders: Set<Role> = [.treasurer, .office, .server]

    func validate() throws {
        guard members >= 0 && members <= 2_000_000 else { throw ValidationError(L(.demoMembersRange)) }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: dir).standardizedFileURL
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.path),
           !((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).isEmpty {
            throw CLIError(.demoDirectoryNotEmpty, ["path": directory.path], exitCode: .cannotCreate)
        }
        let keys = directory.appendingPathComponent("keys")
        try manager.createDirectory(at: keys, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func key(_ name: String) -> String { keys.appendingPathComponent(name).path }

        // Demo secrets, stored in clear next to the vault: demo only.
        let passphrase = try RecoveryCode.generate().formatted
        try NewFile.write(passphrase + "\n", to: file("demo-passphrase.txt"))
        let caPassphrase = try RecoveryCode.generate().formatted
        try NewFile.write(caPassphrase + "\n", to: key("ca-passphrase.txt"))

        let session = try KarteiSession.create(at: file("vault.kartei"), passphrase: SecretBytes(copying: Array(passphrase.utf8)),
                                               label: L(.demoTreasurerLabel), options: CLIVaultOptions.make(), checkpoints: .standard())
        defer { try? session.close() }
        let code = try session.vaultAdmin.addRecoveryCode(label: L(.recoveryCodeDefaultLabel))
        try NewFile.write(code + "\n", to: file("demo-recovery-code.txt"))
        let caKey = try session.authority.create().key
        try NewFile.write(EncryptedPrivateKey.pem(caKey, passphrase: SecretBytes(copying: Array(caPassphrase.utf8))),
                                to: key("ca-key.pem"))
        for district in SyntheticCatalog.districts { try session.org.addDistrict(district.name) }

        let today = session.today.iso
        for member in Self.staff {
            let user = try session.users.add(name: member.name, role: member.role, scope: member.district.map { .district($0) } ?? .all,
                                           declarationDate: today)
            let issued = try session.authority.issue(userID: user.id!, caKey: caKey,
                                                      dnsNames: member.role == .server ? ["localhost"] : [])
            try NewFile.write(issued.bundle!, to: key("\(member.role.rawValue).p12"))
            try NewFile.write(issued.transportPassphrase! + "\n", to: key("\(member.role.rawValue).pass"))
            // The office holds a key too: it is the second key holder that approves large exports
            // and erasures (four eyes) in the walkthrough.
            if Self.keyHolders.contains(member.role) { _ = try session.vaultAdmin.addKeyHolder(userID: user.id!) }
        }
        try session.close()

        // The member file is written by the demo treasurer (a certificate identity: access is
        // decided and audited like any import), from the generator's import file.
        let treasurer = try KarteiSession.open(
            at: file("vault.kartei"),
            credentials: SessionCredentials(identity: IdentitySource(
                path: key("treasurer.p12"), passphrase: try SecretInput.read(file: key("treasurer.pass")))),
            options: CLIVaultOptions.make(), checkpoints: .standard())
        defer { try? treasurer.close() }
        // An import of nobody is refused (a header-only file); an empty demo imports nothing.
        let count = members == 0 ? 0 : try treasurer.members.importFile(SyntheticImportFile.data(count: members, seed: seed),
                                                                   file: "generator", reason: "demo").imported
        // Dues, the bank's payments, boards with their offices, mandates: a file with a history.
        let people = Array(SyntheticPeople(count: members, seed: seed))
        _ = try treasurer.finance.setDuesTable(SyntheticOrganisation.duesTable, validFrom: SyntheticOrganisation.accountingStart)
        let day = treasurer.today
        if !people.isEmpty {
            _ = try treasurer.finance.importPayments(SyntheticOrganisation.bankStatement(people, seed: seed, until: day), file: "demo-bank.csv")
            _ = try SyntheticOrganisation.populate(treasurer, people: people, seed: seed, on: day)
        }
        // What docs/WALKTHROUGH.md hands the reader: this week's entry declarations and the next
        // bank statement, dated today.
        try NewFile.write([UInt8](SyntheticOrganisation.newMembers(count: 6, seed: seed, district: "Leipzig", on: day)),
                          to: file("neue-mitglieder.csv"))
        try NewFile.write([UInt8](SyntheticOrganisation.nextBankStatement(people, seed: seed, count: 12, on: day)),
                          to: file("kontoauszug.csv"))
        try treasurer.close()

        for member in Self.staff {
            let role = member.role.rawValue
            var pairs = [
                ("KARTEI_VAULT", file("vault.kartei")),
                ("KARTEI_IDENTITY", key("\(role).p12")),
                ("KARTEI_PASSPHRASE_FILE", key("\(role).pass")),
            ]
            switch member.role {
            case .treasurer:
                pairs += [("KARTEI_CA_KEY", key("ca-key.pem")), ("KARTEI_CA_PASSPHRASE_FILE", key("ca-passphrase.txt"))]
            case .server, .office:
                break
            default:
                // Not key holders: this process acts for them with the (demo) server's key.
                pairs += [("KARTEI_HOLDER_IDENTITY", key("server.p12")), ("KARTEI_HOLDER_PASSPHRASE_FILE", key("server.pass"))]
            }
            if let district = member.district { pairs.append(("KARTEI_DEMO_DISTRICT", district)) }
            try NewFile.write(EnvironmentFile.render(pairs, comment: L(.demoEnvComment, ["dir": directory.path, "role": role])),
                                    to: file("\(role).env"))
        }
        Console.note(Message(.demoWarning, ["path": directory.path]))
        Console.out(L(.demoDone, count: count,
                      ["dir": directory.path, "seed": String(seed), "env": file("treasurer.env")]))
    }
}

/// Shell-sourceable `KARTEI_…=` lines plus an export line; first unsets the variables other
/// roles' files set, so that sourcing one after another switches cleanly.
enum EnvironmentFile {
    static let variables = ["KARTEI_VAULT", "KARTEI_IDENTITY", "KARTEI_PASSPHRASE_FILE", "KARTEI_CA_KEY",
                            "KARTEI_CA_PASSPHRASE_FILE", "KARTEI_HOLDER_IDENTITY", "KARTEI_HOLDER_PASSPHRASE_FILE",
                            "KARTEI_DEMO_DISTRICT", "KARTEI_RECOVERY_CODE_FILE"]

    static func render(_ pairs: [(String, String)], comment: String) -> String {
        var lines = comment.split(separator: "\n").map { "# " + $0 }
        lines.append("unset " + variables.joined(separator: " "))
        for (name, value) in pairs {
            lines.append("\(name)='\(value.replacingOccurrences(of: "'", with: "'\\''"))'")
        }
        lines.append("export " + pairs.map(\.0).joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }
}
