import Foundation
import KarteiCrypto
#if canImport(Glibc)
import Glibc
#endif

/// A vault built under a hidden name next to its final place and given its name only when every
/// step of a multi-step operation (`kartei init`) has succeeded: until then there is no vault at
/// the final path, and an interruption leaves only a hidden file that `discard` (or the next
/// `vault check`) removes.
public enum VaultStaging {
    /// A hidden name in the folder of `final` (which `VaultPath.new` has checked).
    public static func hiddenPath(for final: String, purpose: String) throws -> String {
        let url = URL(fileURLWithPath: final)
        let name = "\(VaultFileBuilder.temporaryPrefix)\(url.lastPathComponent).\(purpose)-\(Hex.string(try SecureRandom.bytes(6)))"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Gives a closed vault its final name: refused if the name was taken meanwhile, or if the
    /// vault was not closed cleanly (its WAL or journal would stay behind under the hidden name).
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
