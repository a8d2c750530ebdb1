import CKarteiVFS
import Foundation
import GRDB
import GRDBSQLite
import KarteiCore
import KarteiCrypto
import KarteiVault

/// `kartei bench storage`: the same workload on a plain SQLite file and on a vault, in one run,
/// with the same SQLite settings and the same statements; prints each time and the ratio
/// vault / plain, plus the floor the cipher itself sets (pages sealed and opened × their cost).
public struct StorageBenchmark {
    public struct Workload: Codable, Sendable {
        public var name: String
        public var plainSeconds: Double
        public var vaultSeconds: Double
        public var ratio: Double
        /// Pages the vault decrypted and encrypted during this workload.
        public var pagesDecrypted: Int
        public var pagesEncrypted: Int
        /// (plain time + cipher work) / plain time: the best a page-encrypting VFS can do.
        public var floorRatio: Double
    }

    public struct Result: Codable, Sendable {
        public var rows: Int
        public var repetitions: Int
        public var sqliteVersion: String
        public var openSSLVersion: String
        public var pageOpenMicroseconds: Double
        public var pageSealMicroseconds: Double
        public var workloads: [Workload]
        public var ratios: [String: Double]
    }

    let rows: Int
    let repetitions: Int
    let directory: String?
    let progress: (String) -> Void

    public init(rows: Int, repetitions: Int, directory: String?, progress: @escaping (String) -> Void) {
        self.rows = max(rows, 1000)
        self.repetitions = max(repetitions, 1)
        self.directory = directory
        self.progress = progress
    }

    static let names = ["bulkInsert", "pointLookupsCold", "fullScanAggregate", "smallWriteTransactions", "vacuum"]

    public func run() throws -> Result {
        KarteiVFS.register()
        let base = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("kartei-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }

        progress("generating \(rows) synthetic rows")
        let people = Array(SyntheticPeople(count: rows, seed: 42))
        var lookupRandom = SyntheticRandom(seed: 7)
        let keys = (0..<100_000).map { _ in Int64(100_001 + Int.random(in: 0..<rows, using: &lookupRandom)) }

        var plain: [String: [Double]] = [:]
        var vault: [String: [Double]] = [:]
        var decrypted: [String: [Int]] = [:]
        var encrypted: [String: [Int]] = [:]
        for repetition in 0..<repetitions {
            // Alternate which side goes first so warm-up favours neither.
            let order = repetition % 2 == 0 ? [false, true] : [true, false]
            for isVault in order {
                progress("repetition \(repetition + 1)/\(repetitions): \(isVault ? "vault" : "plain SQLite")")
                let path = base.appendingPathComponent("\(isVault ? "vault" : "plain")-\(repetition).db").path
                let timings = try isVault ? runVault(path: path, people: people, keys: keys)
                                          : runPlain(path: path, people: people, keys: keys)
                for (name, timing) in timings {
                    if isVault {
                        vault[name, default: []].append(timing.seconds)
                        decrypted[name, default: []].append(timing.decrypted)
                        encrypted[name, default: []].append(timing.encrypted)
                    } else {
                        plain[name, default: []].append(timing.seconds)
                    }
                }
            }
        }
        let (openCost, sealCost) = try cipherCost()
        let workloads = StorageBenchmark.names.map { name -> Workload in
            let p = median(plain[name] ?? [])
            let v = median(vault[name] ?? [])
            let d = Int(median((decrypted[name] ?? []).map(Double.init)))
            let e = Int(median((encrypted[name] ?? []).map(Double.init)))
            let floor = p > 0 ? (p + Double(d) * openCost + Double(e) * sealCost) / p : 1
            return Workload(name: name, plainSeconds: p, vaultSeconds: v, ratio: p > 0 ? v / p : 0,
                            pagesDecrypted: d, pagesEncrypted: e, floorRatio: floor)
        }
        return Result(
            rows: rows, repetitions: repetitions, sqliteVersion: String(cString: sqlite3_libversion()),
            openSSLVersion: OpenSSLInfo.version,
            pageOpenMicroseconds: openCost * 1e6, pageSealMicroseconds: sealCost * 1e6,
            workloads: workloads,
            ratios: Dictionary(uniqueKeysWithValues: workloads.map { ($0.name, $0.ratio) })
        )
    }

    struct Timing {
        var seconds: Double
        var decrypted = 0
        var encrypted = 0
    }

    /// The settings both sides share (the vault's connection setup, applied by hand to plain).
    static let sharedPragmas = [
        "PRAGMA temp_store = MEMORY", "PRAGMA trusted_schema = OFF", "PRAGMA cell_size_check = ON",
        "PRAGMA secure_delete = ON", "PRAGMA foreign_keys = ON", "PRAGMA page_size = 4096",
        "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -2000",
    ]

    private func runPlain(path: String, people: [SyntheticPerson], keys: [Int64]) throws -> [(String, Timing)] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "unix") == SQLITE_OK, let db else {
            throw BenchmarkError(message: "cannot open plain database")
        }
        defer { sqlite3_close_v2(db) }
        let connection = RawSQLite(db: db)
        for pragma in StorageBenchmark.sharedPragmas { try connection.execute(pragma) }
        return try workload(connection, people: people, keys: keys, counters: false)
    }

    private func runVault(path: String, people: [SyntheticPerson], keys: [Int64]) throws -> [(String, Timing)] {
        let options = VaultOptions(passphraseKDF: ScryptParameters(logN: 10, r: 8, p: 1))
        let vault = try Vault.create(at: path, passphrase: SecretBytes(copying: Array("benchmark passphrase".utf8)),
                                     label: "benchmark", options: options)
        defer { try? vault.close() }
        return try vault.writeWithoutTransaction { db in
            let connection = RawSQLite(db: db.sqliteConnection!)
            for pragma in StorageBenchmark.sharedPragmas { try connection.execute(pragma) }
            return try workload(connection, people: people, keys: keys, counters: true)
        }
    }

    private func workload(_ c: RawSQLite, people: [SyntheticPerson], keys: [Int64], counters: Bool) throws -> [(String, Timing)] {
        var results: [(String, Timing)] = []
        func measure(_ name: String, _ body: () throws -> Void) rethrows {
            let before = KarteiVFS.statistics
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let after = KarteiVFS.statistics
            results.append((name, Timing(
                seconds: seconds,
                decrypted: counters ? Int(after.decrypted - before.decrypted) : 0,
                encrypted: counters ? Int(after.encrypted - before.encrypted) : 0)))
        }
        try c.execute("""
            CREATE TABLE member (number INTEGER PRIMARY KEY, givenName TEXT NOT NULL, familyName TEXT NOT NULL,
              birthDate TEXT, district TEXT NOT NULL, town TEXT, postalCode TEXT, street TEXT, houseNumber TEXT,
              email TEXT, phone TEXT, entryDate TEXT, status TEXT, monthlyDuesCents INTEGER);
            CREATE INDEX member_district ON member(district);
            CREATE INDEX member_family ON member(familyName, givenName);
            """)
        try measure("bulkInsert") {
            try c.execute("BEGIN")
            let insert = try c.prepare("""
                INSERT INTO member VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            defer { insert.finalize() }
            for p in people {
                insert.bind(1, Int64(p.number)); insert.bind(2, p.givenName); insert.bind(3, p.familyName)
                insert.bind(4, SyntheticPerson.iso(p.birthDate)); insert.bind(5, p.district); insert.bind(6, p.town)
                insert.bind(7, p.postalCode); insert.bind(8, p.street); insert.bind(9, p.houseNumber)
                insert.bind(10, p.email); insert.bind(11, p.phone); insert.bind(12, SyntheticPerson.iso(p.entryDate))
                insert.bind(13, p.status.rawValue); insert.bind(14, Int64(p.monthlyDuesCents))
                try insert.run()
            }
            try c.execute("COMMIT")
        }
        try c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sqlite3_db_release_memory(c.db)
        try measure("pointLookupsCold") {
            let lookup = try c.prepare("SELECT familyName, district, monthlyDuesCents FROM member WHERE number = ?")
            defer { lookup.finalize() }
            for key in keys {
                lookup.bind(1, key)
                try lookup.run()
            }
        }
        sqlite3_db_release_memory(c.db)
        try measure("fullScanAggregate") {
            let scan = try c.prepare("""
                SELECT district, count(*), sum(monthlyDuesCents), avg(length(familyName)) FROM member
                WHERE status = 'active' GROUP BY district
                """)
            defer { scan.finalize() }
            try scan.run()
        }
        try measure("smallWriteTransactions") {
            let update = try c.prepare("UPDATE member SET phone = ? WHERE number = ?")
            defer { update.finalize() }
            for i in 0..<1000 {
                try c.execute("BEGIN IMMEDIATE")
                update.bind(1, "0341 \(100_000 + i)")
                update.bind(2, keys[i])
                try update.run()
                try c.execute("COMMIT")
            }
        }
        try measure("vacuum") { try c.execute("VACUUM") }
        return results
    }

    /// Measured cost of opening and sealing one page here, now, with the VFS's own code path.
    private func cipherCost() throws -> (open: Double, seal: Double) {
        var seal = 0.0
        var open = 0.0
        guard ckartei_cipher_cost(50_000, &seal, &open) == 0 else {
            throw BenchmarkError(message: "cipher cost measurement failed")
        }
        return (open, seal)
    }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// The text table of a storage benchmark result.
public enum StorageBenchmarkText {
    public static func lines(_ result: StorageBenchmark.Result) -> [String] {
        var lines = [
            "rows: \(result.rows), repetitions: \(result.repetitions) (medians), SQLite \(result.sqliteVersion), \(result.openSSLVersion)",
            String(format: "AES-256-GCM per 4 KiB page (the VFS's code path): open %.2f µs, seal %.2f µs",
                   result.pageOpenMicroseconds, result.pageSealMicroseconds),
            "floor = (plain time + pages × cipher cost) / plain time: the ratio the cipher alone sets",
            "",
            "workload                  plain s    vault s   ratio   floor   pages dec/enc",
        ]
        for w in result.workloads {
            let name = w.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            lines.append(name + String(format: " %8.3f  %9.3f  %6.3f  %6.3f   %d/%d", w.plainSeconds, w.vaultSeconds, w.ratio,
                                       w.floorRatio, w.pagesDecrypted, w.pagesEncrypted))
        }
        return lines
    }
}
