import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file that must not exist yet, readable by its owner only (mode 0600 from the first
/// byte, not changed afterwards), synced to disk.
enum NewFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw CoreError(.transferFileExists, ["path": path]) }
            throw CoreError(.transferFileUnwritable, ["path": path, "reason": String(cString: strerror(code))])
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
            throw CoreError(.transferFileUnwritable, ["path": path, "reason": String(cString: strerror(failure))])
        }
    }

    /// Removes a file this process wrote when what it belongs to was not committed.
    static func remove(_ path: String) {
        unlink(path)
    }
}
