import ArgumentParser
import Foundation
import KarteiCore
import KarteiCrypto
import KarteiMessages
import KarteiVault
import Logging

/// Where the vault is, who is acting, and how to unlock it; shared by every command that opens a vault.
struct VaultAccessOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionVault), valueName: "path"))
    var vault: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionIdentity), valueName: "file"))
    var identity: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionPassphraseFile), valueName: "file"))
    var passphraseFile: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionHolderIdentity), valueName: "file"))
    var holderIdentity: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionHolderPassphraseFile), valueName: "file"))
    var holderPassphraseFile: String?

    @Flag(name: .long, help: ArgumentHelp(L(.helpOptionRecoveryCode)))
    var recoveryCode = false

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionRecoveryCodeFile), valueName: "file"))
    var recoveryCodeFile: String?

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func env(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// --vault, else KARTEI_VAULT.
    func vaultPath() throws -> String {
        guard let path = vault ?? Self.env("KARTEI_VAULT") else { throw CLIError(.cliNoVault, exitCode: .usage) }
        return path
    }

    var effectivePassphraseFile: String? { passphraseFile ?? Self.env("KARTEI_PASSPHRASE_FILE") }
    var effectiveIdentity: String? { identity ?? Self.env("KARTEI_IDENTITY") }
    var effectiveRecoveryCodeFile: String? { recoveryCodeFile ?? Self.env("KARTEI_RECOVERY_CODE_FILE") }

    /// The vault secret (passphrase or recovery code), when no identity is given.
    func vaultSecret() throws -> Unlocker {
        if recoveryCode || recoveryCodeFile != nil {
            let secret = try effectiveRecoveryCodeFile.map { try SecretInput.read(file: $0) }
                ?? SecretInput.prompt(Message(.promptRecoveryCode), or: .recoveryCode)
            let text = secret.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            return .recoveryCode(try RecoveryCode(parsing: text))
        }
        if let file = effectivePassphraseFile { return .passphrase(try SecretInput.read(file: file)) }
        return .passphrase(try SecretInput.prompt(Message(.promptPassphrase), or: .passphrase))
    }

    /// What opens the session: the identity (and a holder identity if given), or the vault secret.
    func credentials() throws -> SessionCredentials {
        // What can be checked without a secret comes first: the vault and the identity files.
        let path = try vaultPath()
        guard FileManager.default.fileExists(atPath: path) else { throw VaultError(.notFound, ["path": path]) }
        for file in [effectiveIdentity, holderIdentity ?? Self.env("KARTEI_HOLDER_IDENTITY")].compactMap({ $0 })
        where !FileManager.default.fileExists(atPath: file) {
            throw CoreError(.fileMissing, ["path": file])
        }
        guard let identityPath = effectiveIdentity, !(recoveryCode || recoveryCodeFile != nil) else {
            return SessionCredentials(vaultSecret: try vaultSecret())
        }
        let passphrase = try effectivePassphraseFile.map { try SecretInput.read(file: $0) }
            ?? SecretInput.prompt(Message(.promptIdentityPassphrase, ["path": identityPath]), or: .passphrase)
        var credentials = SessionCredentials(identity: IdentitySource(path: identityPath, passphrase: passphrase))
        if let holderPath = holderIdentity ?? Self.env("KARTEI_HOLDER_IDENTITY") {
            let holderPassphrase = try (holderPassphraseFile ?? Self.env("KARTEI_HOLDER_PASSPHRASE_FILE"))
                .map { try SecretInput.read(file: $0) }
                ?? SecretInput.prompt(Message(.promptIdentityPassphrase, ["path": holderPath]), or: .holderPassphrase)
            credentials.holderIdentity = IdentitySource(path: holderPath, passphrase: holderPassphrase)
        }
        return credentials
    }

    /// Opens the vault and authenticates: every command that touches the vault goes through this.
    func openSession(acceptMissingWAL: Bool = false, acceptRollback: Bool = false) throws -> KarteiSession {
        try openSession(credentials: credentials(), acceptMissingWAL: acceptMissingWAL, acceptRollback: acceptRollback)
    }

    /// Opens a session, runs `body`, and closes the session (signing the audit checkpoint) before
    /// returning, so that a command prints only what was committed and checkpointed.
    func withSession<T>(_ body: (KarteiSession) throws -> T) throws -> T {
        let session = try openSession()
        defer { try? session.close() }
        let result = try body(session)
        try session.close()
        return result
    }

    /// The same with credentials read beforehand, for a command that needs the identity again
    /// (its key signs a transfer package).
    func openSession(credentials: SessionCredentials, acceptMissingWAL: Bool = false,
                     acceptRollback: Bool = false) throws -> KarteiSession {
        var options = CLIVaultOptions.make()
        options.acceptMissingWAL = acceptMissingWAL
        let session = try KarteiSession.open(at: vaultPath(), credentials: credentials, options: options,
                                             checkpoints: .standard(), acceptRollback: acceptRollback)
        // Relative days (`heute-30`) and printed dates count in the association's zone from now on.
        Dates.zone = session.timeZone
        return session
    }
}

/// The CA key file and its passphrase (`--ca-key`, `KARTEI_CA_KEY`; `--ca-passphrase-file`,
/// `KARTEI_CA_PASSPHRASE_FILE`): needed to issue, renew and revoke.
struct CAKeyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionCAKey), valueName: "file"))
    var caKey: String?

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionCAPassphraseFile), valueName: "file"))
    var caPassphraseFile: String?

    var effectiveKeyPath: String? { caKey ?? VaultAccessOptions.env("KARTEI_CA_KEY") }

    /// Loads and checks the CA key, or nil when none is configured and `required` is false.
    func load(_ session: KarteiSession, required: Bool = true) throws -> PrivateKey? {
        guard let path = effectiveKeyPath else {
            if required { throw CLIError(.cliNoCAKey) }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.secretFileMissing, ["path": path], exitCode: .noInput)
        }
        let passphrase = try (caPassphraseFile ?? VaultAccessOptions.env("KARTEI_CA_PASSPHRASE_FILE"))
            .map { try SecretInput.read(file: $0) } ?? SecretInput.prompt(Message(.promptCAPassphrase), or: .caPassphrase)
        return try session.authority.loadKey(pem: String(decoding: data, as: UTF8.self), passphrase: passphrase)
    }
}

/// Vault settings of the command-line tool: production KDF cost, logger on stderr. Sessions add
/// the core's schema themselves.
enum CLIVaultOptions {
    static func make() -> VaultOptions {
        VaultOptions(logger: Logger(label: "kartei"))
    }
}
