import Foundation
import GRDB
import KarteiCore
import KarteiTesting
import Testing
@testable import KarteiVault

/// SIGKILL at random moments: afterwards the vault opens, the check passes, and every
/// transaction the child reported as committed is there. `KARTEI_CRASH_ROUNDS` raises the count
/// (scripts/crash-test runs 500).
@Suite("Crash safety")
struct VaultCrashTests {
    static var rounds: Int {
        ProcessInfo.processInfo.environment["KARTEI_CRASH_ROUNDS"].flatMap(Int.init) ?? 50
    }

    /// Fixed in CI (reproducible); scripts/crash-test passes a fresh one each run.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["KARTEI_CRASH_SEED"].flatMap(UInt64.init) ?? 1
    }

    static func killRounds(journal: String, rounds: Int) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("crash.kartei")
        try TestVaults.create(at: path).close()
        var random = SyntheticRandom(seed: seed &* 7919 &+ UInt64(journal.count))
        var reported = -1
        for round in 0..<rounds {
            let child = try ChildProcess(TestBinaries.path("KarteiTestWriter"), ["write-loop", path, journal])
            guard child.waitForLine(where: { $0.hasPrefix("ready") }) != nil else {
                Issue.record("round \(round): the child did not start: \(child.standardError)")
                child.kill()
                return
            }
            usleep(UInt32(Int.random(in: 1_000...120_000, using: &random)))
            child.kill()
            let committed = child.printedLines.compactMap { line -> Int? in
                line.hasPrefix("committed ") ? Int(line.dropFirst("committed ".count)) : nil
            }
            reported = max(reported, committed.max() ?? reported)

            let vault = try TestVaults.open(at: path)
            let ledger = try vault.read { db in try Int.fetchAll(db, sql: "SELECT txn FROM ledger ORDER BY txn") }
            #expect(ledger == Array(0..<ledger.count), "round \(round): the ledger has no gaps")
            #expect((ledger.last ?? -1) >= reported, "round \(round): every reported commit is present")
            let report = try vault.check()
            #expect(report.isHealthy, "round \(round): \(report.problems)")
            try vault.close()
        }
        #expect(reported > 0, "the child committed something")
    }

    @Test("WAL mode: killed mid-write, every reported commit survives")
    func walMode() throws {
        try Self.killRounds(journal: "wal", rounds: Self.rounds)
    }

    @Test("rollback-journal mode: killed mid-write, hot journals roll back")
    func journalMode() throws {
        try Self.killRounds(journal: "delete", rounds: max(10, Self.rounds / 5))
    }

    @Test("rekey killed at random points leaves a vault the same key opens, with the same data")
    func rekeyInterrupted() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("rekey.kartei")
        let vault = try TestVaults.create(at: path)
        try VaultRoundTripTests.fill(vault, rows: 3000)
        try vault.close()
        var random = SyntheticRandom(seed: Self.seed &+ 99)
        var completed = 0
        for round in 0..<max(10, Self.rounds / 3) {
            let child = try ChildProcess(TestBinaries.path("KarteiTestWriter"), ["rekey-loop", path])
            _ = child.waitForLine(where: { $0.hasPrefix("ready") })
            usleep(UInt32(Int.random(in: 500...60_000, using: &random)))
            child.kill()
            completed += child.printedLines.filter { $0.hasPrefix("rekeyed") }.count
            let reopened = try TestVaults.open(at: path)
            #expect(try VaultRoundTripTests.rows(reopened).count == 3000, "round \(round)")
            let report = try reopened.check()
            #expect(report.isHealthy, "round \(round): \(report.problems)")
            try reopened.close()
        }
        #expect(completed > 0, "some rekeys completed between kills")
    }
}
