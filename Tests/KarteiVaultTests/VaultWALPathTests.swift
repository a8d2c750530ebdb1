import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiVault

/// SQLite's less common WAL write paths, each of which once broke a page-sealing VFS.
@Suite("WAL write paths")
struct VaultWALPathTests {
    /// A transaction larger than the page cache spills frames; modifying a spilled page again
    /// overwrites its frame in place, after which SQLite writes the following frame headers with
    /// zero salts and rewrites them at commit (wal.c walRewriteChecksums).
    @Test("spill, overwrite a frame in place, rewrite checksums at commit")
    func rewrittenChecksums() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try vault.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = 20")
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            try db.execute(sql: "BEGIN")
            for i in 0..<3000 { try db.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [i, String(repeating: "a", count: 200)]) }
            // Spilled pages modified again: frames overwritten in place.
            try db.execute(sql: "UPDATE t SET v = 'rewritten ' || id WHERE id % 10 = 0")
            for i in 3000..<4000 { try db.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [i, "late " + String(i)]) }
            try db.execute(sql: "COMMIT")
        }
        let rewritten = try vault.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE v LIKE 'rewritten %'") }
        #expect(rewritten == 300)
        #expect(try vault.check().isHealthy)
        try vault.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try vault.close()
        let reopened = try TestVaults.open(at: path)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 4000)
        #expect(try reopened.check().isHealthy)
        try reopened.close()
    }
}
