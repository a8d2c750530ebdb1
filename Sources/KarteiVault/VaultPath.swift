import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Paths as the vault layer uses them: absolute, with symbolic links resolved, so that a vault
/// named relative to the working directory or through a link is the same file in every message,
/// in the VFS registry and in the client's checkpoint store.
public enum VaultPath {
    /// An existing file: absolute, every symbolic link resolved. Missing: `.notFound`.
    public static func existing(_ path: String) throws -> String {
        guard !path.isEmpty else { throw VaultError(.notFound, ["path": path]) }
        guard let resolved = realpath(path, nil) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw VaultError(.notFound, ["path": path]) }
            throw VaultError(.io, ["path": path, "reason": String(cString: strerror(code))])
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file to be created: its folder must exist and be writable, the name itself must be free
    /// (a dangling link counts as taken). Returns the absolute path in the resolved folder.
    public static func new(_ path: String) throws -> String {
        guard !path.isEmpty else { throw VaultError(.notFound, ["path": path]) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let resolved = realpath(folder, nil) else {
            throw VaultError(.folderMissing, ["folder": folder, "path": path])
        }
        defer { free(resolved) }
        let directory = String(cString: resolved)
        let full = (directory == "/" ? "" : directory) + "/" + url.lastPathComponent
        var status = stat()
        if lstat(full, &status) == 0 { throw VaultError(.alreadyExists, ["path": full]) }
        guard access(directory, W_OK) == 0 else { throw VaultError(.folderNotWritable, ["folder": directory]) }
        return full
    }
}
