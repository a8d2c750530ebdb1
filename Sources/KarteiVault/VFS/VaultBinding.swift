import CKarteiVFS
import Foundation
import KarteiCrypto

/// One vault file attached to the VFS: the descriptor used for header I/O and the keys SQLite's
/// reads and writes are sealed with. The C registry shares one binding per file and process.
final class VaultBinding: @unchecked Sendable {
    private let pointer: OpaquePointer
    let path: String
    var rawPointer: OpaquePointer { pointer }
    private var detached = false
    private let lock = NSLock()

    /// Opens (or, with create, exclusively creates) the file at path.
    init(path: String, create: Bool) throws {
        var binding: OpaquePointer?
        let rc = ckartei_vfs_attach(path, create ? 1 : 0, &binding)
        switch rc {
        case 0:
            guard let binding else { throw VaultError(.io, ["path": path]) }
            pointer = binding
            self.path = path
        case ENOENT:
            throw VaultError(.notFound, ["path": path])
        case EEXIST:
            throw VaultError(.alreadyExists, ["path": path])
        case EBUSY:
            throw VaultError(.busy, ["path": path])
        default:
            throw VaultError(.io, ["path": path, "reason": String(cString: strerror(rc))])
        }
    }

    deinit { detach() }

    func detach() {
        lock.lock()
        defer { lock.unlock() }
        guard !detached else { return }
        detached = true
        ckartei_vfs_detach(pointer)
    }

    func setKeys(_ schedule: KeySchedule) throws {
        var keys = schedule.vfsKeys
        defer { withUnsafeMutableBytes(of: &keys) { SecureWipe.wipe($0) } }
        let rc = ckartei_vfs_set_keys(pointer, &keys)
        guard rc == 0 else { throw VaultError(.busy, ["path": path]) }
    }

    func read(count: Int, at offset: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let n = ckartei_vfs_pread(pointer, &buffer, count, Int64(offset))
        guard n >= 0 else { throw VaultError(.io, ["path": path, "reason": String(cString: strerror(Int32(-n)))]) }
        return Array(buffer.prefix(Int(n)))
    }

    func writeSynced(_ bytes: [UInt8], at offset: Int) throws {
        let rc = ckartei_vfs_pwrite_sync(pointer, bytes, bytes.count, Int64(offset))
        guard rc == 0 else { throw VaultError(.io, ["path": path, "reason": String(cString: strerror(Int32(-rc)))]) }
    }

    func sync() throws {
        let rc = ckartei_vfs_sync(pointer)
        guard rc == 0 else { throw VaultError(.io, ["path": path, "reason": String(cString: strerror(rc))]) }
    }

    var fileSize: Int {
        get throws {
            let n = ckartei_vfs_file_size(pointer)
            guard n >= 0 else { throw VaultError(.io, ["path": path]) }
            return Int(n)
        }
    }

    /// Takes the presence lock: shared while the vault is open, exclusive for rekey.
    func lockPresence(exclusive: Bool) throws {
        let rc = ckartei_vfs_presence_lock(pointer, exclusive ? 1 : 0)
        if rc == EAGAIN { throw VaultError(.busy, ["path": path]) }
        guard rc == 0 else { throw VaultError(.io, ["path": path, "reason": String(cString: strerror(rc))]) }
    }

    func unlockPresence() {
        _ = ckartei_vfs_presence_unlock(pointer)
    }

    var openFiles: Int { Int(ckartei_vfs_open_files(pointer)) }

    /// The first authentication failure since the last call, if any.
    func takeFailure() -> ckartei_failure? {
        var failure = ckartei_failure()
        return ckartei_vfs_take_failure(pointer, &failure) == 1 ? failure : nil
    }

    /// Authenticates every page of the main file; returns failures and the number of pages checked.
    func verifyMain() -> (checked: Int, failures: [ckartei_failure]) {
        var collected: [ckartei_failure] = []
        let checked = withUnsafeMutablePointer(to: &collected) { context in
            ckartei_vfs_verify_main(pointer, { context, failure in
                guard let context, let failure else { return 1 }
                let list = context.assumingMemoryBound(to: [ckartei_failure].self)
                list.pointee.append(failure.pointee)
                return list.pointee.count >= 1000 ? 1 : 0
            }, context)
        }
        return (Int(max(checked, 0)), collected)
    }

    /// Authenticates every frame of the WAL; returns failures, frames checked and frames of the
    /// current WAL generation.
    func verifyWAL(at walPath: String) -> (checked: Int, current: Int, failures: [ckartei_failure]) {
        var collected: [ckartei_failure] = []
        var current: Int64 = 0
        let checked = withUnsafeMutablePointer(to: &collected) { context in
            ckartei_vfs_verify_wal(pointer, walPath, { context, failure in
                guard let context, let failure else { return 1 }
                let list = context.assumingMemoryBound(to: [ckartei_failure].self)
                list.pointee.append(failure.pointee)
                return list.pointee.count >= 1000 ? 1 : 0
            }, context, &current)
        }
        return (Int(max(checked, 0)), Int(current), collected)
    }
}

/// The process-wide registration of the VFS; every connection opened after it uses it.
public enum KarteiVFS {
    /// Registers the kartei VFS as SQLite's default. Idempotent.
    public static func register() {
        let rc = ckartei_vfs_register()
        precondition(rc == 0, "the kartei VFS could not be registered (SQLite has no unix VFS?)")
    }

    /// Pages decrypted and encrypted by this process so far.
    public static var statistics: (decrypted: UInt64, encrypted: UInt64) {
        var stats = ckartei_stats()
        ckartei_vfs_stats(&stats)
        return (stats.pages_decrypted, stats.pages_encrypted)
    }
}
