import Foundation
import KarteiTesting
import Testing

/// Money on the command line and in files (docs/FINANCE.md, "Amounts"), through the built binary
/// on a demo installation.
@Suite("kartei dues and donations")
struct FinanceCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func donations(_ env: [String: String]) throws -> [[String: Any]] {
        let result = try cli.run(["donation", "list", "--year", "2026", "--format", "json"], env)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try json(result.stdout) as? [[String: Any]])
    }

    func duesCents(_ number: String, _ env: [String: String]) throws -> Int? {
        let show = try cli.run(["member", "show", number, "--format", "json"], env)
        return ((try json(show.stdout) as? [String: Any])?["current"] as? [String: Any])?["duesCents"] as? Int
    }

    func firstMember(_ env: [String: String]) throws -> String {
        let list = try cli.run(["member", "list", "--format", "csv"], env).stdout.split(separator: "\r\n").dropFirst()
        return try #require(list.first?.split(separator: ";").first.map(String.init))
    }

    @Test("--amount 150.00 records 150,00 €; --amount 1.500 is refused with the reason before the vault is opened")
    func amountOption() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 20)
        let added = try cli.run(["donation", "add", "--anonymous", "--amount", "150.00", "--date", "01.03.2026", "--format", "json"],
                                treasurer)
        #expect(added.status == 0, "\(added.stderr)")
        let donation = try #require(try json(added.stdout) as? [String: Any])
        #expect(donation["amountCents"] as? Int == 150_00)
        #expect((donation["flags"] as? [String])?.isEmpty == true, "150 € is no anonymous donation above the limit")
        let text = try cli.run(["donation", "add", "--anonymous", "--amount", "1500.5", "--date", "01.03.2026", "--cash"], treasurer)
        #expect(text.status == 0 && text.stdout.contains("1500,50 €"), "\(text.stdout)\(text.stderr)")

        let before = try donations(treasurer).count
        let ambiguous = try cli.run(["donation", "add", "--anonymous", "--amount", "1.500"], treasurer)
        #expect(ambiguous.status == 65, "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("--amount") && ambiguous.stderr.contains("ambiguous")
                && ambiguous.stderr.contains("1.500,00"), "\(ambiguous.stderr)")
        let german = try cli.run(["donation", "add", "--anonymous", "--amount", "1.500"], treasurer.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.status == 65 && german.stderr.contains("mehrdeutig"), "\(german.stderr)")
        for bad in ["150,001", "15O", "1 500", "-20", " ", "1,500", "100000000", "1.500.00"] {
            let refused = try cli.run(["donation", "add", "--anonymous", "--amount=\(bad)"], treasurer)
            #expect(refused.status == 65, "\(bad): \(refused.stderr)")
        }
        #expect(try donations(treasurer).count == before, "nothing was recorded")

        // The amount is checked before any secret is asked for or any vault is looked for.
        let nowhere = ["KARTEI_VAULT": dir.file("nowhere.kartei")]
        let early = try cli.run(["donation", "add", "--anonymous", "--amount", "1.500"], nowhere)
        #expect(early.status == 65 && early.stderr.contains("ambiguous"), "\(early.stderr)")
        #expect(try cli.run(["member", "change", "100001", "--dues", "3.000"], nowhere).status == 65)
    }

    @Test("member change --dues 3.00 gives 3,00 €; --dues 1.500 is refused and nothing changes")
    func duesOption() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        let number = try firstMember(treasurer)
        let changed = try cli.run(["member", "change", number, "--dues", "3.00"], treasurer)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try duesCents(number, treasurer) == 3_00)
        let refused = try cli.run(["member", "change", number, "--dues", "1.500"], treasurer)
        #expect(refused.status == 65 && refused.stderr.contains("--dues"), "\(refused.stderr)")
        #expect(try duesCents(number, treasurer) == 3_00)
        let added = try cli.run(["member", "add", "--given-name", "Jonas", "--family-name", "Probe", "--district", "Leipzig",
                                 "--entry-date", "01.01.2020", "--dues", "12.5"], treasurer)
        #expect(added.status == 0, "\(added.stderr)")
    }

    @Test("CSV files: dues 3.00 are 3 €; 1.500 is refused by line and column and nothing is imported")
    func files() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        let header = "Mitgliedsnummer;Vorname;Nachname;Kreisverband;Eintritt;Beitrag\r\n"
        try (header + "200001;Anna;Muster;Leipzig;01.02.2015;3.00\r\n").write(toFile: dir.file("good.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["member", "import", dir.file("good.csv")], treasurer)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try duesCents("200001", treasurer) == 3_00)

        try (header + "200002;Bernd;Probe;Leipzig;01.02.2015;1.500\r\n200003;Clara;Neu;Leipzig;01.02.2015;5,00\r\n")
            .write(toFile: dir.file("bad.csv"), atomically: true, encoding: .utf8)
        let refused = try cli.run(["member", "import", dir.file("bad.csv")], treasurer)
        #expect(refused.status == 65 && refused.stderr.contains("line 2, column 6 (Beitrag)")
                && refused.stderr.contains("ambiguous"), "\(refused.stderr)")
        #expect(try cli.run(["member", "show", "200003"], treasurer).status == 65, "the whole file is refused")

        let table = "Bezeichnung;Einkommen von;Einkommen bis;Beitrag\r\nA;0;1.500;5,00\r\n"
        try table.write(toFile: dir.file("table.csv"), atomically: true, encoding: .utf8)
        let set = try cli.run(["dues", "table", "set", dir.file("table.csv")], treasurer)
        #expect(set.status == 65 && set.stderr.contains("line 2, column 3 (Einkommen bis)"), "\(set.stderr)")

        let number = try firstMember(treasurer)
        try ("Buchungstag;Verwendungszweck;Betrag\r\n02.03.2026;Beitrag \(number);1,500\r\n")
            .write(toFile: dir.file("bank.csv"), atomically: true, encoding: .utf8)
        let bank = try cli.run(["dues", "import-payments", dir.file("bank.csv")], treasurer)
        #expect(bank.status == 65 && bank.stderr.contains("line 2, column 3 (Betrag)"), "\(bank.stderr)")
    }
}
