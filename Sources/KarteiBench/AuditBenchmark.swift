import Foundation
import GRDB
import KarteiCore
import KarteiCrypto
import KarteiVault

/// `kartei bench audit`: what the audit log costs. The same write workloads on the same vault with
/// and without appending their audit entries (medians, alternating order), and the time to verify a
/// log of N entries from scratch.
public struct AuditBenchmark {
    public struct Result: Codable, Sendable {
        public var rows: Int
        public var entries: Int
        public var repetitions: Int
        public var smallWritesSeconds: Double
        public var smallWritesAuditedSeconds: Double
        public var bulkInsertSeconds: Double
        public var bulkInsertAuditedSeconds: Double
        public var appendSeconds: Double
        public var verifySeconds: Double
        public var ratios: [String: Double]
    }

    let rows: Int
    let entries: Int
    let repetitions: Int
    let directory: String?
    let progress: (String) -> Void

    public init(rows: Int, entries: Int, repetitions: Int, directory: String?, progress: @escaping (String) -> Void) {
        self.rows = max(rows, 1000)
        self.entries = max(entries, 10_000)
        self.repetitions = max(repetitions, 1)
        self.directory = directory
        self.progress = progress
    }

    public func run() throws -> Result {
        let base = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("kartei-bench-audit-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let options = VaultOptions(passphraseKDF: ScryptParameters(logN: 10, r: 8, p: 1))
        let session = try KarteiSession.create(at: base.appendingPathComponent("audit.kartei").path,
                                               passphrase: SecretBytes(copying: Array("benchmark passphrase".utf8)),
                                               label: "benchmark", options: options)
        defer { try? session.close() }
        let principal = session.principal
        let people = Array(SyntheticPeople(count: rows, seed: 42))

        var small: [Double] = [], smallAudited: [Double] = [], bulk: [Double] = [], bulkAudited: [Double] = []
        for repetition in 0..<repetitions {
            for audited in repetition % 2 == 0 ? [false, true] : [true, false] {
                progress("repetition \(repetition + 1)/\(repetitions), \(audited ? "with" : "without") audit entries")
                let table = "bench_\(repetition)_\(audited ? "a" : "p")"
                let seconds = try measure {
                    try session.vault.write { db in
                        try db.execute(sql: "CREATE TABLE \(table) (number INTEGER PRIMARY KEY, familyName TEXT, district TEXT, phone TEXT)")
                        let insert = try db.makeStatement(sql: "INSERT INTO \(table) VALUES (?, ?, ?, ?)")
                        for p in people { try insert.execute(arguments: [p.number, p.familyName, p.district, p.phone]) }
                        if audited {
                            // One import operation, every record id in its entry.
                            try AuditLog.append(AuditEvent(at: Date(), principal: principal, action: "memberWrite",
                                                           objectType: "member", objectIDs: people.map { String($0.number) },
                                                           purpose: "import", outcome: .success), db)
                        }
                    }
                }
                if audited { bulkAudited.append(seconds) } else { bulk.append(seconds) }
                let writes = try measure {
                    for i in 0..<1000 {
                        let number = people[(i * 7919) % people.count].number
                        try session.vault.write { db in
                            try db.execute(sql: "UPDATE \(table) SET phone = ? WHERE number = ?", arguments: ["0341 \(i)", number])
                            if audited {
                                try AuditLog.append(AuditEvent(at: Date(), principal: principal, action: "memberContactWrite",
                                                               objectType: "member", objectIDs: [String(number)],
                                                               purpose: "", outcome: .success), db)
                            }
                        }
                    }
                }
                if audited { smallAudited.append(writes) } else { small.append(writes) }
            }
        }

        progress("appending \(entries) audit entries")
        // What closing the sessions above would have done: bring the who-read index up to date.
        try session.vault.write { db in try AuditLog.indexObjects(db) }
        let existing = try session.vault.read { db in try AuditLog.size(db) }
        let append = try measure {
            try session.vault.write { db in
                for i in 0..<max(0, entries - Int(existing)) {
                    try AuditLog.append(AuditEvent(at: Date(), principal: principal, action: "memberRead", objectType: "member",
                                                   objectIDs: [String(100_000 + i % 50_000)], purpose: "benchmark",
                                                   outcome: .success), db)
                }
                try AuditLog.signCheckpoint(vaultID: session.vault.vaultID, now: Date(), db)
            }
        }
        progress("verifying \(entries) entries")
        var verification: AuditVerification?
        let verify = try measure {
            verification = try session.vault.read { db in try AuditVerifier.verify(vaultID: session.vault.vaultID, db) }
        }
        guard verification?.isValid == true else { throw BenchmarkError(message: "the benchmark log does not verify") }

        let m = (median(small), median(smallAudited), median(bulk), median(bulkAudited))
        return Result(rows: rows, entries: entries, repetitions: repetitions, smallWritesSeconds: m.0,
                      smallWritesAuditedSeconds: m.1, bulkInsertSeconds: m.2, bulkInsertAuditedSeconds: m.3,
                      appendSeconds: append, verifySeconds: verify,
                      ratios: ["smallWriteTransactions": m.1 / m.0, "bulkInsert": m.3 / m.2])
    }

    private func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

public enum AuditBenchmarkText {
    public static func lines(_ r: AuditBenchmark.Result) -> [String] {
        [
            "rows: \(r.rows), repetitions: \(r.repetitions) (medians); log of \(r.entries) entries",
            String(format: "1,000 small write transactions: %.3f s, with an audit entry each: %.3f s, ratio %.3f",
                   r.smallWritesSeconds, r.smallWritesAuditedSeconds, r.ratios["smallWriteTransactions"] ?? 0),
            String(format: "bulk insert of %d rows: %.3f s, with one entry naming every row: %.3f s, ratio %.3f",
                   r.rows, r.bulkInsertSeconds, r.bulkInsertAuditedSeconds, r.ratios["bulkInsert"] ?? 0),
            String(format: "appending %d entries: %.2f s (%.1f µs each)", r.entries, r.appendSeconds,
                   r.appendSeconds / Double(r.entries) * 1e6),
            String(format: "audit verify over %d entries: %.2f s", r.entries, r.verifySeconds),
        ]
    }
}
