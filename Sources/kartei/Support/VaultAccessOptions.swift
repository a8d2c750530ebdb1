import ArgumentParser
import Foundation
import KarteiMessages
import KarteiVault
import Logging

/// Where the vault is and how to unlock it; shared by every command that opens a vault.
struct VaultAccessOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionVault), valueName: "path"))
    var vault: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionPassphraseFile), valueName: "file"))
    var passphraseFile: String?

    @Flag(name: .long, help: ArgumentHelp(L(.helpOptionRecoveryCode)))
    var recoveryCode = false

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionRecoveryCodeFile), valueName: "file"))
    var recoveryCodeFile: String?

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// --vault, else KARTEI_VAULT.
    func vaultPath() throws -> String {
        guard let path = vault ?? Self.environment["KARTEI_VAULT"], !path.isEmpty else {
            throw CLIError(.cliNoVault, exitCode: .usage)
        }
        return path
    }

    /// --passphrase-file, else KARTEI_PASSPHRASE_FILE.
    var effectivePassphraseFile: String? {
        passphraseFile ?? Self.environment["KARTEI_PASSPHRASE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var effectiveRecoveryCodeFile: String? {
        recoveryCodeFile ?? Self.environment["KARTEI_RECOVERY_CODE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The secret that unlocks the vault: a recovery code if asked for, else a passphrase.
    func unlocker() throws -> Unlocker {
        if recoveryCode || recoveryCodeFile != nil {
            let secret = try effectiveRecoveryCodeFile.map { try SecretInput.read(file: $0) }
                ?? SecretInput.prompt(Message(.promptRecoveryCode))
            let text = secret.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            return .recoveryCode(try RecoveryCode(parsing: text))
        }
        if let file = effectivePassphraseFile { return .passphrase(try SecretInput.read(file: file)) }
        return .passphrase(try SecretInput.prompt(Message(.promptPassphrase)))
    }

    func open(acceptMissingWAL: Bool = false) throws -> Vault {
        let path = try vaultPath()
        var options = CLIVaultOptions.make()
        options.acceptMissingWAL = acceptMissingWAL
        return try Vault.open(at: path, unlocking: unlocker(), options: options)
    }
}

/// Vault settings of the command-line tool: production KDF cost, logger on stderr.
enum CLIVaultOptions {
    static func make() -> VaultOptions {
        VaultOptions(logger: Logger(label: "kartei"))
    }
}
