import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The hidden names `kartei init` works under, and what an interrupted init left behind.
///
/// For the vault `lv.kartei`, init builds the vault as `.lv.kartei.init-<hex>` and writes the CA
/// key and the treasurer's bundle as `.lv.kartei.init-<hex>.ca-key.pem` and
/// `.lv.kartei.init-<hex>.treasurer.p12`, each in the folder of its final path. It publishes the
/// key and the bundle (hard links), then the vault, and only then removes the hidden names. So
/// until the vault has its name, each published companion is the same file (inode) as a hidden
/// one, and the hidden vault has no second name: that is how a second init recognises them.
enum InitLeftovers {
    static let purpose = "init"
    static let caKeyRole = "ca-key.pem"
    static let bundleRole = "treasurer.p12"

    /// The hidden name of a companion file of the init whose hidden vault is `hiddenVault`: in
    /// the folder of `final`, named after the hidden vault.
    static func companion(of hiddenVault: String, for final: String, role: String) -> String {
        let name = URL(fileURLWithPath: hiddenVault).lastPathComponent + "." + role
        return URL(fileURLWithPath: final).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Every file an interrupted init of the vault `vault` left: hidden files named after the
    /// vault in its folder and in the companions' folders (also `..NAME.init-…` of earlier
    /// versions), and the companions at their final paths that are such a hidden file under a
    /// second name of an init whose vault never got its name. Published files first.
    static func find(vault: String, companions: [String]) -> [String] {
        let vaultName = URL(fileURLWithPath: vault).lastPathComponent
        let prefix = "." + vaultName + "." + purpose + "-"
        let vaultFolder = folder(of: vault)
        var hidden: [String] = []
        for directory in Set([vaultFolder] + companions.map(folder)).sorted() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasPrefix(prefix) || (directory == vaultFolder && name.hasPrefix("." + prefix)) {
                hidden.append((directory as NSString).appendingPathComponent(name))
            }
        }
        guard !hidden.isEmpty else { return [] }
        // Hidden vaults that were never published: `.NAME.init-<hex>` with no second name.
        let unpublished = hidden.filter { path in
            let name = (path as NSString).lastPathComponent
            let suffix = name.dropFirst(prefix.count)
            return name.hasPrefix(prefix) && !suffix.isEmpty && suffix.allSatisfy(\.isHexDigit) && linkCount(path) == 1
        }.map { ($0 as NSString).lastPathComponent }
        var published: [String] = []
        for path in companions {
            guard let file = identity(path),
                  let twin = hidden.first(where: { identity($0) == file }) else { continue }
            let twinName = (twin as NSString).lastPathComponent
            if unpublished.contains(where: { twinName.hasPrefix($0 + ".") }) { published.append(path) }
        }
        return published + hidden
    }

    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// Device and inode of a regular file (not following a link), nil if there is none.
    static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    static func linkCount(_ path: String) -> Int {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        return Int(status.st_nlink)
    }
}
