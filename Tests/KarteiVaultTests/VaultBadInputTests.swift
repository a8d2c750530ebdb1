import Foundation
import GRDB
import GRDBSQLite
import KarteiCrypto
import KarteiMessages
import KarteiTesting
import Testing
@testable import KarteiVault

@Suite("Vault bad input: each its own message and exit code, nothing changed")
struct VaultBadInputTests {
    func open(_ path: String) throws -> Vault { try TestVaults.open(at: path) }

    @Test("no file")
    func notFound() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: VaultError(.notFound)) { try self.open(dir.file("nope.kartei")) }
        #expect(error?.exitCode == .noInput)
    }

    @Test("a plain SQLite database")
    func plainSQLite() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("plain.db")
        var db: OpaquePointer?
        #expect(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "unix") == SQLITE_OK)
        #expect(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: VaultError(.plainSQLite)) { try self.open(path) }
        #expect(error?.exitCode == .notAVault)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("some other file")
    func notAVault() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("letter.txt")
        try Data(repeating: 0x41, count: 70_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: VaultError(.notAVault)) { try self.open(path) }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: VaultError(.notAVault)) { try self.open(path) }
    }

    @Test("a vault of a newer format")
    func newerFormat() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        try TestVaults.create(at: path).close()
        try patch(path, at: 17, with: [0x02])
        let error = #expect(throws: VaultError(.newerFormat)) { try self.open(path) }
        #expect(error?.exitCode == .newerFormat)
        #expect(error?.message.text(in: .english).contains("format 2") == true)
    }

    @Test("a truncated file", arguments: [50, 20_000, 65_536 + 4096 * 2, 65_536 + 4096 * 2 + 100])
    func truncated(keep: Int) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try VaultRoundTripTests.fill(vault, rows: 2000)
        try vault.close()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(keep))
        try handle.close()
        let error = #expect(throws: VaultError.self) { try self.open(path) }
        #expect(error?.code == .truncated || error?.code == .headerTampered, "got \(String(describing: error))")
        #expect(error?.exitCode == .damaged || error?.exitCode == .tampered)
    }

    @Test("a WAL lost after a crash is reported; accepting the loss opens the vault")
    func missingWAL() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        try TestVaults.create(at: path).close()
        let child = try ChildProcess(TestBinaries.path("KarteiTestWriter"), ["write-loop", path])
        #expect(child.waitForLine { $0 == "committed 3" } != nil, "child: \(child.standardError)")
        child.kill()
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        try FileManager.default.removeItem(atPath: path + "-wal")
        let error = #expect(throws: VaultError(.missingWAL)) { try self.open(path) }
        #expect(error?.exitCode == .damaged)
        #expect(error?.message.text(in: .german).contains("--accept-missing-wal") == true)
        var options = TestVaults.options()
        options.acceptMissingWAL = true
        let vault = try Vault.open(at: path, unlocking: .passphrase(TestVaults.passphrase), options: options)
        #expect(try vault.check().isHealthy)
        try vault.close()
        try self.open(path).close()
    }

    func patch(_ path: String, at offset: UInt64, with bytes: [UInt8]) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }
}

@Suite("VFS guarantees")
struct VFSGuaranteeTests {
    static let bigTempTable = """
        CREATE TEMP TABLE leak AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50000)
        SELECT x, randomblob(200) AS b FROM c
        """

    @Test("page size and reserve are fixed for new vaults and cannot be changed")
    func geometry() throws {
        let dir = try TemporaryDirectory()
        let vault = try TestVaults.create(at: dir.file("v.kartei"))
        defer { try? vault.close() }
        #expect(try vault.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4096)
        let reserve = try vault.read { db -> Int32 in
            var value: Int32 = -1
            sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_RESERVE_BYTES, &value)
            return value
        }
        #expect(reserve == 32)
        #expect(throws: (any Error).self) {
            try vault.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA page_size = 8192") }
        }
    }

    @Test("temporary files are refused, not written in clear")
    func temporaryFilesRefused() throws {
        let dir = try TemporaryDirectory()
        let vault = try TestVaults.create(at: dir.file("v.kartei"))
        defer { try? vault.close() }
        #expect(throws: VaultError(.temporaryFileRefused)) {
            try vault.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA temp_store = FILE")
                // Ten megabytes: more than the page cache holds, so SQLite must spill to a file.
                try db.execute(sql: Self.bigTempTable)
            }
        }
        // With the vault's setting the same statement works, in memory.
        try vault.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: Self.bigTempTable)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.leak") == 50_000)
        }
        #expect(dir.allFiles().allSatisfy { !$0.contains("etilqs") }, "no SQLite temp file next to the vault")
    }

    @Test("a database no vault binding covers is never opened")
    func unboundRefused() throws {
        let dir = try TemporaryDirectory()
        KarteiVFS.register()
        #expect(throws: (any Error).self) { try DatabaseQueue(path: dir.file("stray.db")) }
        let size = (try? FileManager.default.attributesOfItem(atPath: dir.file("stray.db"))[.size] as? Int) ?? 0
        #expect(size == 0, "nothing was written to the unbound file")
    }

    @Test("the stock sqlite3 shell cannot read a vault")
    func sqlite3Shell() throws {
        let sqlite3 = try #require(which("sqlite3"), "sqlite3 must be installed (scripts/test installs it)")
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try VaultRoundTripTests.fill(vault, rows: 10)
        try vault.close()
        let result = try runCommand(sqlite3, [path, "SELECT count(*) FROM t; SELECT name FROM sqlite_master;"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a database"))
        #expect(!result.stdout.contains("10"))
    }
}
