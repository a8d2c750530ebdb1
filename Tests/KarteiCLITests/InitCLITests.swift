import Foundation
import KarteiTesting
import Testing

/// `kartei init` as the README gives it: a bare file name, all or nothing, and every precondition
/// checked before a secret is asked for (no terminal here: asking would fail with exit 78).
@Suite("kartei init")
struct InitCLITests {
    let cli: CLITests
    let dir: TemporaryDirectory

    init() throws {
        cli = try CLITests()
        dir = try TemporaryDirectory()
        for (file, text) in [("pass.txt", "the treasurer's vault passphrase"), ("ca-pass.txt", "the CA key's own passphrase")] {
            try (text + "\n").write(toFile: dir.file(file), atomically: true, encoding: .utf8)
            chmod(dir.file(file), 0o600)
        }
    }

    var secrets: [String: String] {
        ["KARTEI_PASSPHRASE_FILE": dir.file("pass.txt"), "KARTEI_CA_PASSPHRASE_FILE": dir.file("ca-pass.txt")]
    }

    /// Everything in the folder except the secret files this suite wrote.
    func made() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix("pass.txt") }.sorted()
    }

    @Test("init --vault lv.kartei in the working directory makes vault, CA key and bundle; a relative backup works")
    func bareFileName() throws {
        let created = try cli.run(["init", "--vault", "lv.kartei", "--treasurer", "Kim Schatz", "--declaration-date", "01.11.2026"],
                                  secrets, in: dir.path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try made() == ["lv.kartei", "lv.kartei.ca-key.pem", "treasurer-1.p12"])
        let transport = try #require(created.stdout.split(separator: "\n").last)
        try (transport + "\n").write(toFile: dir.file("treasurer.pass"), atomically: true, encoding: .utf8)
        chmod(dir.file("treasurer.pass"), 0o600)
        let treasurer = ["KARTEI_VAULT": "lv.kartei", "KARTEI_IDENTITY": "treasurer-1.p12",
                         "KARTEI_PASSPHRASE_FILE": "treasurer.pass"]
        let info = try cli.run(["vault", "info", "--format", "json"], treasurer, in: dir.path)
        #expect(info.status == 0, "\(info.stderr)")
        let kinds = (try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])?["holders"] as? [[String: Any]]
        #expect(kinds?.compactMap { $0["kind"] as? String }.sorted() == ["certificate", "passphrase", "recovery-code"])
        // The recovery code that init added is in the log like every holder.
        let log = try cli.run(["audit", "show", "--action", "vault.holder.add", "--format", "json"], treasurer, in: dir.path)
        #expect(log.status == 0, "\(log.stderr)")
        #expect((try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [Any])?.count == 2)

        let backup = try cli.run(["vault", "backup", "--out", "sicherung.kartei"], treasurer, in: dir.path)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try cli.run(["vault", "check", "--vault", "sicherung.kartei"], treasurer, in: dir.path).status == 0)
        let missing = try cli.run(["vault", "backup", "--out", "usb/sicherung.kartei"], treasurer, in: dir.path)
        #expect(missing.status == 73, "\(missing.stderr)")
        #expect(missing.stderr.contains("folder") && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("kartei init"))
    }

    @Test("a second init over an existing vault is refused before any passphrase is asked for")
    func existingVault() throws {
        #expect(try cli.run(["init", "--vault", "lv.kartei"], secrets, in: dir.path).status == 0)
        // No passphrase files now: asking for one would fail with 78 (no terminal); the refusal comes first.
        let again = try cli.run(["init", "--vault", "lv.kartei", "--ca-key-out", "other.pem"], [:], in: dir.path)
        #expect(again.status == 73, "\(again.stderr)")
        #expect(again.stderr.contains("already exists"))
    }

    @Test("preconditions come before secrets",
          arguments: [
            (["--vault", "neu/lv.kartei"], 73),                                   // folder missing
            (["--vault", "lv.kartei", "--treasurer", "Kim", "--declaration-date", "01.01.2100"], 65), // in the future
            (["--vault", "lv.kartei", "--treasurer", "Kim", "--declaration-date", "31.02.2026"], 64), // no such day
            (["--vault", "lv.kartei", "--treasurer", " ", "--declaration-date", "01.11.2026"], 65),  // no name
            (["--vault", "lv.kartei", "--ca-key-out", "keys/ca.pem"], 73),                 // key folder missing
          ] as [([String], Int32)])
    func preconditions(arguments: [String], status: Int32) throws {
        let result = try cli.run(["init"] + arguments, [:], in: dir.path)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(try made().isEmpty, "nothing may be written")
    }

    @Test("an init killed at any moment leaves no vault at the path, or a complete one")
    func interrupted() throws {
        var env = ProcessInfo.processInfo.environment.merging(secrets) { $1 }
        env["KARTEI_STATE_DIR"] = cli.state.path
        func start(_ folder: String) throws -> ChildProcess {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            return try ChildProcess(cli.kartei, ["init", "--vault", folder + "/lv.kartei", "--treasurer", "Kim Schatz",
                                                 "--declaration-date", "01.11.2026"], environment: env)
        }
        // How long a whole init takes here; the kills are spread over that time.
        let began = Date()
        #expect(try start(dir.file("whole")).waitUntilExit() == 0)
        let duration = Date().timeIntervalSince(began)
        var complete = 0, nothing = 0
        for round in 0..<8 {
            let folder = dir.file("round\(round)")
            let child = try start(folder)
            usleep(useconds_t(duration * 1_000_000 * Double(round + 1) / 9))
            child.kill()
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
            if names.isEmpty {
                nothing += 1
            } else {
                #expect(names == ["lv.kartei", "lv.kartei.ca-key.pem", "treasurer-1.p12"], "round \(round): \(names)")
                complete += 1
            }
        }
        // The rounds spread over the whole run: some end before, some after the files got their names.
        #expect(nothing > 0, "every round completed: the kill times are too late to test anything")
        #expect(complete + nothing == 8)
    }
}
