import CKarteiVFS
import Foundation
import GRDB
import GRDBSQLite
import KarteiTesting
import Testing
@testable import KarteiVault

/// SQLite reads 100 bytes of page 1, 16 bytes at offset 24, frame headers alone and journal
/// records in pieces. Reading any range through the VFS must give exactly the bytes of the whole
/// page or frame.
@Suite("VFS partial reads")
struct VFSPartialReadTests {
    /// Calls xRead on an sqlite3_file.
    func read(_ file: UnsafeMutablePointer<sqlite3_file>, _ count: Int, at offset: Int64) -> (Int32, [UInt8]) {
        var buffer = [UInt8](repeating: 0xEE, count: count)
        let rc = file.pointee.pMethods.pointee.xRead(file, &buffer, Int32(count), offset)
        return (rc, buffer)
    }

    @Test("main database: any range equals the same bytes of whole pages")
    func mainDatabase() throws {
        let dir = try TemporaryDirectory()
        let vault = try TestVaults.create(at: dir.file("v.kartei"))
        defer { try? vault.close() }
        try VaultRoundTripTests.fill(vault, rows: 800)
        try vault.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            var pointer: UnsafeMutablePointer<sqlite3_file>?
            #expect(sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_FILE_POINTER, &pointer) == SQLITE_OK)
            let file = try #require(pointer)
            let (rc, whole) = read(file, 4096 * 4, at: 0)
            #expect(rc == SQLITE_OK)
            #expect(Array(whole[0..<16]) == Array("SQLite format 3\0".utf8), "the decrypted page 1 is SQLite's")
            #expect(whole[16] == 0x10 && whole[17] == 0x00 && whole[20] == 32)
            for (offset, count) in [(0, 100), (24, 16), (92, 8), (4096 + 13, 500), (4000, 200), (4096 * 2 - 1, 2),
                                    (4096 + 4064, 32), (5, 4096 * 3)] {
                let (partialRC, partial) = read(file, count, at: Int64(offset))
                #expect(partialRC == SQLITE_OK)
                #expect(partial == Array(whole[offset..<(offset + count)]), "offset \(offset), \(count) bytes")
            }
            // Beyond the end: a short read, zero-filled, as SQLite expects.
            var size: sqlite3_int64 = 0
            _ = file.pointee.pMethods.pointee.xFileSize(file, &size)
            let (shortRC, beyond) = read(file, 4096, at: size)
            #expect(shortRC == CKARTEI_SQLITE_IOERR_SHORT_READ)
            #expect(beyond.allSatisfy { $0 == 0 })
        }
    }

    @Test("WAL: the header, a frame header alone and page pieces equal the whole frame")
    func wal() throws {
        let dir = try TemporaryDirectory()
        let vault = try TestVaults.create(at: dir.file("v.kartei"))
        defer { try? vault.close() }
        try VaultRoundTripTests.fill(vault, rows: 300)
        try vault.writeWithoutTransaction { db in
            var pointer: UnsafeMutablePointer<sqlite3_file>?
            #expect(sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_JOURNAL_POINTER, &pointer) == SQLITE_OK)
            let wal = try #require(pointer)
            let frame = 24 + 4096
            let (rc, whole) = read(wal, 32 + frame * 3, at: 0)
            #expect(rc == SQLITE_OK)
            #expect(whole[0] == 0x37 && whole[1] == 0x7f && whole[2] == 0x06, "SQLite's WAL magic after decryption")
            for (offset, count) in [(0, 32), (24, 8), (32, 24), (32 + 16, 8), (32 + 24, 4096), (32 + frame, frame),
                                    (32 + frame + 20, 100), (32 + 2 * frame + 24 + 4064, 32), (10, frame)] {
                let (partialRC, partial) = read(wal, count, at: Int64(offset))
                #expect(partialRC == SQLITE_OK)
                #expect(partial == Array(whole[offset..<(offset + count)]), "offset \(offset), \(count) bytes")
            }
        }
    }
}
