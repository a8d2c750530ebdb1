import ArgumentParser
import Foundation
import KarteiCore
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// `kartei init`: a new vault with its certificate authority, a passphrase holder, a recovery
/// code and, when asked, the first treasurer with a key-holder certificate.
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

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionCAKeyOut), valueName: "file"))
    var caKeyOut: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionCAPassphraseFile), valueName: "file"))
    var caPassphraseFile: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionTreasurer), valueName: "name"))
    var treasurer: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionDeclarationDate), valueName: "date"))
    var declarationDate: Day?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionContact), valueName: "text"))
    var contact = ""

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionIdentityOut), valueName: "file"))
    var identityOut: String?

    func validate() throws {
        if treasurer != nil && declarationDate == nil { throw ValidationError(L(.initTreasurerNeedsDeclaration)) }
    }

    func run() throws {
        // Every precondition first: paths free, folders there, the declaration date not in the
        // future, secret files readable. Only then are secrets asked for.
        let treasurerPlan = treasurer.flatMap { name in
            declarationDate.map { VaultPlan.Treasurer(name: name, contact: contact, declarationDate: $0.date, bundlePath: identityOut) }
        }
        let plan = try Provisioning.prepare(VaultPlan(path: try access.vaultPath(), label: label, caKeyPath: caKeyOut,
                                                      recoveryCode: !noRecoveryCode, treasurer: treasurerPlan), now: Date())
        let caFile = caPassphraseFile ?? VaultAccessOptions.env("KARTEI_CA_PASSPHRASE_FILE")
        let passphraseFromFile = try access.effectivePassphraseFile.map { try SecretInput.read(file: $0) }
        let caPassphraseFromFile = try caFile.map { try SecretInput.read(file: $0) }
        let passphrase = try passphraseFromFile ?? SecretInput.newPassphrase(file: nil, or: .passphrase)
        try Vault.checkPassphrase(passphrase)
        let caPassphrase = try caPassphraseFromFile
            ?? SecretInput.newPassphrase(file: nil, prompt: .promptNewCAPassphrase, or: .caPassphrase)
        try Vault.checkPassphrase(caPassphrase)

        let made = try Provisioning.initialize(plan, passphrase: passphrase, caPassphrase: caPassphrase,
                                               options: CLIVaultOptions.make(), checkpoints: .standard())
        Console.note(Message(.initCreated, ["path": made.path, "vault": String(Hex.string(made.vaultID).prefix(16))]))
        Console.note(Message(.initCACreated, ["path": made.caKeyPath, "serial": made.caSerial]))
        if let code = made.recoveryCode {
            Console.note(Message(.initRecoveryCodeIntro))
            Console.out(code)
            Console.note(Message(.initRecoveryCodeOutro))
        }
        if let issued = made.treasurer {
            Console.note(Message(.userIssued, ["id": String(issued.userID), "serial": issued.serial, "path": issued.bundlePath]))
            Console.note(Message(.userTransportPassphraseIntro))
            Console.out(issued.transportPassphrase)
        }
    }
}
