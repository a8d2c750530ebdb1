import Foundation
import KarteiTesting
import Testing

/// Money on the command line and in files (docs/FINANCE.md, "Amounts"), and corrections of the
/// donations ledger with reproducible receipts, through the built binary on a demo installation.
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
        #expect(try cli.run(["donation", "correct", "1", "--amount", "1,500", "--reason", "Tippfehler"], nowhere).status == 65)
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

    @Test("donation cancel and correct append to the ledger; receipts use valid entries and reproduce an earlier state")
    func corrections() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        let officer = try cli.parseEnvironment(dir.file("demo/district.env"))
        func add(_ name: String, _ amount: String, _ date: String) throws -> Int {
            let result = try cli.run(["donation", "add", "--name", name, "--street", "Hauptstraße 1", "--postal-code", "04109",
                                      "--city", "Leipzig", "--amount", amount, "--date", date, "--format", "json"], treasurer)
            #expect(result.status == 0, "\(result.stderr)")
            return try #require((try json(result.stdout) as? [String: Any])?["id"] as? Int)
        }
        let typo = try add("Erika Beispiel", "150,00", "01.03.2026")
        let second = try add("Erika Beispiel", "50", "02.03.2026")
        let returned = try add("Max Muster", "20,00", "03.03.2026")

        let earlier = try cli.run(["donation", "receipts", "--year", "2026", "--format", "json"], treasurer)
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let asRecorded = try #require((try json(earlier.stdout) as? [String: Any])?["asRecorded"] as? String)
        let earlierCSV = try cli.run(["donation", "receipts", "--year", "2026", "--format", "csv", "--as-recorded", asRecorded],
                                     treasurer)
        #expect(earlierCSV.stdout.contains(";\(typo);01.03.2026;150,00;money"), "\(earlierCSV.stdout)")

        // The district officer may do neither; the ledger stays as it is.
        let ledger = try donations(treasurer)
        #expect(try cli.run(["donation", "cancel", String(returned), "--reason", "Rückbuchung"], officer).status == 77)
        #expect(try cli.run(["donation", "correct", String(typo), "--amount", "1.500,00", "--reason", "Tippfehler"], officer).status == 77)

        let corrected = try cli.run(["donation", "correct", String(typo), "--amount", "1.500,00", "--reason", "Tippfehler",
                                     "--format", "json"], treasurer)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let replacement = try #require(try json(corrected.stdout) as? [String: Any])
        let replacementID = try #require(replacement["id"] as? Int)
        #expect(replacement["amountCents"] as? Int == 1_500_00 && replacement["corrects"] as? Int == typo)
        #expect(replacement["receivedOn"] as? String == "2026-03-01" && replacement["donorName"] as? String == "Erika Beispiel")
        let cancelled = try cli.run(["donation", "cancel", String(returned), "--reason", "Rückbuchung"], treasurer)
        #expect(cancelled.status == 0 && cancelled.stdout.contains("#\(returned)"), "\(cancelled.stderr)")

        // Clear errors, and nothing changes.
        let afterCorrections = try donations(treasurer)
        let twice = try cli.run(["donation", "cancel", String(returned), "--reason", "nochmal"], treasurer)
        #expect(twice.status == 65 && twice.stderr.contains("#\(returned)"), "\(twice.stderr)")
        let again = try cli.run(["donation", "correct", String(typo), "--amount", "15,00", "--reason", "nochmal"], treasurer)
        #expect(again.status == 65 && again.stderr.contains("#\(replacementID)"), "\(again.stderr)")
        #expect(try cli.run(["donation", "cancel", "999999", "--reason", "x"], treasurer).status == 65)
        #expect(try cli.run(["donation", "correct", String(second), "--amount", "1.500", "--reason", "x"], treasurer).status == 65)
        #expect(try cli.run(["donation", "correct", String(second), "--reason", "x"], treasurer).status == 64, "nothing to correct")
        #expect(try cli.run(["donation", "correct", String(second), "--amount", "50,00", "--reason", "x"], treasurer).status == 65,
                "the same amount is no correction")
        #expect(try cli.run(["donation", "cancel", String(second), "--reason", " "], treasurer).status == 64, "a reason is needed")
        #expect(try donations(treasurer).count == afterCorrections.count)

        // The list keeps every entry and shows its state; nothing was edited or deleted.
        let list = try donations(treasurer)
        #expect(list.count == ledger.count + 1)
        let original = try #require(list.first { $0["id"] as? Int == typo })
        #expect(original["amountCents"] as? Int == 150_00)
        let cancellation = try #require(original["cancellation"] as? [String: Any])
        #expect(cancellation["replacementID"] as? Int == replacementID && cancellation["reason"] as? String == "Tippfehler")
        let plain = try #require(list.first { $0["id"] as? Int == returned }?["cancellation"] as? [String: Any])
        #expect(plain["replacementID"] == nil && plain["reason"] as? String == "Rückbuchung")
        let text = try cli.run(["donation", "list", "--year", "2026"], treasurer)
        #expect(text.stdout.contains("cancelled") && text.stdout.contains("by #\(replacementID); Tippfehler")
                && text.stdout.contains("corrects #\(typo)"), "\(text.stdout)")

        // Receipts: only valid entries.
        let now = try cli.run(["donation", "receipts", "--year", "2026", "--format", "csv"], treasurer)
        #expect(now.stdout.contains(";\(replacementID);01.03.2026;1500,00;money") && now.stdout.contains(";1550,00;1;"),
                "\(now.stdout)")
        #expect(!now.stdout.contains(";\(typo);01.03.2026;") && !now.stdout.contains("Max Muster"), "\(now.stdout)")
        // The receipts of before the corrections, exactly.
        let reproduced = try cli.run(["donation", "receipts", "--year", "2026", "--format", "json", "--as-recorded", asRecorded],
                                     treasurer)
        #expect(reproduced.status == 0 && reproduced.stdout == earlier.stdout)
        let reproducedCSV = try cli.run(["donation", "receipts", "--year", "2026", "--format", "csv", "--as-recorded", asRecorded],
                                        treasurer)
        #expect(reproducedCSV.stdout == earlierCSV.stdout)
        #expect(try cli.run(["donation", "receipts", "--year", "2026", "--as-recorded", "gestern"], treasurer).status == 65)
    }
}
