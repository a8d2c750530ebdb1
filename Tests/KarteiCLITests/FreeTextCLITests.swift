import Foundation
import KarteiCore
import KarteiCrypto
import KarteiTesting
import Testing

/// Finding M1 with the built binary: free text with line breaks and terminal escapes is refused
/// (exit 65, nothing recorded), and whatever the log holds — also from before the rule — is never
/// printed raw (docs/CLI.md, "Output").
@Suite("Free text on the command line")
struct FreeTextCLITests {
    static let forged = "x\n180  2026-12-04T20:15:20.000Z  treasurer 5728a5e3e569  memberRead member×1  success"

    /// A control character other than the line breaks kartei lays out itself.
    static func hasRawControl(_ text: String, allowingLineBreaks: Bool = true) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowingLineBreaks && (scalar == "\n" || scalar == "\r") { return false }
            return TextRule.isControl(scalar) || TextRule.isInvisible(scalar)
        }
    }

    static func entries(_ cli: CLITests, _ env: [String: String]) throws -> [[String: Any]] {
        let shown = try cli.run(["audit", "show", "--format", "json"], env)
        #expect(shown.status == 0, "\(shown.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
    }

    @Test("the three commands of finding M1 are refused with exit 65, name the option and the code point, record nothing")
    func replayM1() throws {
        let cli = try CLITests()
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir)
        let district = try cli.parseEnvironment(dir.file("demo/district.env"))
        let statistician = try cli.parseEnvironment(dir.file("demo/statistician.env"))
        let before = try Self.entries(cli, treasurer).count

        let forged = try cli.run(["member", "list", "--purpose", Self.forged], district)
        #expect(forged.status == 65, "\(forged.stderr)")
        #expect(forged.stderr.contains("purpose") && forged.stderr.contains("U+000A"), "\(forged.stderr)")
        #expect(forged.stdout.isEmpty)
        #expect(!forged.stderr.contains("5728a5e3e569"), "the message must not repeat the text")

        let denied = try cli.run(["member", "list", "--purpose", "S\u{1B}[2Kfake"], statistician)
        #expect(denied.status == 65, "refused as bad input before the access decision: \(denied.stderr)")
        #expect(denied.stderr.contains("U+001B"), "\(denied.stderr)")
        #expect(!Self.hasRawControl(denied.stderr))

        let export = try cli.run(["member", "export", "--purpose", "mailing", "--reason", "R\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}",
                                  "--recipient", "x", "--out", dir.file("e.csv")], district)
        #expect(export.status == 65, "\(export.stderr)")
        #expect(export.stderr.contains("reason") && export.stderr.contains("U+001B"), "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("e.csv")))

        // German too.
        let german = try cli.run(["member", "list", "--purpose", "S\u{1B}[2Kfake"], district.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.status == 65)
        #expect(german.stderr.contains("Steuerzeichen U+001B"), "\(german.stderr)")

        // Nothing of it reached the log: the treasurer's view has no forged line, no escape.
        let after = try Self.entries(cli, treasurer)
        // Between: only the opening of the vault by each command, and the treasurer's own first `audit show`.
        #expect(Set(after.dropFirst(before).compactMap { $0["action"] as? String }) == ["vault.open", "auditRead"])
        #expect(!after.contains { ($0["purpose"] as? String ?? "").contains("fake") || ($0["purpose"] as? String ?? "").contains("180") })
        let text = try cli.run(["audit", "show", "--limit", "8"], treasurer)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!Self.hasRawControl(text.stdout))
        #expect(!text.stdout.contains("5728a5e3e569"))
    }

    @Test("names and reasons of every kind are refused the same way")
    func otherOptions() throws {
        let cli = try CLITests()
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir)
        let escape = "Zyx\u{1B}[2K"
        let commands: [([String], String)] = [
            (["user", "add", "--name", escape, "--role", "office", "--declaration-date", "01.11.2026"], "name"),
            (["donation", "add", "--amount", "10,00", "--name", escape, "--street", "Weg 1", "--postal-code", "04109",
              "--city", "Leipzig"], "name"),
            (["org", "district", "add", escape], "name"),
            (["member", "list", "--purpose", String(repeating: "x", count: 120_000)], "purpose"),
            (["member", "list", "--purpose", "Ver\u{AD}sand"], "purpose"),
            (["org", "caucus", "add", "T" + String(repeating: "\u{0301}", count: 500)], "name"),
        ]
        for (command, field) in commands {
            let result = try cli.run(command, treasurer)
            #expect(result.status == 65, "\(command.prefix(3)): \(result.stderr)")
            #expect(result.stderr.contains("\"\(field)\""), "\(command.prefix(3)): \(result.stderr)")
            #expect(!Self.hasRawControl(result.stderr))
        }
        let passphrase = dir.file("deputy.txt")
        try "eine lange Passphrase der Stellvertretung\n".write(toFile: passphrase, atomically: true, encoding: .utf8)
        chmod(passphrase, 0o600)
        var vault = treasurer
        vault["KARTEI_IDENTITY"] = ""
        vault["KARTEI_PASSPHRASE_FILE"] = dir.file("demo/demo-passphrase.txt")
        let label = try cli.run(["vault", "holder", "add-passphrase", "--label", "Stell\u{1B}vertretung",
                                 "--new-passphrase-file", passphrase], vault)
        #expect(label.status == 65, "\(label.stderr)")
        #expect(label.stderr.contains("\"label\""), "\(label.stderr)")
        let users = try cli.run(["user", "list", "--format", "json"], treasurer)
        #expect(!users.stdout.contains("Zyx"))
        let districts = try cli.run(["org", "district", "list"], treasurer)
        #expect(!districts.stdout.contains("Zyx"))
    }

    @Test("text stored before the rule is printed escaped: audit show, who-read, district and user list, in text, CSV and JSON")
    func storedBefore() throws {
        let cli = try CLITests()
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir)
        let purpose = Self.forged + "\u{1B}[2K\u{9B}31m\u{7F}\u{202E}"
        let name = "Mall\u{1B}]52;c;cHduZWQ=\u{07}ory"
        // Written around the rule, through the core's own API, as data from an older kartei would be.
        let passphrase = try String(contentsOfFile: dir.file("demo/demo-passphrase.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let session = try KarteiSession.open(at: try #require(treasurer["KARTEI_VAULT"]),
                                             credentials: SessionCredentials(vaultSecret: .passphrase(SecretBytes(copying: Array(passphrase.utf8)))))
        let principal = Principal(kind: .user, userID: 99, name: name, role: .office, scope: .all, credential: "5728a5e3e569aa",
                                  client: "local")
        try session.vault.write { db in
            _ = try AuditLog.append(AuditEvent(at: session.now, principal: principal, action: "memberRead", objectType: "member",
                                               objectIDs: ["4711"], purpose: purpose, outcome: .success), db)
            try db.execute(sql: "INSERT INTO district (name, createdAt) VALUES (?, ?)", arguments: ["Atlan\u{1B}[2Ktis", session.now])
            try db.execute(sql: "UPDATE user SET name = ? WHERE role = 'statistician'", arguments: ["Stat\u{9B}2J\nis\u{202E}tik"])
        }
        try session.close()

        let text = try cli.run(["audit", "show", "--limit", "3"], treasurer)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!Self.hasRawControl(text.stdout))
        #expect(text.stdout.contains("x⟨U+000A⟩180  2026-12-04T20:15:20.000Z"), "\(text.stdout)")
        #expect(text.stdout.contains("⟨U+001B⟩[2K⟨U+009B⟩31m⟨U+007F⟩⟨U+202E⟩"), "\(text.stdout)")
        // No line of its own starts with the forged sequence number.
        #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("180 ") })

        let csv = try cli.run(["audit", "show", "--actor", "5728a5e3", "--format", "csv"], treasurer)
        #expect(csv.stdout.hasPrefix("\u{FEFF}seq;"), "the byte-order mark of a CSV file stays")
        #expect(!Self.hasRawControl(csv.stdout.replacingOccurrences(of: "\u{FEFF}", with: "")))
        #expect(csv.stdout.contains("x⟨U+000A⟩180"))

        let json = try cli.run(["audit", "show", "--actor", "5728a5e3", "--format", "json"], treasurer)
        #expect(!Self.hasRawControl(json.stdout))
        #expect(json.stdout.contains("\\u009b"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.contains { $0["purpose"] as? String == purpose }, "JSON keeps the value exactly")

        let who = try cli.run(["audit", "who-read", "4711", "--purpose", "Auskunft nach Art. 15"], treasurer)
        #expect(who.status == 0, "\(who.stderr)")
        #expect(!Self.hasRawControl(who.stdout))
        #expect(who.stdout.contains("Mall⟨U+001B⟩]52;c;cHduZWQ=⟨U+0007⟩ory"), "\(who.stdout)")
        #expect(who.stdout.split(separator: "\n").count == 1)

        let districts = try cli.run(["org", "district", "list"], treasurer)
        #expect(!Self.hasRawControl(districts.stdout))
        #expect(districts.stdout.contains("Atlan⟨U+001B⟩[2Ktis"))

        let users = try cli.run(["user", "list"], treasurer)
        #expect(users.status == 0, "\(users.stderr)")
        #expect(!Self.hasRawControl(users.stdout))
        #expect(users.stdout.contains("Stat⟨U+009B⟩2J⟨U+000A⟩is⟨U+202E⟩tik"), "\(users.stdout)")
    }

    @Test("a value the argument parser repeats is shown escaped too")
    func parserMessage() throws {
        let cli = try CLITests()
        let result = try cli.run(["user", "add", "--name", "x", "--role", "ad\u{1B}[2Kmin"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("ad⟨U+001B⟩[2Kmin"), "\(result.stderr)")
        #expect(!Self.hasRawControl(result.stderr))
    }
}
