import Foundation
import GRDB
import KarteiCrypto

extension Vault {
    /// Writes a consistent copy of the open vault to `destination` while it stays in use.
    ///
    /// The copy is itself a vault: same vault id, data key and key holders (the same passphrase
    /// or certificate opens it), its own file id, so pages cannot be mixed between the two.
    /// An interrupted backup leaves only a hidden temporary file next to the destination.
    package func backup(to destination: String) throws {
        let destination = try VaultPath.new(destination)
        let temporary = try VaultFileBuilder.build(
            finalPath: destination, purpose: "backup", vaultID: vaultID, dataKey: dataKey,
            entries: currentKeyring.entries, options: options
        ) { copy in
            do {
                try databasePool.backup(to: copy.databasePool)
            } catch {
                throw Vault.mapError(error, binding: binding, path: path)
            }
        }
        try VaultFileBuilder.linkIntoPlace(temporary, destination)
        options.logger.info("vault backed up")
    }
}
