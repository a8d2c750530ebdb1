import CKarteiVFS
import KarteiCrypto
import Foundation
import GRDB

/// What `kartei vault info` shows. No personal data: ids, sizes, labels of key holders.
public struct VaultInfo: Sendable, Codable {
    public var path: String
    public var formatVersion: Int
    public var vaultID: String
    public var fileID: String
    public var pageSize: Int
    public var reserveBytes: Int
    public var cipher: String
    public var fileBytes: Int
    public var walBytes: Int
    public var pageCount: Int
    public var freePages: Int
    public var journalMode: String
    public var keyringGeneration: Int
    public var holders: [HolderInfo]
    public var migrations: [String]
    public var sqliteVersion: String
}

extension Vault {
    package func info() throws -> VaultInfo {
        let (pageCount, freePages, journalMode, migrations, version) = try read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0,
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"),
                try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? ""
            )
        }
        let walBytes = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0
        return VaultInfo(
            path: path,
            formatVersion: Int(superblock.version),
            vaultID: Hex.string(vaultID),
            fileID: Hex.string(fileID),
            pageSize: Int(CKARTEI_PAGE_SIZE),
            reserveBytes: Int(CKARTEI_RESERVE),
            cipher: "AES-256-GCM+AES-256-XTS+HKDF-SHA256",
            fileBytes: try binding.fileSize,
            walBytes: walBytes,
            pageCount: pageCount,
            freePages: freePages,
            journalMode: journalMode,
            keyringGeneration: Int(currentKeyring.generation),
            holders: try holders(),
            migrations: migrations,
            sqliteVersion: version
        )
    }
}
