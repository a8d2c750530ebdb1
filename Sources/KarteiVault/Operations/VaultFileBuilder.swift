import Foundation
import KarteiCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Builds a complete vault file under a temporary name next to its final place, so that create,
/// backup and rekey either produce a whole vault or leave nothing but a hidden temporary file.
enum VaultFileBuilder {
    static let temporaryPrefix = "."

    static func build(
        finalPath: String,
        purpose: String,
        vaultID: [UInt8],
        dataKey: SecretBytes,
        entries: [HolderEntry],
        options: VaultOptions,
        fill: (Vault) throws -> Void
    ) throws -> String {
        let url = URL(fileURLWithPath: finalPath)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent("\(temporaryPrefix)\(url.lastPathComponent).\(purpose)-\(Hex.string(try SecureRandom.bytes(6)))")
            .path
        do {
            try writeHeader(at: temporary, vaultID: vaultID, dataKey: dataKey, entries: entries)
            let vault = try Vault.openUnlocked(at: temporary, dataKey: dataKey, options: options, building: true)
            do {
                try fill(vault)
                try vault.close()
            } catch {
                try? vault.close()
                throw error
            }
            try fsync(path: temporary)
        } catch {
            removeFamily(of: temporary)
            throw error
        }
        return temporary
    }

    static func writeHeader(at path: String, vaultID: [UInt8], dataKey: SecretBytes, entries: [HolderEntry]) throws {
        let binding = try VaultBinding(path: path, create: true)
        defer { binding.detach() }
        let superblock = Superblock(vaultID: vaultID, fileID: try SecureRandom.bytes(16))
        let schedule = try KeySchedule(dataKey: dataKey, vaultID: vaultID, fileID: superblock.fileID)
        var header = [UInt8](repeating: 0, count: HeaderLayout.regionSize)
        header.replaceSubrange(0..<Superblock.byteCount, with: superblock.encoded)
        header.replaceSubrange(HeaderLayout.stateOffset..<(HeaderLayout.stateOffset + HeaderLayout.stateSize),
                               with: schedule.stateBlock(counter: 0, flags: 0))
        let slot = try KeyringSlot(generation: 1, entries: entries).encoded(superblock: superblock, macKey: schedule.keyringMAC)
        for offset in HeaderLayout.slotOffsets {
            header.replaceSubrange(offset..<(offset + HeaderLayout.slotSize), with: slot)
        }
        try binding.writeSynced(header, at: 0)
    }

    /// Moves a finished file to a name that must not exist yet (create, backup).
    static func linkIntoPlace(_ temporary: String, _ final: String) throws {
        defer { removeFamily(of: temporary) }
        guard link(temporary, final) == 0 else {
            let code = errno
            if code == EEXIST { throw VaultError(.alreadyExists, ["path": final]) }
            throw VaultError(.io, ["path": final, "reason": String(cString: strerror(code))])
        }
        try fsync(path: folder(of: final))
    }

    /// The folder a file is in (the working directory for a bare name), to sync after a link.
    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// Replaces a file atomically (rekey).
    static func renameIntoPlace(_ temporary: String, _ final: String) throws {
        guard rename(temporary, final) == 0 else {
            let code = errno
            removeFamily(of: temporary)
            throw VaultError(.io, ["path": final, "reason": String(cString: strerror(code))])
        }
        try fsync(path: folder(of: final))
    }

    /// Removes a file and its -wal, -shm and -journal siblings.
    static func removeFamily(of path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Leftover temporary files of interrupted operations on the vault at path: `.NAME.…` (create,
    /// backup, rekey, and `kartei init`'s hidden vault and the key file and bundle staged next to
    /// it), and `..NAME.…`, which earlier versions of `kartei init` left when they were killed
    /// while the vault was built under a hidden name.
    static func leftovers(of path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let prefixes = ["\(temporaryPrefix)\(url.lastPathComponent).", "\(temporaryPrefix)\(temporaryPrefix)\(url.lastPathComponent)."]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in prefixes.contains { name.hasPrefix($0) } }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    static func fsync(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw VaultError(.io, ["path": path, "reason": String(cString: strerror(errno))]) }
        defer { close(fd) }
        guard Glibc.fsync(fd) == 0 else {
            throw VaultError(.io, ["path": path, "reason": String(cString: strerror(errno))])
        }
    }
}
