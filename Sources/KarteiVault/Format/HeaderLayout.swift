import CKarteiVFS

/// Where things live in the 64 KiB header region of a vault file (docs/FORMATS.md §1).
enum HeaderLayout {
    static let regionSize = Int(CKARTEI_HEADER_REGION)
    static let superblockOffset = 0
    /// The WAL state block, written by the VFS (CKarteiVFS) and authenticated with its MAC.
    static let stateOffset = Int(CKARTEI_STATE_OFFSET)
    static let stateSize = Int(CKARTEI_STATE_SIZE)
    /// Two keyring slots; the valid one with the higher generation wins.
    static let slotSize = 30 * 1024
    static let slotOffsets = [4096, 4096 + 30 * 1024]
    /// Ranges that hold nothing and must stay zero.
    static let unusedRanges = [Superblock.byteCount..<stateOffset, (stateOffset + stateSize)..<slotOffsets[0]]
}
