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
    var declarationDate: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionContact), valueName: "text"))
    var contact = ""

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionIdentityOut), valueName: "file"))
    var identityOut: String?

    func validate() throws {
        if treasurer != nil && declarationDate == nil { throw ValidationError(L(.initTreasurerNeedsDeclaration)) }
    }

    func run() throws {
        let path = try access.vaultPath()
        let keyPath = caKeyOut ?? path + ".ca-key.pem"
        if FileManager.default.fileExists(atPath: keyPath) {
            throw CLIError(.cliFileExists, ["path": keyPath], exitCode: .cannotCreate)
        }
        let passphrase = try SecretInput.newPassphrase(file: access.effectivePassphraseFile)
        try Vault.checkPassphrase(passphrase)
        let caPassphrase = try SecretInput.newPassphrase(file: caPassphraseFile ?? VaultAccessOptions.env("KARTEI_CA_PASSPHRASE_FILE"),
                                                          prompt: .promptNewCAPassphrase)
        try Vault.checkPassphrase(caPassphrase)
        let session = try KarteiSession.create(at: path, passphrase: passphrase, label: label, options: CLIVaultOptions.make(), checkpoints: .standard())
        defer { try? session.close() }
        Console.note(Message(.initCreated, ["path": path, "vault": String(session.vault.vaultID.map { String(format: "%02x", $0) }.joined().prefix(16))]))

        let (caCertificate, caKey) = try session.createCertificateAuthority()
        try OutputFile.writeNew(EncryptedPrivateKey.pem(caKey, passphrase: caPassphrase), to: keyPath)
        Console.note(Message(.initCACreated, ["path": keyPath, "serial": caCertificate.serialHex]))

        if !noRecoveryCode {
            let (code, _) = try session.vault.addRecoveryCodeHolder(label: L(.recoveryCodeDefaultLabel))
            Console.note(Message(.initRecoveryCodeIntro))
            Console.out(code.formatted)
            Console.note(Message(.initRecoveryCodeOutro))
        }
        if let treasurer, let declarationDate {
            let user = try session.addUser(name: treasurer, role: .treasurer, scope: .all, contact: contact,
                                           declarationDate: declarationDate)
            let issued = try session.issueCertificate(userID: user.id!, caKey: caKey)
            let bundlePath = identityOut ?? URL(fileURLWithPath: path).deletingLastPathComponent()
                .appendingPathComponent("treasurer-\(user.id!).p12").path
            try OutputFile.writeNew(issued.bundle!, to: bundlePath)
            _ = try session.addKeyHolder(userID: user.id!)
            Console.note(Message(.userIssued, ["id": String(user.id!), "serial": issued.certificate.serialHex, "path": bundlePath]))
            Console.note(Message(.userTransportPassphraseIntro))
            Console.out(issued.transportPassphrase!)
        }
        try session.close()
    }
}

/// Files kartei creates for the user: never overwrite, mode 0600.
enum OutputFile {
    static func writeNew(_ text: String, to path: String) throws {
        try writeNew(Array(text.utf8), to: path)
    }

    static func writeNew(_ bytes: [UInt8], to path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw CLIError(.cliFileExists, ["path": path], exitCode: .cannotCreate)
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError(.cliCannotWrite, ["path": path], exitCode: .ioError)
        }
    }
}
