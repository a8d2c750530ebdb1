import Foundation
import KarteiMessages
import KarteiTesting
import Testing

/// End-to-end: the built `kartei` binary, its output streams, languages and exit codes.
@Suite("kartei command line")
struct CLITests {
    let kartei = TestBinaries.path("kartei")
    /// This test's client state (audit checkpoints), never the runner's home.
    let state: TemporaryDirectory

    init() throws { state = try TemporaryDirectory("kartei-state") }

    func run(_ arguments: [String], _ environment: [String: String] = [:], stdin: String? = nil,
             in directory: String? = nil) throws -> CommandResult {
        try runCommand(kartei, arguments, environment: self.environment(environment), stdin: stdin, currentDirectory: directory)
    }

    /// English, this test's client state, and none of the runner's own KARTEI_ settings; then `extra`.
    func environment(_ extra: [String: String]) -> [String: String] {
        var env = ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "KARTEI_VAULT": "", "KARTEI_PASSPHRASE_FILE": "",
                   "KARTEI_STATE_DIR": state.path, "KARTEI_IDENTITY": "", "KARTEI_HOLDER_IDENTITY": "",
                   "KARTEI_CA_PASSPHRASE_FILE": "", "KARTEI_CA_KEY": "", "KARTEI_HOLDER_PASSPHRASE_FILE": "",
                   "KARTEI_RECOVERY_CODE_FILE": ""]
        env.merge(extra) { $1 }
        return env
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
        let sourced = try runCommand("/bin/bash", ["-c", ". '\(dir.file("demo/treasurer.env"))' && '\(kartei)' vault info --format json"],
                                     environment: ["KARTEI_STATE_DIR": state.path])
        #expect(sourced.status == 0, "\(sourced.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(sourced.stdout.utf8)) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 1)
        // Vault passphrase, recovery code, and the treasurer's, the office's and the server's certificates.
        #expect((json?["holders"] as? [[String: Any]])?.map { $0["kind"] as? String ?? "" }.sorted()
                == ["certificate", "certificate", "certificate", "passphrase", "recovery-code"])
        for role in ["treasurer", "office", "district", "statistician", "auditor", "server"] {
            #expect(FileManager.default.fileExists(atPath: dir.file("demo/\(role).env")))
            #expect(FileManager.default.fileExists(atPath: dir.file("demo/keys/\(role).p12")))
        }
        #expect(try String(contentsOfFile: dir.file("demo/district.env"), encoding: .utf8).contains("KARTEI_DEMO_DISTRICT='Leipzig'"))
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

    @Test("wrong passphrases: of the identity and of the vault, exit code 80, nothing read")
    func wrongPassphrase() throws {
        let dir = try TemporaryDirectory()
        var env = try demo(dir)
        try "not the passphrase at all\n".write(toFile: dir.file("wrong.txt"), atomically: true, encoding: .utf8)
        chmod(dir.file("wrong.txt"), 0o600)
        env["KARTEI_PASSPHRASE_FILE"] = dir.file("wrong.txt")
        let result = try run(["vault", "info"], env)
        #expect(result.status == 80)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("does not open the identity"))
        let german = try run(["vault", "info"], env.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.stderr.contains("öffnet die Identität"))
        // Without an identity the passphrase file is the vault's.
        var vaultOnly = env
        vaultOnly["KARTEI_IDENTITY"] = ""
        let vault = try run(["vault", "info"], vaultOnly)
        #expect(vault.status == 80)
        #expect(vault.stderr.contains("does not open the vault"))
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

    /// `kartei init` with CA and treasurer, as a treasurer would run it; returns the treasurer's
    /// environment and the recovery code.
    func initialize(_ dir: TemporaryDirectory) throws -> (env: [String: String], recoveryCode: String) {
        let vault = dir.file("lv.kartei")
        for (file, text) in [("pass.txt", "the treasurer's vault passphrase"), ("ca-pass.txt", "the CA key's own passphrase")] {
            try (text + "\n").write(toFile: dir.file(file), atomically: true, encoding: .utf8)
            chmod(dir.file(file), 0o600)
        }
        let created = try run(["init", "--vault", vault, "--passphrase-file", dir.file("pass.txt"),
                               "--ca-passphrase-file", dir.file("ca-pass.txt"), "--treasurer", "Kim Schatz",
                               "--declaration-date", "01.11.2026", "--identity-out", dir.file("treasurer.p12")])
        #expect(created.status == 0, "\(created.stderr)")
        // stdout holds exactly the two secrets: the recovery code, then the bundle's transport passphrase.
        let lines = created.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.split(separator: "-").count == 9)
        try ((lines.last ?? "") + "\n").write(toFile: dir.file("treasurer.pass"), atomically: true, encoding: .utf8)
        chmod(dir.file("treasurer.pass"), 0o600)
        #expect(FileManager.default.fileExists(atPath: vault + ".ca-key.pem"))
        return (["KARTEI_VAULT": vault, "KARTEI_IDENTITY": dir.file("treasurer.p12"),
                 "KARTEI_PASSPHRASE_FILE": dir.file("treasurer.pass"), "KARTEI_CA_KEY": vault + ".ca-key.pem",
                 "KARTEI_CA_PASSPHRASE_FILE": dir.file("ca-pass.txt")], lines.first ?? "")
    }

    @Test("init, recovery code, holders, backup, rekey, holder removal")
    func lifecycle() throws {
        let dir = try TemporaryDirectory()
        let (env, code) = try initialize(dir)
        let vault = env["KARTEI_VAULT"]!
        #expect(try run(["init", "--vault", vault, "--passphrase-file", dir.file("pass.txt"),
                         "--ca-passphrase-file", dir.file("ca-pass.txt"), "--ca-key-out", dir.file("other.pem")]).status == 73)

        try (code + "\n").write(toFile: dir.file("code.txt"), atomically: true, encoding: .utf8)
        chmod(dir.file("code.txt"), 0o600)
        let viaCode = try run(["vault", "info", "--recovery-code-file", dir.file("code.txt")], ["KARTEI_VAULT": vault])
        #expect(viaCode.status == 0, "\(viaCode.stderr)")
        try "0000-0000\n".write(toFile: dir.file("typo.txt"), atomically: true, encoding: .utf8)
        #expect(try run(["vault", "info", "--recovery-code-file", dir.file("typo.txt")], ["KARTEI_VAULT": vault]).status == 65)

        #expect(try run(["vault", "backup", "--out", dir.file("b.kartei")], env).status == 0)
        #expect(try run(["vault", "check", "--vault", dir.file("b.kartei")], env).status == 0)

        let holders = try run(["vault", "holder", "list", "--format", "json"], env)
        let list = try JSONSerialization.jsonObject(with: Data(holders.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 3, "passphrase, recovery code, treasurer certificate")
        let recoveryID = try #require(list?.first { $0["kind"] as? String == "recovery-code" }?["id"] as? String)
        let removed = try run(["vault", "holder", "remove", recoveryID], env)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try run(["vault", "info", "--recovery-code-file", dir.file("code.txt")], ["KARTEI_VAULT": vault]).status == 80)
        #expect(try run(["vault", "rekey"], env).status == 0)
        #expect(try run(["vault", "check"], env).status == 0)
    }

    @Test("the treasurer registers a district officer, delivers the bundle, the officer works in scope, is revoked, is refused")
    func districtOfficerLifecycle() throws {
        let openssl = try #require(which("openssl"))
        let dir = try TemporaryDirectory()
        let (treasurer, _) = try initialize(dir)
        #expect(try run(["org", "district", "add", "Leipzig"], treasurer).status == 0)
        #expect(try run(["org", "district", "add", "Dresden"], treasurer).status == 0)
        let added = try run(["user", "add", "--name", "Anja Seifert", "--role", "district", "--district", "Leipzig",
                             "--format", "json"], treasurer)
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        // No declaration, no certificate.
        let refused = try run(["user", "issue", String(id), "--out", dir.file("anja.p12")], treasurer)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("data-protection declaration"))
        #expect(try run(["user", "declaration", String(id), "2026-11-02"], treasurer).status == 0)
        let issued = try run(["user", "issue", String(id), "--out", dir.file("anja.p12")], treasurer)
        #expect(issued.status == 0, "\(issued.stderr)")
        let transport = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(transport.split(separator: "-").count == 5)
        try (transport + "\n").write(toFile: dir.file("anja.pass"), atomically: true, encoding: .utf8)
        chmod(dir.file("anja.pass"), 0o600)

        // The server: a key holder the district officer works through.
        let server = try run(["user", "add", "--name", "kartei-server", "--role", "server", "--declaration-date", "2026-11-01",
                              "--format", "json"], treasurer)
        let serverID = try #require((try JSONSerialization.jsonObject(with: Data(server.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        let serverIssued = try run(["user", "issue", String(serverID), "--out", dir.file("server.p12"), "--dns", "localhost"], treasurer)
        try (serverIssued.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "\n")
            .write(toFile: dir.file("server.pass"), atomically: true, encoding: .utf8)
        chmod(dir.file("server.pass"), 0o600)
        #expect(try run(["vault", "holder", "add-certificate", String(serverID)], treasurer).status == 0)

        let anja = ["KARTEI_VAULT": treasurer["KARTEI_VAULT"]!, "KARTEI_IDENTITY": dir.file("anja.p12"),
                    "KARTEI_PASSPHRASE_FILE": dir.file("anja.pass"), "KARTEI_HOLDER_IDENTITY": dir.file("server.p12"),
                    "KARTEI_HOLDER_PASSPHRASE_FILE": dir.file("server.pass")]
        #expect(try run(["org", "district", "list"], anja).status == 0)
        let denied = try run(["user", "list"], anja)
        #expect(denied.status == 77)
        #expect(denied.stderr.contains("district officer Leipzig may not read users"))
        #expect(try run(["vault", "check"], anja).status == 77)
        // Without a holder the officer cannot open the vault at all.
        var alone = anja
        alone["KARTEI_HOLDER_IDENTITY"] = ""
        #expect(try run(["org", "district", "list"], alone).status == 78)

        // openssl agrees: valid now.
        let ca = dir.file("ca.pem")
        let caOut = try run(["ca", "cert"], treasurer)
        try caOut.stdout.write(toFile: ca, atomically: true, encoding: .utf8)
        let crl1 = dir.file("crl1.pem")
        try run(["ca", "crl"], treasurer).stdout.write(toFile: crl1, atomically: true, encoding: .utf8)
        let leaf = dir.file("anja.pem")
        let extracted = try runCommand(openssl, ["pkcs12", "-in", dir.file("anja.p12"), "-passin", "file:\(dir.file("anja.pass"))",
                                                 "-nokeys", "-clcerts", "-out", leaf])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let verify = { (crl: String) in
            try runCommand(openssl, ["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", ca, "-crl_check",
                                     "-CRLfile", crl, leaf])
        }
        #expect(try verify(crl1).status == 0)
        let text = try runCommand(openssl, ["x509", "-in", leaf, "-noout", "-text"]).stdout
        #expect(text.contains("/role/district/Leipzig"))

        // Revoked: refused at once, and openssl says so with the new CRL.
        let revokeOutput = try run(["user", "revoke", String(id)], treasurer)
        #expect(revokeOutput.status == 0)
        #expect(revokeOutput.stdout.hasPrefix("User \(id) revoked; 1 certificate revoked.\n"), "\(revokeOutput.stdout)")
        let afterRevoke = try run(["org", "district", "list"], anja)
        #expect(afterRevoke.status == 86)
        #expect(afterRevoke.stderr.contains("revoked") || afterRevoke.stderr.contains("left"))
        let crl2 = dir.file("crl2.pem")
        #expect(try run(["ca", "crl", "--out", crl2], treasurer).status == 0)
        let revoked = try verify(crl2)
        #expect(revoked.status != 0)
        #expect((revoked.stdout + revoked.stderr).contains("certificate revoked"))

        let users = try run(["user", "list", "--format", "json"], treasurer)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(users.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["id"] as? Int == id })
        for key in ["id", "name", "role", "scope", "serial", "status"] { #expect(row[key] != nil, "\(key)") }
        #expect(row["status"] as? String == "revoked")
    }

    @Test("a short passphrase is refused with exit code 65 and no file")
    func shortPassphrase() throws {
        let dir = try TemporaryDirectory()
        try "short\n".write(toFile: dir.file("p.txt"), atomically: true, encoding: .utf8)
        chmod(dir.file("p.txt"), 0o600)
        let result = try run(["init", "--vault", dir.file("v.kartei"), "--passphrase-file", dir.file("p.txt")])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: dir.file("v.kartei")))
    }

    @Test("dues and donations: table, bank import all or nothing, arrears, scope, donation note")
    func finance() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try demo(dir)
        let officer = try parseEnvironment(dir.file("demo/district.env"))
        let table = "Bezeichnung;Einkommen von;Einkommen bis;Beitrag\r\nbefreit;0;;0\r\nA;0;1.000,00;5,00\r\nB;1.000,01;;10,00\r\n"
        try table.write(toFile: dir.file("table.csv"), atomically: true, encoding: .utf8)
        let set = try run(["dues", "table", "set", dir.file("table.csv"), "--valid-from", "01.01.2026"], treasurer)
        #expect(set.status == 0, "\(set.stderr)")

        // number;kind;status;…;district (column 14)
        let members = try run(["member", "list", "--format", "csv"], treasurer).stdout.split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let leipzig = try #require(members.first { $0[13] == "Leipzig" }?[0])
        let elsewhere = try #require(members.first { $0[13] != "Leipzig" }?[0])

        let header = "Buchungstag;Valuta;Verwendungszweck;Betrag;Waehrung\r\n"
        try (header + "02.03.2026;02.03.2026;Beitrag \(leipzig) 2026;12,00;EUR\r\n02.03.2026;02.03.2026;Beitrag \(elsewhere);-5,00;EUR\r\n")
            .write(toFile: dir.file("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try run(["dues", "import-payments", dir.file("bad.csv")], treasurer)
        #expect(bad.status == 65 && bad.stderr.contains("line 3, column 4 (Betrag)"), "\(bad.stderr)")
        try (header + "02.03.2026;02.03.2026;Beitrag \(leipzig) 2026;12,00;EUR\r\n")
            .write(toFile: dir.file("good.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["dues", "import-payments", dir.file("good.csv")], treasurer).status == 0)
        #expect(try run(["dues", "import-payments", dir.file("good.csv")], treasurer).status == 65, "a file is booked once")

        let arrears = try run(["dues", "arrears", "--as-of", "2026-12-31", "--format", "json"], treasurer)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(arrears.stdout.utf8)) as? [String: Any])
        // The demo's own dues table starts the books in January 2024; the table above replaces it from 2026.
        #expect(json["schemaVersion"] as? Int == 1 && json["accountingStart"] as? String == "2024-01")
        #expect(try run(["dues", "arrears"], officer).status == 0)
        let denied = try run(["dues", "arrears", "--district", "Dresden"], officer)
        #expect(denied.status == 77 && denied.stderr.contains("district officer Leipzig"), "\(denied.stderr)")
        #expect(try run(["donation", "list", "--year", "2026"], officer).status == 77)

        let donation = try run(["donation", "add", "--member", leipzig, "--amount", "36.000,01", "--date", "01.03.2026"], treasurer)
        #expect(donation.status == 0 && donation.stderr.contains("35.000"), "\(donation.stderr)")
        let receipts = try run(["donation", "receipts", "--year", "2026", "--format", "csv"], treasurer)
        #expect(receipts.stdout.contains(";\(leipzig);36000,01;0;1;1;"), "\(receipts.stdout)")
        #expect(try run(["donation", "add", "--anonymous", "--member", leipzig, "--amount", "5"], treasurer).status == 64)
    }
}
