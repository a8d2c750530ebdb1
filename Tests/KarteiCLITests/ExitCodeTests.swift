import Foundation
import KarteiMessages
import KarteiTesting
import Testing

/// Every exit code of docs/CLI.md, provoked with the built binary by a cause a user or an attacker
/// would meet; each time stderr says what happened in words (no Swift error dump).
@Suite("kartei exit codes")
struct ExitCodeTests {
    let cli: CLITests
    let dir: TemporaryDirectory

    init() throws {
        cli = try CLITests()
        dir = try TemporaryDirectory()
    }

    /// The codes the tests below provoke; docs/CLI.md's table must list exactly these.
    static let provoked: Set<Int32> = [0, 1, 64, 65, 66, 73, 74, 75, 77, 78, 80, 81, 82, 83, 84, 85, 86, 87, 88]

    /// Runs kartei without a controlling terminal (as in CI), so a prompt fails at once even when
    /// the tests run in a terminal.
    func detached(_ arguments: [String], _ environment: [String: String]) throws -> CommandResult {
        guard let setsid = which("setsid") else { return try cli.run(arguments, environment) }
        return try runCommand(setsid, ["--wait", cli.kartei] + arguments, environment: cli.environment(environment))
    }

    /// The exit code, and a message on stderr that mentions `words`: kartei's own line, or the
    /// option parser's for usage errors; never a Swift error dump.
    func expectExit(_ result: CommandResult, _ code: Int32, mentioning words: [String] = [],
                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == code, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let stderr = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if code != 0 {
            #expect(stderr.hasPrefix("kartei: ") || stderr.hasPrefix("Error: "), "\(stderr)", sourceLocation: sourceLocation)
        }
        for dump in ["Unexpected error", "Error Domain=", "CoreError", "VaultError", "Fatal error", ".swift:"] {
            #expect(!stderr.contains(dump), "\(stderr)", sourceLocation: sourceLocation)
        }
        for word in words { #expect(stderr.contains(word), "\(word) in: \(stderr)", sourceLocation: sourceLocation) }
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = dir.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    func flip(_ path: String, at offset: UInt64) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data([byte ^ 0x01]))
    }

    func copy(_ from: String, _ to: String) throws {
        try? FileManager.default.removeItem(atPath: to)
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("the exit-code table of docs/CLI.md lists every code of KarteiExitCode, and this suite provokes each")
    func documentedCodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/CLI.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Exit codes").last?.components(separatedBy: "\n## ").first)
        let documented = Set(section.split(separator: "\n").compactMap { line -> Int32? in
            guard line.hasPrefix("| ") else { return nil }
            return Int32(line.dropFirst(2).prefix { $0.isNumber })
        })
        #expect(documented == Set(KarteiExitCode.allCases.map(\.rawValue)))
        #expect(documented == Self.provoked)
    }

    // MARK: 0

    @Test("0: a vault named through a symbolic link, and a relative --vault, open")
    func linkedAndRelative() throws {
        let env = try cli.demo(dir)
        let link = dir.file("lv.kartei")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "demo/vault.kartei")
        expectExit(try cli.run(["vault", "info", "--vault", link], env), 0)
        expectExit(try cli.run(["vault", "info", "--vault", "lv.kartei"], env, in: dir.path), 0)
        expectExit(try cli.run(["vault", "info", "--vault", "vault.kartei"], env, in: dir.file("demo")), 0)
    }

    // MARK: 1

    @Test("1: a certificate for a user whose data-protection declaration is not on file")
    func failureNotListed() throws {
        let env = try cli.demo(dir)
        let added = try cli.run(["user", "add", "--name", "Neue Kraft", "--role", "office", "--format", "json"], env)
        expectExit(added, 0)
        let id = try #require(try jsonObject(added.stdout)["id"] as? Int)
        let issued = try cli.run(["user", "issue", String(id), "--out", dir.file("neu.p12")], env)
        expectExit(issued, 1, mentioning: ["data-protection declaration", "kartei user declaration \(id)"])
        #expect(!FileManager.default.fileExists(atPath: dir.file("neu.p12")))
    }

    // MARK: 64

    @Test("64: no vault, a value the option does not offer, a missing option, nothing to correct")
    func usage() throws {
        let env = try cli.demo(dir)
        var noVault = env
        noVault["KARTEI_VAULT"] = ""
        expectExit(try cli.run(["vault", "info"], noVault), 64, mentioning: ["--vault", "KARTEI_VAULT"])
        expectExit(try cli.run(["user", "list", "--format", "xml"], env), 64, mentioning: ["xml"])
        expectExit(try cli.run(["user", "add", "--role", "office"], env), 64, mentioning: ["--name"])
        expectExit(try cli.run(["donation", "correct", "1", "--reason", "Tippfehler"], env), 64, mentioning: ["--amount"])
    }

    // MARK: 65

    @Test("65: a file that is no checkpoint, a recovery code with a typo, an unclear amount, an unknown member or key holder")
    func badInput() throws {
        let env = try cli.demo(dir)
        let junk = try write("this is not a checkpoint\n", "junk.checkpoint")
        expectExit(try cli.run(["audit", "verify", "--checkpoint", junk], env), 65, mentioning: [junk, "not an audit checkpoint"])
        let typo = try write("0000-0000\n", "typo.txt")
        expectExit(try cli.run(["vault", "info", "--recovery-code-file", typo], ["KARTEI_VAULT": env["KARTEI_VAULT"] ?? ""]), 65)
        expectExit(try cli.run(["donation", "add", "--anonymous", "--amount", "1.500"], env), 65, mentioning: ["1.500"])
        expectExit(try cli.run(["member", "show", "999999"], env), 65, mentioning: ["999999"])
        expectExit(try cli.run(["vault", "holder", "remove", String(repeating: "0", count: 32)], env), 65,
                   mentioning: ["no key holder", "kartei vault holder list"])
    }

    // MARK: 66

    @Test("66: a vault, a checkpoint, a passphrase file, an identity or an import file that is not there")
    func noInput() throws {
        let env = try cli.demo(dir)
        let missing = dir.file("nowhere/none.kartei")
        expectExit(try cli.run(["vault", "info", "--vault", dir.file("none.kartei")], env), 66, mentioning: ["none.kartei"])
        expectExit(try cli.run(["audit", "verify", "--checkpoint", dir.file("last.checkpoint")], env), 66,
                   mentioning: [dir.file("last.checkpoint")])
        expectExit(try cli.run(["vault", "info", "--passphrase-file", dir.file("pass.txt")], env), 66,
                   mentioning: [dir.file("pass.txt")])
        expectExit(try cli.run(["vault", "info", "--identity", dir.file("anja.p12")], env), 66, mentioning: [dir.file("anja.p12")])
        expectExit(try cli.run(["member", "import", dir.file("members.csv")], env), 66, mentioning: [dir.file("members.csv")])
        let csr = try cli.run(["user", "issue", "2", "--csr", dir.file("req.pem"), "--out", dir.file("c.pem")], env)
        expectExit(csr, 66, mentioning: [dir.file("req.pem")])
        #expect(!csr.stderr.contains("secret"), "a certificate request is no secret: \(csr.stderr)")
        expectExit(try cli.run(["vault", "info", "--vault", missing], env), 66)
    }

    // MARK: 73

    @Test("73: a backup over a file, a demo into a full folder, an output folder that does not exist")
    func cannotCreate() throws {
        let env = try cli.demo(dir)
        let taken = try write("mine\n", "taken.kartei")
        expectExit(try cli.run(["vault", "backup", "--out", taken], env), 73, mentioning: [taken])
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "mine\n")
        expectExit(try cli.run(["demo", "--dir", dir.file("demo")]), 73)
        expectExit(try cli.run(["ca", "crl", "--out", dir.file("usb/crl.pem")], env), 73, mentioning: [dir.file("usb")])
    }

    // MARK: 74

    @Test("74: writing where even root cannot: a file in /proc, a client state folder in /proc")
    func ioError() throws {
        let env = try cli.demo(dir)
        expectExit(try cli.run(["ca", "crl", "--out", "/proc/self/kartei-crl.pem"], env), 74, mentioning: ["/proc/self/kartei-crl.pem"])
        // The district is added and in the vault's log; only this computer's copy of the checkpoint failed.
        let unwritable = try cli.run(["org", "district", "add", "Testkreis"], env.merging(["KARTEI_STATE_DIR": "/proc/self/kartei"]) { $1 })
        expectExit(unwritable, 74, mentioning: ["/proc/self/kartei", "KARTEI_STATE_DIR"])
        let districts = try cli.run(["org", "district", "list"], env)
        expectExit(districts, 0)
        #expect(districts.stdout.contains("Testkreis"))
    }

    // MARK: 75

    @Test("75: a rekey while another process has the vault open")
    func busy() throws {
        let env = try cli.demo(dir)
        let vault = try #require(env["KARTEI_VAULT"])
        let holder = try ChildProcess(TestBinaries.path("KarteiTestWriter"), ["hold", vault, dir.file("demo/demo-passphrase.txt")])
        defer { holder.kill() }
        #expect(holder.waitForLine { $0.hasPrefix("ready") } != nil, "holder: \(holder.standardError)")
        expectExit(try cli.run(["vault", "rekey"], env), 75, mentioning: [vault])
    }

    // MARK: 77

    @Test("77: a district officer asks for the user list")
    func permissionDenied() throws {
        _ = try cli.demo(dir)
        let officer = try cli.parseEnvironment(dir.file("demo/district.env"))
        expectExit(try cli.run(["user", "list"], officer), 77, mentioning: ["district officer Leipzig"])
    }

    // MARK: 78

    @Test("78: no terminal to ask on; each message names the option that gives the secret in a file")
    func noTerminal() throws {
        let env = try cli.demo(dir)
        var noPassphrase = env
        noPassphrase["KARTEI_PASSPHRASE_FILE"] = ""
        expectExit(try detached(["vault", "info"], noPassphrase), 78, mentioning: ["--passphrase-file", "KARTEI_PASSPHRASE_FILE"])

        var noCAPassphrase = env
        noCAPassphrase["KARTEI_CA_PASSPHRASE_FILE"] = ""
        expectExit(try detached(["user", "renew", "2", "--out", dir.file("r.p12")], noCAPassphrase), 78,
                   mentioning: ["--ca-passphrase-file", "KARTEI_CA_PASSPHRASE_FILE"])

        var officer = try cli.parseEnvironment(dir.file("demo/district.env"))
        officer["KARTEI_HOLDER_PASSPHRASE_FILE"] = ""
        expectExit(try detached(["org", "district", "list"], officer), 78,
                   mentioning: ["--holder-passphrase-file", "KARTEI_HOLDER_PASSPHRASE_FILE"])

        expectExit(try cli.run(["member", "export-approval", "5"], env), 0)
        let approver = try detached(["member", "export", "--purpose", "mailing", "--reason", "Einladung", "--recipient", "Vorstand",
                                     "--out", dir.file("list.csv"), "--approver-identity", dir.file("demo/keys/server.p12")], env)
        expectExit(approver, 78, mentioning: ["--approver-passphrase-file"])
        #expect(!approver.stderr.contains("--passphrase-file or"), "\(approver.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("list.csv")))

        expectExit(try detached(["vault", "holder", "add-passphrase", "--label", "Stellvertretung"], env), 78,
                   mentioning: ["--new-passphrase-file"])
    }

    @Test("78: an empty passphrase file, a district officer without a key holder to work through")
    func configuration() throws {
        let env = try cli.demo(dir)
        let empty = try write("\n", "empty.txt")
        expectExit(try cli.run(["vault", "info", "--passphrase-file", empty], env), 78, mentioning: [empty])
        var alone = try cli.parseEnvironment(dir.file("demo/district.env"))
        alone["KARTEI_HOLDER_IDENTITY"] = ""
        expectExit(try cli.run(["org", "district", "list"], alone), 78)
    }

    // MARK: 80–84: the vault file

    @Test("80: a wrong passphrase for the identity and for the vault")
    func wrongKey() throws {
        let env = try cli.demo(dir)
        let wrong = try write("not the passphrase at all\n", "wrong.txt")
        expectExit(try cli.run(["vault", "info", "--passphrase-file", wrong], env), 80, mentioning: ["identity"])
        let vaultOnly = ["KARTEI_VAULT": env["KARTEI_VAULT"] ?? "", "KARTEI_PASSPHRASE_FILE": wrong]
        expectExit(try cli.run(["vault", "info"], vaultOnly), 80, mentioning: ["vault"])
    }

    @Test("81: a changed byte in page 1 is named when the vault is opened")
    func tampered() throws {
        let env = try cli.demo(dir)
        try flip(try #require(env["KARTEI_VAULT"]), at: 65_536 + 100)
        expectExit(try cli.run(["vault", "info"], env), 81, mentioning: ["Page 1", "vault.kartei"])
    }

    @Test("82: a vault cut to its 64 KiB header region, or inside a page")
    func damaged() throws {
        let env = try cli.demo(dir)
        let vault = try #require(env["KARTEI_VAULT"])
        for size in [65_536, 65_536 + 4096 * 3 + 100] {
            let cut = dir.file("cut-\(size).kartei")
            try copy(vault, cut)
            #expect(truncate(cut, off_t(size)) == 0)
            let result = try cli.run(["vault", "info", "--vault", cut], env)
            expectExit(result, 82, mentioning: [cut])
            #expect(!result.stderr.contains("kartei init"), "\(result.stderr)")
        }
    }

    @Test("83: a vault whose superblock says format 2")
    func newerFormat() throws {
        let env = try cli.demo(dir)
        let vault = try #require(env["KARTEI_VAULT"])
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: vault))
        try handle.seek(toOffset: 16)
        try handle.write(contentsOf: Data([0, 2]))
        try handle.close()
        expectExit(try cli.run(["vault", "info"], env), 83, mentioning: ["format 2"])
    }

    @Test("84: random bytes and a plain SQLite database")
    func notAVault() throws {
        let env = try cli.demo(dir)
        try Data(repeating: 7, count: 100_000).write(to: URL(fileURLWithPath: dir.file("noise.bin")))
        expectExit(try cli.run(["vault", "info", "--vault", dir.file("noise.bin")], env), 84)
        let sqlite3 = try #require(which("sqlite3"))
        _ = try runCommand(sqlite3, [dir.file("plain.db"), "CREATE TABLE t(x);"])
        expectExit(try cli.run(["vault", "info", "--vault", dir.file("plain.db")], env), 84, mentioning: ["SQLite"])
    }

    // MARK: 85

    @Test("85: vault check finds a changed page that opening the vault does not read")
    func checkFailed() throws {
        let env = try cli.demo(dir)
        let vault = try #require(env["KARTEI_VAULT"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: vault)[.size] as? Int)
        let pages = (size - 65_536) / 4096
        // Opening reads page 1, the schema and the tables it needs; most member pages it does not.
        var found: Int?
        for page in stride(from: pages / 2, through: pages, by: 1) where found == nil {
            let copy = dir.file("p\(page).kartei")
            try self.copy(vault, copy)
            try flip(copy, at: UInt64(65_536 + (page - 1) * 4096 + 100))
            let result = try cli.run(["vault", "check", "--vault", copy], env)
            #expect(result.status == 85 || result.status == 81, "page \(page): \(result.status) \(result.stderr)")
            if result.status == 85 {
                expectExit(result, 85)
                #expect(result.stdout.contains("page \(page)"), "\(result.stdout)")
                found = page
            }
        }
        #expect(found != nil, "no page of \(pages) left unread by opening")
    }

    // MARK: 86

    @Test("86: a locked user, and everyone working through a revoked key holder")
    func identityRefused() throws {
        let env = try cli.demo(dir)
        let officer = try cli.parseEnvironment(dir.file("demo/district.env"))
        let locked = try cli.run(["user", "lock", "3"], env)
        expectExit(locked, 0)
        expectExit(try cli.run(["org", "district", "list"], officer), 86, mentioning: ["locked"])
        expectExit(try cli.run(["user", "unlock", "3"], env), 0)
        expectExit(try cli.run(["org", "district", "list"], officer), 0)

        // The demo server (user 6) holds a key; revoked, it is removed as a holder, and the new
        // data key goes to the holders that are left.
        let holders = try cli.run(["vault", "holder", "list", "--format", "json"], env)
        let before = try #require(try JSONSerialization.jsonObject(with: Data(holders.stdout.utf8)) as? [Any]).count
        let revoked = try cli.run(["user", "revoke", "6"], env)
        expectExit(revoked, 0)
        #expect(revoked.stdout.contains("\(before - 1) key holders received the new key"), "\(before): \(revoked.stdout)")
        expectExit(try cli.run(["org", "district", "list"], officer), 86, mentioning: ["--holder-identity", "no longer holds a key"])
    }

    // MARK: 87

    @Test("87: an older copy put back where the vault was; accepted on purpose, it opens again")
    func rollback() throws {
        let env = try cli.demo(dir)
        let vault = try #require(env["KARTEI_VAULT"])
        try copy(vault, dir.file("older.kartei"))
        expectExit(try cli.run(["org", "district", "add", "Testkreis"], env), 0)
        try copy(dir.file("older.kartei"), vault)
        expectExit(try cli.run(["vault", "info"], env), 87, mentioning: ["kartei audit accept-rollback"])
        expectExit(try cli.run(["audit", "accept-rollback"], env), 0)
        expectExit(try cli.run(["vault", "info"], env), 0)
    }

    // MARK: 88

    @Test("88: audit verify with a checkpoint of another vault, and with a changed one")
    func auditInvalid() throws {
        let env = try cli.demo(dir)
        let other = try TemporaryDirectory()
        let otherEnv = try cli.demo(other, members: 5)
        let foreign = try cli.run(["audit", "checkpoint"], otherEnv)
        expectExit(foreign, 0)
        let foreignFile = try write(foreign.stdout, "other.checkpoint")
        let result = try cli.run(["audit", "verify", "--checkpoint", foreignFile], env)
        expectExit(result, 88, mentioning: ["another vault"])
        #expect(!result.stderr.contains("The log was changed"), "\(result.stderr)")

        let own = try cli.run(["audit", "checkpoint"], env)
        expectExit(own, 0)
        var lines = own.stdout.components(separatedBy: "\n")
        // Line 3 is the root hash (base64): one changed character, still a well-formed checkpoint.
        let root = lines[2]
        lines[2] = (root.hasPrefix("A") ? "B" : "A") + root.dropFirst()
        let changed = try write(lines.joined(separator: "\n"), "changed.checkpoint")
        let verify = try cli.run(["audit", "verify", "--checkpoint", changed], env)
        expectExit(verify, 88, mentioning: ["PROBLEM", "signature of the checkpoint given"])
        expectExit(try cli.run(["audit", "verify", "--checkpoint", try write(own.stdout, "own.checkpoint")], env), 0)
    }
}
