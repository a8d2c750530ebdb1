import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages
import KarteiVault

/// `kartei vault holder …`: who can unlock the data key.
struct HolderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holder",
        abstract: L(.helpHolderAbstract),
        subcommands: [List.self, AddPassphrase.self, AddRecoveryCode.self, AddCertificate.self, Remove.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L(.helpHolderListAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: OutputFormat = .text

        func run() throws {
            let holders = try access.withSession { session in try session.vaultAdmin.holders() }
            switch format {
            case .json: try JSONOutput.printArray(holders)
            case .csv: CSVOutput.print(header: ["id", "kind", "label"], rows: holders.map { [$0.id, $0.kind, $0.label] })
            case .text: for holder in holders { Console.line("\(holder.id)  \(holder.kind)  \(holder.label)") }
            }
        }
    }

    struct AddPassphrase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-passphrase", abstract: L(.helpHolderAddPassphraseAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionNewPassphraseFile), valueName: "file"))
        var newPassphraseFile: String?
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionLabel), valueName: "text")) var label: String

        func run() throws {
            // The new passphrase is read before the vault is opened: a typo in it costs nothing.
            let passphrase = try SecretInput.newPassphrase(file: newPassphraseFile, or: .newPassphrase)
            try Vault.checkPassphrase(passphrase)
            let holder = try access.withSession { session in try session.vaultAdmin.addPassphraseHolder(passphrase, label: label) }
            Console.out(L(.holderAdded, ["id": holder.id, "kind": holder.kind]))
        }
    }

    struct AddRecoveryCode: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-recovery-code", abstract: L(.helpHolderAddRecoveryCodeAbstract))
        @OptionGroup var access: VaultAccessOptions
        @Option(name: .long, help: ArgumentHelp(L(.helpOptionLabel), valueName: "text"))
        var label = L(.recoveryCodeDefaultLabel)

        func run() throws {
            let code = try access.withSession { session in try session.vaultAdmin.addRecoveryCode(label: label) }
            Console.note(Message(.initRecoveryCodeIntro))
            Console.out(code)
            Console.note(Message(.initRecoveryCodeOutro))
        }
    }

    struct AddCertificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-certificate", abstract: L(.helpHolderAddCertificateAbstract),
            discussion: L(.helpHolderAddCertificateDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentUserID))) var user: Int64

        func run() throws {
            let holder = try access.withSession { session in try session.vaultAdmin.addKeyHolder(userID: user) }
            Console.out(L(.holderAdded, ["id": holder.id, "kind": holder.kind]))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(.helpHolderRemoveAbstract), discussion: L(.helpHolderRemoveDiscussion))
        @OptionGroup var access: VaultAccessOptions
        @Argument(help: ArgumentHelp(L(.helpArgumentHolderID))) var id: String

        func run() throws {
            let report = try VaultRekey.run(access, removing: [id])
            Console.out(L(.holderRemoved, count: report.holders,
                          ["id": id, "pages": L(.vaultPages, count: report.pages)]))
        }
    }
}
