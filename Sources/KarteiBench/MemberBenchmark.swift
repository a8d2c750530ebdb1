import Foundation
import GRDB
import KarteiCore
import KarteiCrypto
import KarteiVault

/// `kartei bench members`: the member file at scale (issue figures: 1,000,000 members). Builds a
/// vault with a CA and a treasurer certificate, generates and imports N synthetic people through
/// the audited import, then times lookups, district lists, name searches (in process, through the
/// session API, so authorisation and audit entries are included) and a cold CLI command.
public struct MemberBenchmark {
    public struct Latency: Codable, Sendable {
        public var count: Int
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double
    }

    public struct DistrictList: Codable, Sendable {
        public var district: String
        public var rows: Int
        public var milliseconds: Double
    }

    public struct Result: Codable, Sendable {
        public var members: Int
        public var generateSeconds: Double
        public var importSeconds: Double
        public var closeSeconds: Double
        public var vaultBytes: Int
        public var lookup: Latency
        /// The same lookups as one SQL read on the same vault, without authorisation and audit entry:
        /// the baseline of the same run; the difference is what the audited path costs.
        public var rawLookup: Latency
        public var districtLists: [DistrictList]
        /// The longest list's time, scaled to 10,000 rows.
        public var millisecondsPer10kRows: Double
        /// The longest list as one SQL read (same query shape), scaled the same way: the baseline.
        public var rawMillisecondsPer10kRows: Double
        public var search: Latency
        public var coldCommandSeconds: Double?
    }

    /// The generator's first member number.
    static let firstNumber = 100_001

    let members: Int
    let seed: UInt64
    let directory: String?
    let executable: String?
    let progress: (String) -> Void

    /// `executable`: the kartei binary for the cold-command figure (nil: skipped).
    public init(members: Int, seed: UInt64, directory: String?, executable: String?, progress: @escaping (String) -> Void) {
        self.members = max(members, 1000)
        self.seed = seed
        self.directory = directory
        self.executable = executable
        self.progress = progress
    }

    public func run() throws -> Result {
        let base = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("kartei-bench-members-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let vaultPath = base.appendingPathComponent("members.kartei").path
        let identityPath = base.appendingPathComponent("treasurer.p12").path
        let options = VaultOptions(passphraseKDF: ScryptParameters(logN: 10, r: 8, p: 1))

        progress("creating a vault with its CA and a treasurer certificate")
        let transport = try Self.setUp(vaultPath: vaultPath, identityPath: identityPath, options: options)
        let credentials = SessionCredentials(identity: IdentitySource(path: identityPath, passphrase: transport))

        progress("generating \(members) synthetic people")
        var data = Data()
        let generate = try measure { data = SyntheticImportFile.data(count: members, seed: seed) }
        progress("importing them (one audited, all-or-nothing transaction)")
        var session = try KarteiSession.open(at: vaultPath, credentials: credentials, options: options)
        let importing = try measure { _ = try session.members.importFile(data, file: "generated", reason: "benchmark") }
        data = Data()
        let closing = try measure { try session.close() }
        let vaultBytes = (try FileManager.default.attributesOfItem(atPath: vaultPath)[.size] as? Int) ?? 0

        session = try KarteiSession.open(at: vaultPath, credentials: credentials, options: options)
        defer { try? session.close() }
        var random = SyntheticRandom(seed: seed &+ 1)
        progress("1,000 lookups by member number")
        var lookups: [Double] = []
        for _ in 0..<1000 {
            let number = Self.firstNumber + Int.random(in: 0..<members, using: &random)
            lookups.append(try measure { _ = try session.members.show(.number(number)) })
        }

        progress("the same lookups as plain SQL reads (baseline)")
        var raw: [Double] = []
        var rawRandom = SyntheticRandom(seed: seed &+ 1)
        for _ in 0..<1000 {
            let number = Self.firstNumber + Int.random(in: 0..<members, using: &rawRandom)
            raw.append(try measure {
                _ = try session.vault.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT v.* FROM person p JOIN personVersion v ON v.personID = p.id WHERE p.number = ? ORDER BY v.validFrom
                        """, arguments: [number])
                }
            })
        }

        progress("district lists")
        var lists: [DistrictList] = []
        for district in SyntheticCatalog.districts.map(\.name) {
            var rows = 0
            let seconds = try measure { rows = try session.members.list(MemberQuery(district: district)).count }
            lists.append(DistrictList(district: district, rows: rows, milliseconds: seconds * 1000))
        }
        // Scaled from the longest list, where the fixed cost of a call (authorisation, the audit
        // entry's commit) weighs least.
        let longest = lists.max { $0.rows < $1.rows }
        let per10k = longest.map { $0.milliseconds / Double(max($0.rows, 1)) * 10_000 } ?? 0
        var rawPer10k = 0.0
        if let longest {
            let today = CalendarDate(Date(), in: AssociationTime.defaultZone).iso
            var rows = 0
            let seconds = try measure {
                rows = try session.vault.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT p.number, v.* FROM personVersion v JOIN person p ON p.id = v.personID
                        WHERE v.validFrom <= ? AND (v.validTo IS NULL OR v.validTo > ?) AND v.district = ? AND v.status = 'active'
                          AND v.kind = 'member' ORDER BY v.familyKey, v.givenKey, p.number
                        """, arguments: [today, today, longest.district]).count
                }
            }
            rawPer10k = seconds * 1000 / Double(max(rows, 1)) * 10_000
        }

        progress("500 name searches")
        var searches: [Double] = []
        let families = SyntheticCatalog.familyNames
        for i in 0..<500 {
            var query = families.randomElement(using: &random)!
            switch i % 4 {
            case 1: query = query.lowercased()
            case 2: query = String(query.dropLast())            // a prefix
            case 3: query = Self.typo(query)                     // a near miss
            default: break
            }
            searches.append(try measure { _ = try session.members.search(query, limit: 50) })
        }
        try session.close()

        var cold: Double?
        if let executable {
            progress("a cold command: kartei member show (5 runs)")
            var runs: [Double] = []
            for _ in 0..<5 {
                runs.append(try Self.runCold(executable, vaultPath: vaultPath, identityPath: identityPath,
                                             passphrase: transport, number: Self.firstNumber + 17))
            }
            cold = runs.sorted()[runs.count / 2]
        }

        return Result(members: members, generateSeconds: generate, importSeconds: importing, closeSeconds: closing,
                      vaultBytes: vaultBytes, lookup: Self.latency(lookups), rawLookup: Self.latency(raw), districtLists: lists,
                      millisecondsPer10kRows: per10k, rawMillisecondsPer10kRows: rawPer10k, search: Self.latency(searches), coldCommandSeconds: cold)
    }

    /// Vault, CA, districts, a treasurer who holds a key; returns the bundle's transport passphrase.
    static func setUp(vaultPath: String, identityPath: String, options: VaultOptions) throws -> SecretBytes {
        let admin = try KarteiSession.create(at: vaultPath, passphrase: SecretBytes(copying: Array("benchmark passphrase".utf8)),
                                             label: "benchmark", options: options)
        defer { try? admin.close() }
        let caKey = try admin.authority.create().key
        for district in SyntheticCatalog.districts { try admin.org.addDistrict(district.name) }
        let user = try admin.users.add(name: "Benchmark Treasurer", role: .treasurer, scope: .all,
                                     declarationDate: CalendarDate(Date(), in: AssociationTime.defaultZone).iso)
        let issued = try admin.authority.issue(userID: user.id!, caKey: caKey)
        try Data(issued.bundle!).write(to: URL(fileURLWithPath: identityPath))
        _ = try admin.vaultAdmin.addKeyHolder(userID: user.id!)
        try admin.close()
        return SecretBytes(copying: Array(issued.transportPassphrase!.utf8))
    }

    static func runCold(_ executable: String, vaultPath: String, identityPath: String, passphrase: SecretBytes,
                        number: Int) throws -> Double {
        let passFile = identityPath + ".pass"
        if !FileManager.default.fileExists(atPath: passFile) {
            let text = passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            FileManager.default.createFile(atPath: passFile, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["member", "show", String(number), "--format", "json"]
        var environment = ProcessInfo.processInfo.environment
        environment["KARTEI_VAULT"] = vaultPath
        environment["KARTEI_IDENTITY"] = identityPath
        environment["KARTEI_PASSPHRASE_FILE"] = passFile
        environment["KARTEI_STATE_DIR"] = (vaultPath as NSString).deletingLastPathComponent + "/state"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError(message: "kartei member show exited with \(process.terminationStatus)")
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Swaps two letters in the middle of a name.
    static func typo(_ name: String) -> String {
        var characters = Array(name)
        guard characters.count > 4 else { return name }
        characters.swapAt(2, 3)
        return String(characters)
    }

    static func latency(_ seconds: [Double]) -> Latency {
        let sorted = seconds.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] * 1000 }
        return Latency(count: sorted.count, p50Milliseconds: at(0.5), p99Milliseconds: at(0.99))
    }

    private func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

public enum MemberBenchmarkText {
    public static func lines(_ r: MemberBenchmark.Result) -> [String] {
        var lines = [
            String(format: "members: %d; vault %.0f MB", r.members, Double(r.vaultBytes) / 1e6),
            String(format: "generate %.1f s + import %.1f s = %.1f s (target ≤ 60 s); closing (checkpoint, who-read index) %.1f s",
                   r.generateSeconds, r.importSeconds, r.generateSeconds + r.importSeconds, r.closeSeconds),
            String(format: "member by number: p50 %.2f ms, p99 %.2f ms (target ≤ 2 ms); plain SQL read, same vault: p50 %.2f ms, p99 %.2f ms",
                   r.lookup.p50Milliseconds, r.lookup.p99Milliseconds, r.rawLookup.p50Milliseconds, r.rawLookup.p99Milliseconds),
            String(format: "district list: %.0f ms per 10,000 rows (longest list, scaled; target ≤ 200 ms); plain SQL: %.0f ms",
                   r.millisecondsPer10kRows, r.rawMillisecondsPer10kRows),
        ]
        for list in r.districtLists {
            lines.append("  \(list.district): \(list.rows) rows in " + String(format: "%.0f ms", list.milliseconds))
        }
        lines.append(String(format: "name search: p50 %.2f ms, p99 %.2f ms (target ≤ 50 ms)", r.search.p50Milliseconds,
                            r.search.p99Milliseconds))
        if let cold = r.coldCommandSeconds {
            lines.append(String(format: "cold command (kartei member show, wall, median of 5): %.3f s (target ≤ 0.5 s)", cold))
        }
        return lines
    }
}
