import CKarteiVFS
import KarteiCrypto

/// Derives every key of one vault file from the vault data key (HKDF-SHA256, docs/FORMATS.md §3).
///
/// salt = vault id; info = "kartei/v1/<purpose>" ‖ file id. Each file role gets its own page key,
/// so random 96-bit nonces stay far below their 2^32-per-key limit.
final class KeySchedule: Sendable {
    let keyringMAC: SecretBytes
    nonisolated(unsafe) private(set) var vfsKeys: ckartei_keys

    init(dataKey: SecretBytes, vaultID: [UInt8], fileID: [UInt8]) throws {
        func derive(_ purpose: String, _ count: Int = 32) throws -> SecretBytes {
            try HKDF.deriveKey(from: dataKey, salt: vaultID, info: Array("kartei/v1/\(purpose)".utf8) + fileID,
                               outputByteCount: count)
        }
        keyringMAC = try derive("keyring-mac")
        var keys = ckartei_keys()
        try KeySchedule.copy(derive("page/main"), into: &keys.main_page)
        try KeySchedule.copy(derive("page/wal"), into: &keys.wal_page)
        try KeySchedule.copy(derive("wal-header", 64), into: &keys.wal_header)
        try KeySchedule.copy(derive("page/journal"), into: &keys.journal_page)
        try KeySchedule.copy(derive("journal-mask"), into: &keys.journal_mask)
        try KeySchedule.copy(derive("state-mac"), into: &keys.state_mac)
        KeySchedule.copy(fileID, into: &keys.file_id)
        vfsKeys = keys
        withUnsafeMutableBytes(of: &keys) { SecureWipe.wipe($0) }
    }

    deinit {
        withUnsafeMutableBytes(of: &vfsKeys) { SecureWipe.wipe($0) }
    }

    private static func copy<T>(_ secret: SecretBytes, into tuple: inout T) {
        secret.withUnsafeBytes { source in
            withUnsafeMutableBytes(of: &tuple) { target in
                precondition(source.count == target.count, "key size mismatch")
                target.copyMemory(from: source)
            }
        }
    }

    private static func copy<T>(_ bytes: [UInt8], into tuple: inout T) {
        bytes.withUnsafeBytes { source in
            withUnsafeMutableBytes(of: &tuple) { target in
                precondition(source.count == target.count, "id size mismatch")
                target.copyMemory(from: source)
            }
        }
    }

    /// The WAL state block for the given flags.
    func stateBlock(counter: UInt64, flags: UInt32) -> [UInt8] {
        var keys = vfsKeys
        var out = [UInt8](repeating: 0, count: HeaderLayout.stateSize)
        ckartei_vfs_state_encode(&keys, counter, flags, &out)
        return out
    }

    /// Parses a state block; nil if it does not authenticate.
    func parseStateBlock(_ block: [UInt8]) -> (counter: UInt64, flags: UInt32)? {
        guard block.count == HeaderLayout.stateSize else { return nil }
        var keys = vfsKeys
        var counter: UInt64 = 0
        var flags: UInt32 = 0
        guard ckartei_vfs_state_decode(&keys, block, &counter, &flags) == 1 else { return nil }
        return (counter, flags)
    }
}
