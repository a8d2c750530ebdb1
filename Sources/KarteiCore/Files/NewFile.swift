import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files kartei creates for the user (exports, transfer packages, bundles, keys, letters): never
/// over an existing file (`O_CREAT | O_EXCL`), readable by the owner only (mode 0600 from the
/// first byte), synced to disk, in a folder that must exist. The one way kartei writes a new file.
public enum NewFile {
    /// Writes `bytes` to `path`, which must not exist yet.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try checkFolder(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST || code == ELOOP { throw CoreError(.fileExists, ["path": path]) }
            throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(code))])
        }
        var failure: Int32 = fchmod(descriptor, 0o600) == 0 ? 0 : errno
        var offset = 0
        while failure == 0 && offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if errno != EINTR {
                failure = errno
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(path)
            throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(failure))])
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Removes a file (or an empty folder) this process wrote when what it belongs to was not
    /// committed.
    public static func remove(_ path: String) {
        if unlink(path) != 0 && errno == EISDIR { rmdir(path) }
    }

    /// Creates a new folder, readable by the owner only (0700 from the start, whatever the umask),
    /// in a folder that must exist. Refused (`fileExists`) if anything has that name, a dangling
    /// symbolic link too.
    public static func createDirectory(_ path: String) throws {
        try checkFolder(of: path)
        guard mkdir(path, 0o700) == 0 else {
            let code = errno
            if code == EEXIST { throw CoreError(.fileExists, ["path": path]) }
            throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(code))])
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        var failure: Int32 = descriptor >= 0 ? 0 : errno
        if descriptor >= 0 {
            if fchmod(descriptor, 0o700) != 0 { failure = errno }
            close(descriptor)
        }
        if failure == 0 {
            do { try syncFolder(of: path) } catch {
                rmdir(path)
                throw error
            }
            return
        }
        rmdir(path)
        throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(failure))])
    }

    /// Refuses, before anything is asked or computed, a path whose folder is missing or whose name
    /// is taken: the checks `write` will make, made early (`kartei init` asks for no passphrase
    /// when its files could not be written anyway).
    public static func checkAvailable(_ path: String) throws {
        try checkFolder(of: path)
        var status = stat()
        if lstat(path, &status) == 0 { throw CoreError(.fileExists, ["path": path]) }
    }

    static func checkFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CoreError(.folderMissing, ["folder": folder, "path": path])
        }
    }

    /// Writes `bytes` under the hidden name `hidden` (in the folder of `path`, so that a hard link
    /// can give it its name); `publish()` gives it its name, `discard()` removes the hidden one. For
    /// several files that must appear together or not at all (`kartei init`).
    public static func stage(_ bytes: [UInt8], for path: String, as hidden: String) throws -> Staged {
        try checkAvailable(path)
        try write(bytes, to: hidden)
        return Staged(hidden: hidden, path: path)
    }

    /// A file written under a hidden name, waiting for its real one.
    public struct Staged: Sendable {
        public let hidden: String
        public let path: String

        /// Links the file to its name (refused if the name exists) and syncs the folder. The hidden
        /// name stays until `discard()`: while it is there, the published file is recognisably a
        /// leftover of the operation (same inode) if that operation is interrupted.
        public func publish() throws {
            guard link(hidden, path) == 0 else {
                let code = errno
                if code == EEXIST { throw CoreError(.fileExists, ["path": path]) }
                throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(code))])
            }
            try NewFile.syncFolder(of: path)
        }

        public func discard() { unlink(hidden) }
    }

    /// Makes a new name in a folder durable (after a link or a new file).
    static func syncFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(errno))])
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw CoreError(.fileUnwritable, ["path": path, "reason": String(cString: strerror(errno))])
        }
    }
}
