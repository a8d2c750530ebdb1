import CKarteiVFS

/// The first bytes of every vault file: what it is, its geometry, and its identities.
///
/// Layout (docs/FORMATS.md §1), big-endian:
///
///     0   16  magic "KARTEI-VAULT\r\n\x1a\n"
///     16   2  format version (1)
///     18   2  flags (0)
///     20   4  header region size (65536)
///     24   4  page size (4096)
///     28   1  reserve bytes per page (32)
///     29   3  zero
///     32  16  vault id: the logical vault; the same in its backups and after a rekey
///     48  16  file id: this file; bound into every encrypted page
public struct Superblock: Sendable, Hashable {
    public static let magic: [UInt8] = Array("KARTEI-VAULT\r\n".utf8) + [0x1a, 0x0a]
    public static let sqliteMagic: [UInt8] = Array("SQLite format 3".utf8) + [0]
    public static let currentVersion: UInt16 = 1
    public static let byteCount = 64

    public var version: UInt16
    public var vaultID: [UInt8]
    public var fileID: [UInt8]

    public init(version: UInt16 = Superblock.currentVersion, vaultID: [UInt8], fileID: [UInt8]) {
        self.version = version
        self.vaultID = vaultID
        self.fileID = fileID
    }

    var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.raw(Superblock.magic)
        writer.u16(version)
        writer.u16(0)
        writer.u32(UInt32(CKARTEI_HEADER_REGION))
        writer.u32(UInt32(CKARTEI_PAGE_SIZE))
        writer.u8(UInt8(CKARTEI_RESERVE))
        writer.raw([0, 0, 0])
        writer.raw(vaultID)
        writer.raw(fileID)
        return writer.bytes
    }

    /// What the first bytes of a file say it is.
    enum Recognition {
        case vault(Superblock)
        case newerVersion(UInt16)
        case plainSQLite
        case unknown
        case tooShort
    }

    static func recognize(_ bytes: [UInt8]) -> Recognition {
        if bytes.count >= sqliteMagic.count, Array(bytes.prefix(sqliteMagic.count)) == sqliteMagic { return .plainSQLite }
        guard bytes.count >= byteCount else {
            return bytes.count >= 8 && Array(bytes.prefix(8)) == Array(magic.prefix(8)) ? .tooShort : .unknown
        }
        guard Array(bytes.prefix(magic.count)) == magic else { return .unknown }
        var reader = ByteReader(bytes, offset: magic.count)
        do {
            let version = try reader.u16()
            if version > currentVersion { return .newerVersion(version) }
            let flags = try reader.u16()
            let region = try reader.u32()
            let pageSize = try reader.u32()
            let reserve = try reader.u8()
            let padding = try reader.raw(3)
            // Every byte has a meaning: unknown flags or padding mean the header was changed.
            guard version == currentVersion, flags == 0, padding == [0, 0, 0], region == UInt32(CKARTEI_HEADER_REGION),
                  pageSize == UInt32(CKARTEI_PAGE_SIZE), reserve == UInt8(CKARTEI_RESERVE) else { return .unknown }
            return .vault(Superblock(version: version, vaultID: try reader.raw(16), fileID: try reader.raw(16)))
        } catch {
            return .unknown
        }
    }
}
