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

    /// Files the init of `lv.kartei` may leave visible: none, the CA key, the key and the bundle, or
    /// all three. Never the vault without its CA key.
    static let visibleStages: [[String]] = [[], ["lv.kartei.ca-key.pem"], ["lv.kartei.ca-key.pem", "treasurer-1.p12"],
                                            ["lv.kartei", "lv.kartei.ca-key.pem", "treasurer-1.p12"]]

    var initArguments: [String] {
        ["init", "--vault", "lv.kartei", "--treasurer", "Zora Q", "--declaration-date", "01.11.2026"]
    }

    /// The leftovers `vault check` reports for the vault in `folder` (opened with the vault passphrase).
    func checkedLeftovers(_ folder: String) throws -> [String] {
        let check = try cli.run(["vault", "check", "--format", "json"],
                                ["KARTEI_VAULT": folder + "/lv.kartei", "KARTEI_PASSPHRASE_FILE": dir.file("pass.txt")])
        #expect(check.status == 0, "\(check.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let problems = report?["problems"] as? [[String: Any]] ?? []
        return problems.filter { $0["kind"] as? String == "leftoverFile" }.compactMap { $0["file"] as? String }.sorted()
    }

    @Test("an init killed at each of its links: never a vault without its CA key; every leftover is listed by vault check or by the next init, which then works")
    func killedAtEachLink() throws {
        let strace = try #require(which("strace"), "strace is needed (scripts/setup installs it)")
        var killed = 0
        var finished = false
        for link in 1...8 where !finished {
            let folder = dir.file("link\(link)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let run = try runCommand(strace, ["-f", "-qq", "-o", "/dev/null", "-e", "trace=link",
                                              "-e", "inject=link:signal=KILL:when=\(link)", cli.kartei] + initArguments,
                                     environment: cli.environment(secrets), currentDirectory: folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let visible = names.filter { !$0.hasPrefix(".") }
            let hidden = names.filter { $0.hasPrefix(".") }
            #expect(Self.visibleStages.contains(visible), "killed at link \(link): \(names)")
            if run.status == 0 {
                // Fewer links than `link`: the whole init ran, and nothing hidden is left.
                #expect(visible == Self.visibleStages[3] && hidden.isEmpty, "\(names)")
                finished = true
                continue
            }
            killed += 1
            if visible.contains("lv.kartei") {
                // Complete: what is hidden are second names of the published files; vault check lists them.
                #expect(try checkedLeftovers(folder) == hidden, "killed at link \(link)")
                continue
            }
            // No vault: the next init names every file there, in full, and works once they are gone.
            let again = try cli.run(initArguments, secrets, in: folder)
            #expect(again.status == 73, "killed at link \(link): \(again.stderr)")
            #expect(again.stderr.contains("interrupted"), "\(again.stderr)")
            for name in names { #expect(again.stderr.contains(folder + "/" + name), "\(name) not named: \(again.stderr)") }
            for name in names { try FileManager.default.removeItem(atPath: folder + "/" + name) }
            let retry = try cli.run(initArguments, secrets, in: folder)
            #expect(retry.status == 0, "\(retry.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == Self.visibleStages[3])
        }
        #expect(finished, "the init never ran to the end within eight links")
        #expect(killed >= 3, "the key, the bundle and the vault each get their name by a link")
    }

    @Test("vault check lists the hidden files of an interrupted init, also the nested ones earlier versions left; init names them")
    func hiddenLeftoversListed() throws {
        let nested = "..lv.kartei.init-0a1b2c3d4e5f.creating-0a1b2c3d4e5f"
        let bundle = ".lv.kartei.init-0a1b2c3d4e5f.treasurer.p12"
        // Without a vault: init refuses and names the file before any secret is asked for.
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir.file(nested)))
        let refused = try cli.run(initArguments, [:], in: dir.path)
        #expect(refused.status == 73 && refused.stderr.contains(dir.file(nested)), "\(refused.stderr)")
        try FileManager.default.removeItem(atPath: dir.file(nested))

        #expect(try cli.run(initArguments, secrets, in: dir.path).status == 0)
        for name in [nested, bundle] { try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir.file(name))) }
        #expect(try checkedLeftovers(dir.path) == [nested, bundle].sorted())
    }

    @Test("an init killed at any moment leaves no vault at the path, or a complete one with its CA key and bundle")
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
            // The key file and the bundle get their names before the vault: never a vault without them.
            #expect(Self.visibleStages.contains(names), "round \(round): \(names)")
            if names.contains("lv.kartei") { complete += 1 } else { nothing += 1 }
        }
        // The rounds spread over the whole run: some end before, some after the files got their names.
        #expect(nothing > 0, "every round completed: the kill times are too late to test anything")
        #expect(complete + nothing == 8)
    }
}
