import Foundation
import KarteiCrypto

/// Where a client keeps the last checkpoint it saw of each vault, outside the vault
/// (docs/FORMATS.md §9.2): `$KARTEI_STATE_DIR`, else `$XDG_STATE_HOME/kartei`, else
/// `~/.local/state/kartei`; one file per vault and place under `checkpoints/`.
///
/// Checkpoints are kept per vault id *and* canonical path: a restore puts an older copy where the
/// vault was (and is detected), while a backup opened at its own path is a vault of its own history.
public struct ClientCheckpointStore: Sendable, Hashable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The store the environment names.
    public static func standard(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ClientCheckpointStore {
        if let dir = environment["KARTEI_STATE_DIR"], !dir.isEmpty {
            return ClientCheckpointStore(directory: URL(fileURLWithPath: dir))
        }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return ClientCheckpointStore(directory: URL(fileURLWithPath: state).appendingPathComponent("kartei"))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return ClientCheckpointStore(directory: home.appendingPathComponent(".local/state/kartei"))
    }

    func file(_ vaultID: [UInt8], path: String) -> URL {
        // The place as named, not where links lead: the session keeps one checkpoint for the named
        // path and one for the file it resolves to.
        let place = URL(fileURLWithPath: path).standardizedFileURL.path
        let placeID = Hex.string(SHA256.hash(Array(place.utf8)).prefix(8))
        return directory.appendingPathComponent("checkpoints")
            .appendingPathComponent(Hex.string(vaultID) + "-" + placeID)
    }

    public func load(vaultID: [UInt8], path: String) -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: file(vaultID, path: path).path) else { return nil }
        return try? Checkpoint.parse(String(decoding: data, as: UTF8.self))
    }

    /// Replaces the stored checkpoint atomically (write, then rename). A folder that cannot be
    /// made or written is an I/O error naming it (exit 74): what the session did is already
    /// committed in the vault by then.
    public func save(_ checkpoint: Checkpoint, vaultID: [UInt8], path: String) throws {
        let target = file(vaultID, path: path)
        let folder = target.deletingLastPathComponent()
        // mkdir(2) along the path, so that a failure carries the system's own reason.
        var made = ""
        for component in folder.standardizedFileURL.pathComponents.dropFirst() {
            made += "/" + component
            if mkdir(made, 0o700) != 0 && errno != EEXIST {
                throw CoreError(.checkpointStoreUnwritable, ["folder": folder.path, "reason": String(cString: strerror(errno))])
            }
        }
        let temporary = target.appendingPathExtension("tmp-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(checkpoint.note.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CoreError(.checkpointStoreUnwritable, ["folder": folder.path, "reason": String(cString: strerror(errno))])
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CoreError(.checkpointStoreUnwritable, ["folder": folder.path, "reason": reason])
        }
    }
}
