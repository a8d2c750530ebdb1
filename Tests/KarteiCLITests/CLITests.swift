import Foundation
import KarteiMessages
import KarteiTesting
import Testing

/// End-to-end: the built `kartei` binary, its output streams, languages and exit codes.
@Suite("kartei command line")
struct CLITests {
    let kartei = TestBinaries.path("kartei")

    func run(_ arguments: [String], _ environment: [String: String] = [:], stdin: String? = nil) throws -> CommandResult {
        var env = ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "KARTEI_VAULT": "", "KARTEI_PASSPHRASE_FILE": ""]
        env.merge(environment) { $1 }
        return try runCommand(kartei, arguments, environment: env, stdin: stdin)
    }

    /// A demo installation and its environment.
    func demo(_ dir: TemporaryDirectory, members: Int = 60) throws -> [String: String] {
        let result = try run(["demo", "--dir", dir.file("demo"), "--members", String(members), "--seed", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        return try parseEnvironment(dir.file("demo/treasurer.env"))
    }

    func parseEnvironment(_ path: String) throws -> [String: String] {
        var env: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        where line.hasPrefix("KARTEI_") {
            let parts = line.split(separator: "=", maxSplits: 1)
            env[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        return env
    }

    @Test("demo: a complete installation that the environment file opens")
    func demoInstallation() throws {
        let dir = try TemporaryDirectory()
        let env = try demo(dir)
        #expect(env["KARTEI_VAULT"] == dir.file("demo/vault.kartei"))
        #expect(FileManager.default.fileExists(atPath: dir.file("demo/demo-passphrase.txt")))
        let sourced = try runCommand("/bin/bash", ["-c", ". '\(dir.file("demo/treasurer.env"))' && '\(kartei)' vault info --format json"])
        #expect(sourced.status == 0, "\(sourced.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(sourced.stdout.utf8)) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 1)
        #expect((json?["holders"] as? [Any])?.count == 2)
        #expect(try run(["demo", "--dir", dir.file("demo")]).status == 73, "a non-empty directory is refused")
    }

    @Test("check passes on a demo vault; data on stdout, diagnostics on stderr")
    func check() throws {
        let dir = try TemporaryDirectory()
        let env = try demo(dir)
        let result = try run(["vault", "check"], env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("All good"))
        let json = try run(["vault", "check", "--format", "json"], env)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((report?["pagesChecked"] as? Int ?? 0) > 0)
        #expect((report?["problems"] as? [Any])?.isEmpty == true)
    }

    @Test("German when LANG says so", arguments: ["de_DE.UTF-8", "de_AT"])
    func german(lang: String) throws {
        let dir = try TemporaryDirectory()
        let env = try demo(dir)
        let result = try run(["vault", "check"], env.merging(["LANG": lang]) { $1 })
        #expect(result.stdout.contains("In Ordnung"))
        let help = try run(["vault", "--help"], ["LANG": lang])
        #expect(help.stdout.contains("Arbeitet mit der Tresordatei"))
    }

    @Test("wrong passphrase: message, exit code 80, nothing read")
    func wrongPassphrase() throws {
        let dir = try TemporaryDirectory()
        var env = try demo(dir)
        try "not the passphrase at all\n".write(toFile: dir.file("wrong.txt"), atomically: true, encoding: .utf8)
        env["KARTEI_PASSPHRASE_FILE"] = dir.file("wrong.txt")
        let result = try run(["vault", "info"], env)
        #expect(result.status == 80)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("does not open the vault"))
        let german = try run(["vault", "info"], env.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.stderr.contains("Der Schlüssel öffnet den Tresor"))
        #expect(german.status == 80)
    }

    @Test("exit codes for missing, foreign and plain-SQLite files")
    func badFiles() throws {
        let dir = try TemporaryDirectory()
        let env = try demo(dir)
        #expect(try run(["vault", "info"], ["KARTEI_PASSPHRASE_FILE": env["KARTEI_PASSPHRASE_FILE"]!]).status == 64)
        #expect(try run(["vault", "info", "--vault", dir.file("none.kartei")], env).status == 66)
        try Data(repeating: 7, count: 100_000).write(to: URL(fileURLWithPath: dir.file("noise.bin")))
        #expect(try run(["vault", "info", "--vault", dir.file("noise.bin")], env).status == 84)
        let sqlite3 = try #require(which("sqlite3"))
        _ = try runCommand(sqlite3, [dir.file("plain.db"), "CREATE TABLE t(x);"])
        let plain = try run(["vault", "info", "--vault", dir.file("plain.db")], env)
        #expect(plain.status == 84)
        #expect(plain.stderr.contains("unencrypted SQLite database"))
    }

    @Test("a tampered page: exit code 81 naming the page")
    func tampered() throws {
        let dir = try TemporaryDirectory()
        let env = try demo(dir, members: 400)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: env["KARTEI_VAULT"]!))
        try handle.seek(toOffset: 65_536 + 4096 * 5 + 17)
        let byte = try handle.read(upToCount: 1)![0]
        try handle.seek(toOffset: 65_536 + 4096 * 5 + 17)
        try handle.write(contentsOf: Data([byte ^ 0x01]))
        try handle.close()
        let result = try run(["vault", "check"], env)
        #expect(result.status == 81 || result.status == 85, "\(result.status) \(result.stderr)")
        #expect((result.stdout + result.stderr).contains("page 6"))
    }

    @Test("init, recovery code, holders, backup, rekey, holder removal")
    func lifecycle() throws {
        let dir = try TemporaryDirectory()
        let vault = dir.file("lv.kartei")
        try "the treasurer's passphrase\n".write(toFile: dir.file("pass.txt"), atomically: true, encoding: .utf8)
        chmod(dir.file("pass.txt"), 0o600)
        let env = ["KARTEI_VAULT": vault, "KARTEI_PASSPHRASE_FILE": dir.file("pass.txt")]
        let created = try run(["init"], env)
        #expect(created.status == 0, "\(created.stderr)")
        let code = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code.count == 44 && code.split(separator: "-").count == 9, "the recovery code is the only stdout")
        #expect(try run(["init"], env).status == 73)

        try (code + "\n").write(toFile: dir.file("code.txt"), atomically: true, encoding: .utf8)
        let viaCode = try run(["vault", "info", "--recovery-code-file", dir.file("code.txt")], ["KARTEI_VAULT": vault])
        #expect(viaCode.status == 0, "\(viaCode.stderr)")
        try "0000-0000\n".write(toFile: dir.file("typo.txt"), atomically: true, encoding: .utf8)
        #expect(try run(["vault", "info", "--recovery-code-file", dir.file("typo.txt")], ["KARTEI_VAULT": vault]).status == 65)

        #expect(try run(["vault", "backup", "--out", dir.file("b.kartei")], env).status == 0)
        #expect(try run(["vault", "check", "--vault", dir.file("b.kartei")], env).status == 0)

        let holders = try run(["vault", "holder", "list", "--format", "json"], env)
        let list = try JSONSerialization.jsonObject(with: Data(holders.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 2)
        let recoveryID = try #require(list?.first { $0["kind"] as? String == "recovery-code" }?["id"] as? String)
        let removed = try run(["vault", "holder", "remove", recoveryID], env)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try run(["vault", "info", "--recovery-code-file", dir.file("code.txt")], ["KARTEI_VAULT": vault]).status == 80)
        #expect(try run(["vault", "rekey"], env).status == 0)
        #expect(try run(["vault", "check"], env).status == 0)
    }

    @Test("a short passphrase is refused with exit code 65 and no file")
    func shortPassphrase() throws {
        let dir = try TemporaryDirectory()
        try "short\n".write(toFile: dir.file("p.txt"), atomically: true, encoding: .utf8)
        let result = try run(["init", "--vault", dir.file("v.kartei"), "--passphrase-file", dir.file("p.txt")])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: dir.file("v.kartei")))
    }
}
