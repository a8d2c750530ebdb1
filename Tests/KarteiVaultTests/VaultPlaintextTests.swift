import CKarteiVFS
import Foundation
import GRDB
import KarteiCrypto
import KarteiTesting
import Testing
@testable import KarteiVault

@Suite("No plaintext on disk")
struct VaultPlaintextTests {
    static let sqliteMagic = Array("SQLite format 3".utf8)

    @Test("inserts, updates, deletes, VACUUM, temp tables, a large sort, a backup and a crash leave no marker")
    func noPlaintextAnywhere() throws {
        let dir = try TemporaryDirectory()
        let tmp = dir.file("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let path = dir.file("v.kartei")
        try TestVaults.create(at: path).close()
        let marker = "MARKER" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let child = try ChildProcess(
            TestBinaries.path("KarteiTestWriter"), ["plaintext-workload", path, marker, dir.file("backup.kartei")],
            environment: ["TMPDIR": tmp, "SQLITE_TMPDIR": tmp])
        _ = child.waitUntilExit()
        #expect(child.printedLines.contains("in transaction"), "child: \(child.standardError)")
        #expect(child.terminationReason == .uncaughtSignal, "the child died inside its transaction")
        #expect(FileManager.default.fileExists(atPath: path + "-journal"), "a hot journal was left behind")

        let files = dir.allFiles()
        #expect(files.count >= 3)
        #expect(ByteScan.files(files, containing: Array(marker.utf8)).isEmpty)
        #expect(ByteScan.files(files, containing: Self.sqliteMagic).isEmpty)
        // Not even fragments of the marker.
        #expect(ByteScan.files(files, containing: Array(marker.utf8.prefix(12))).isEmpty)

        // The uncommitted pages reached the database file: opening it as plain pages would show
        // them. The hot journal rolls them back (SQLite checks each record's unmasked checksum):
        // the uncommitted update is gone, the committed one is there.
        let vault = try TestVaults.open(at: path)
        let notes = try vault.read { db in try String.fetchAll(db, sql: "SELECT note FROM person") }
        #expect(!notes.isEmpty)
        #expect(notes.allSatisfy { $0.hasPrefix("\(marker)-journal-") })
        #expect(try vault.check().isHealthy)
        try vault.close()
        #expect(ByteScan.files(dir.allFiles(), containing: Array(marker.utf8)).isEmpty)
    }

    @Test("WAL frame checksums (computed over plaintext) never appear in clear")
    func walChecksums() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        try TestVaults.create(at: path).close()
        let child = try ChildProcess(TestBinaries.path("KarteiTestWriter"), ["write-loop", path])
        #expect(child.waitForLine { $0 == "committed 20" } != nil, "child: \(child.standardError)")
        child.kill()
        let snapshot = dir.file("snapshot")
        try FileManager.default.createDirectory(atPath: snapshot, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: snapshot + "/v.kartei" + suffix)
        }
        let vault = try TestVaults.open(at: path)
        let keys = vault.schedule.vfsKeys
        try vault.close()

        let wal = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshot + "/v.kartei-wal")))
        var header = [UInt8](repeating: 0, count: 32)
        var headerKeys = keys
        #expect(ckartei_wal_header_open(&headerKeys, Array(wal[0..<32]), &header) == 0)
        #expect(Array(wal[0..<32]) != header, "the WAL header is encrypted")
        let native = (UInt32(header[3]) & 1) == 0  // little-endian checksums on this machine
        var s = (be32(header, 24), be32(header, 28))
        let frameSize = 24 + 4096
        var verified = 0
        var checksums: [[UInt8]] = []
        var offset = 32
        while offset + frameSize <= wal.count {
            var plainHeader = [UInt8](repeating: 0, count: 24)
            var page = [UInt8](repeating: 0, count: 4096)
            var k = keys
            let rc = ckartei_wal_frame_open(&k, Array(wal[offset..<(offset + frameSize)]), Int64(offset), Array(header[16..<24]), &plainHeader, &page)
            guard rc == 0, plainHeader[8..<16] == header[16..<24] else { break }
            s = walChecksum(native: native, Array(plainHeader[0..<8]), s)
            s = walChecksum(native: native, page, s)
            // Our recomputation matches what SQLite wrote: we decrypted exactly SQLite's header.
            #expect(be32(plainHeader, 16) == s.0 && be32(plainHeader, 20) == s.1)
            let clear = put32(s.0) + put32(s.1)
            checksums.append(clear)
            #expect(Array(wal[(offset + 16)..<(offset + 24)]) != clear, "the checksum is not stored in clear")
            verified += 1
            offset += frameSize
        }
        #expect(verified >= 20, "frames of the current WAL generation")
        let files = try FileManager.default.contentsOfDirectory(atPath: snapshot).map { snapshot + "/" + $0 }
        for checksum in checksums {
            #expect(ByteScan.files(files, containing: checksum).isEmpty)
        }
        let shmSize = (try FileManager.default.attributesOfItem(atPath: snapshot + "/v.kartei-shm")[.size] as? Int) ?? -1
        #expect(shmSize == 0, "the WAL index lives in shared memory, not in the -shm file")
    }

    @Test("rollback-journal checksums (sums of plaintext bytes) are masked on disk and unmask exactly")
    func journalChecksums() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        try TestVaults.create(at: path).close()
        let child = try ChildProcess(TestBinaries.path("KarteiTestWriter"),
                                     ["plaintext-workload", path, "M\(UUID().uuidString.prefix(8))", dir.file("b.kartei")])
        _ = child.waitUntilExit()
        let journal = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "-journal")))
        try FileManager.default.copyItem(atPath: path + "-journal", toPath: dir.file("journal.copy"))
        let vault = try TestVaults.open(at: path)
        var keys = vault.schedule.vfsKeys
        try vault.close()

        // A journal is segments: a 512-byte header (magic, record count, checksum seed), then
        // records of page number, page image and checksum.
        let magic: [UInt8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]
        var records = 0
        var segment = 0
        while segment + 512 <= journal.count, Array(journal[segment..<(segment + 8)]) == magic {
            let cksumInit = be32(journal, segment + 12)
            var offset = segment + 512
            while offset + 4 + 4096 + 4 <= journal.count {
                let pgno = be32(journal, offset)
                guard pgno > 0 && pgno < 100_000 else { break }
                var page = [UInt8](repeating: 0, count: 4096)
                let sealed = Array(journal[(offset + 4)..<(offset + 4 + 4096)])
                let rc = withUnsafeBytes(of: &keys.journal_page) { key in
                    withUnsafeBytes(of: &keys.file_id) { id in
                        ckartei_page_open(key.bindMemory(to: UInt8.self).baseAddress, id.bindMemory(to: UInt8.self).baseAddress,
                                          CKARTEI_ROLE_JOURNAL, pgno, nil, sealed, &page)
                    }
                }
                guard rc == 0 else { break }
                var sum = cksumInit
                var i = 4096 - 200
                while i > 0 { sum &+= UInt32(page[i]); i -= 200 }
                #expect(be32(journal, offset + 4 + 4096) != sum, "record \(records): the checksum is not stored in clear")
                records += 1
                offset += 4 + 4096 + 4
            }
            segment = (offset + 511) / 512 * 512
        }
        #expect(records >= 10)
    }

    func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    func put32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)] }

    /// SQLite's walChecksumBytes (wal.c): two running 32-bit sums over 32-bit words.
    func walChecksum(native: Bool, _ data: [UInt8], _ start: (UInt32, UInt32)) -> (UInt32, UInt32) {
        var (s1, s2) = start
        var i = 0
        while i < data.count {
            let w0: UInt32, w1: UInt32
            if native {
                w0 = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
                w1 = UInt32(data[i + 4]) | UInt32(data[i + 5]) << 8 | UInt32(data[i + 6]) << 16 | UInt32(data[i + 7]) << 24
            } else {
                w0 = be32(data, i)
                w1 = be32(data, i + 4)
            }
            s1 = s1 &+ w0 &+ s2
            s2 = s2 &+ w1 &+ s1
            i += 8
        }
        return (s1, s2)
    }
}
