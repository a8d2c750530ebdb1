import Foundation
import KarteiCrypto
import KarteiVault

/// Vault settings for tests: a cheap scrypt cost (the stored parameters say so, and opening
/// uses what is stored), everything else as in production.
public enum TestVaults {
    public static let passphraseText = "correct horse battery staple"
    public static var passphrase: SecretBytes { SecretBytes(copying: Array(passphraseText.utf8)) }
    public static let fastKDF = ScryptParameters(logN: 10, r: 8, p: 1)

    public static func options(schema: @escaping @Sendable (inout GRDBMigrator) -> Void = { _ in }) -> VaultOptions {
        VaultOptions(passphraseKDF: fastKDF, schema: schema)
    }

    /// Creates a vault at path with the test passphrase.
    public static func create(at path: String, options: VaultOptions = TestVaults.options()) throws -> Vault {
        try Vault.create(at: path, passphrase: passphrase, label: "test treasurer", options: options)
    }

    public static func open(at path: String, options: VaultOptions = TestVaults.options()) throws -> Vault {
        try Vault.open(at: path, unlocking: .passphrase(passphrase), options: options)
    }
}

import GRDB
public typealias GRDBMigrator = DatabaseMigrator
