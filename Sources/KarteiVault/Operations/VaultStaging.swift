import Foundation
import KarteiCrypto
#if canImport(Glibc)
import Glibc
#endif

/// A vault built under a hidden name next to its final place and given its name only when every
/// step of a multi-step operation (`kartei init`) has succeeded: until then there is no vault at
/// the final path, and an interruption leaves only hidden files that `discard` removes and
/// `vault check` lists.
public enum VaultStaging {
    /// Creates a new vault under the hidden name `.NAME.PURPOSE-RANDOM` in the folder of `final`
    /// (which must be free) and opens it there: built in place, so an interruption leaves that one
    /// name (and its `-wal`, `-shm`), never a temporary file of a temporary file.
    package static func create(for final: String, purpose: String, passphrase: SecretBytes, label: String,
                              options: VaultOptions) throws -> Vault {
        let built = try Vault.buildNew(for: final, purpose: purpose, passphrase: passphrase, label: label, options: options)
        do {
            return try Vault.openUnlocked(at: built.temporary, dataKey: built.dataKey, options: options)
        } catch {
            discard(built.temporary)
            throw error
        }
    }

    /// Gives a closed vault its final name (a hard link, then the hidden name is removed):
    /// refused if the name was taken meanwhile, or if the vault was not closed cleanly (its WAL or
    /// journal would stay behind under the hidden name).
    public static func publish(_ hidden: String, as final: String) throws {
        for suffix in ["-wal", "-journal"] where FileManager.default.fileExists(atPath: hidden + suffix) {
            throw VaultError(.busy, ["path": hidden])
        }
        try VaultFileBuilder.linkIntoPlace(hidden, final)
    }

    /// Removes a hidden vault and its siblings.
    public static func discard(_ hidden: String) {
        VaultFileBuilder.removeFamily(of: hidden)
    }
}
