import ArgumentParser
import Foundation
import KarteiMessages
import KarteiVault

/// `kartei init`: a new vault with a passphrase holder and (by default) a recovery code.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: L(.helpInitAbstract),
        discussion: L(.helpInitDiscussion)
    )

    @OptionGroup var access: VaultAccessOptions

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionLabel), valueName: "text"))
    var label = "Schatzmeister/in"

    @Flag(name: .long, help: ArgumentHelp(L(.helpOptionNoRecoveryCode)))
    var noRecoveryCode = false

    func run() throws {
        let path = try access.vaultPath()
        let passphrase = try SecretInput.newPassphrase(file: access.effectivePassphraseFile)
        let vault = try Vault.create(at: path, passphrase: passphrase, label: label, options: CLIVaultOptions.make())
        defer { try? vault.close() }
        Console.note(Message(.initCreated, ["path": path, "vault": String(vault.vaultID.map { String(format: "%02x", $0) }.joined().prefix(16))]))
        if !noRecoveryCode {
            let (code, _) = try vault.addRecoveryCodeHolder(label: L(.recoveryCodeDefaultLabel))
            Console.note(Message(.initRecoveryCodeIntro))
            Console.out(code.formatted)
            Console.note(Message(.initRecoveryCodeOutro))
        }
        try vault.close()
    }
}
