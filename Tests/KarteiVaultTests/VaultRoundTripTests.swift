import Foundation
import GRDB
import KarteiCrypto
import KarteiTesting
import Testing
@testable import KarteiVault

@Suite("Vault round trips")
struct VaultRoundTripTests {
    @Test("create, write, close, reopen, read")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("v.kartei")
        let vault = try TestVaults.create(at: path)
        try vault.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            for i in 0..<1000 { try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: ["row \(i)"]) }
        }
        try vault.close()
        let reopened = try TestVaults.open(at: path)
        let count = try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") }
        #expect(count == 1000)
        let last = try reopened.read { db in try String.fetchOne(db, sql: "SELECT v FROM t WHERE id = 1000") }
        #expect(last == "row 999")
        try reopened.close()
    }
}
