import Foundation
import KarteiTesting
import Testing

/// The order of checks in the finance and import commands, and the dates they accept, through the
/// built binary on a demo installation: access is decided before a file is read; a donation
/// whose retention already ran out and a receipts instant in the future are refused.
@Suite("kartei dues, donations and imports: order of checks, dates")
struct FinanceOrderCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    func write(_ text: String, _ path: String) throws -> String {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a district officer gets 77 for dues table set, import-payments, member import and transfer in, whatever the file holds")
    func accessBeforeFile() throws {
        let dir = try TemporaryDirectory()
        _ = try cli.demo(dir, members: 10)
        let officer = try cli.parseEnvironment(dir.file("demo/district.env"))
        // A bank statement where a dues table belongs, a dues table where members belong, noise as a package.
        let bank = try write("Buchungstag;Verwendungszweck;Betrag\r\n02.03.2026;Beitrag 100001;12,00\r\n", dir.file("bank.csv"))
        let table = try write("Bezeichnung;Einkommen von;Einkommen bis;Beitrag\r\nA;0;;5,00\r\n", dir.file("table.csv"))
        let noise = try write("not a package", dir.file("package.bin"))
        for arguments in [["dues", "table", "set", bank], ["dues", "import-payments", table], ["member", "import", table],
                          ["transfer", "in", noise, "--district", "Leipzig"]] {
            let result = try cli.run(arguments, officer)
            #expect(result.status == 77, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("district officer Leipzig may not"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("column") && !result.stderr.contains("CA key"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("an unknown column in a dues table points to docs/FINANCE.md and does not repeat the header text")
    func duesTableColumns() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        let file = try write("Buchungstag;Verwendungszweck;Betrag\r\n02.03.2026;Beitrag 100001;12,00\r\n", dir.file("bank.csv"))
        let result = try cli.run(["dues", "table", "set", file], treasurer)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("line 1, column 2") && result.stderr.contains("docs/FINANCE.md"), "\(result.stderr)")
        #expect(!result.stderr.contains("MEMBERS.md") && !result.stderr.contains("Verwendungszweck"), "\(result.stderr)")
    }

    @Test("a donation dated 01.01.1900 is refused, also as a correction: its retention ran out in 1910")
    func donationLongAgo() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        func count() throws -> Int {
            let list = try cli.run(["donation", "list", "--year", "1900", "--format", "json"], treasurer)
            #expect(list.status == 0, "\(list.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count ?? -1
        }
        let added = try cli.run(["donation", "add", "--anonymous", "--amount", "5", "--date", "01.01.1900"], treasurer)
        #expect(added.status == 65, "\(added.stderr)")
        #expect(added.stderr.contains("retention") && added.stderr.contains("31.12.1910"), "\(added.stderr)")
        let german = try cli.run(["donation", "add", "--anonymous", "--amount", "5", "--date", "01.01.1900"],
                                 treasurer.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.status == 65 && german.stderr.contains("Aufbewahrungsfrist"), "\(german.stderr)")
        #expect(try count() == 0)

        let recent = try cli.run(["donation", "add", "--anonymous", "--amount", "5", "--date", "heute", "--format", "json"], treasurer)
        #expect(recent.status == 0, "\(recent.stderr)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(recent.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        let corrected = try cli.run(["donation", "correct", String(id), "--date", "01.01.1900", "--reason", "Tippfehler"], treasurer)
        #expect(corrected.status == 65 && corrected.stderr.contains("retention"), "\(corrected.stderr)")
        #expect(try count() == 0)
    }

    @Test("donation receipts --as-recorded in the future is refused with exit 64; the instant a run printed still works")
    func asRecordedFuture() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        for instant in ["2099-01-01T00:00:00Z", "01.01.2099"] {
            let result = try cli.run(["donation", "receipts", "--year", "2026", "--as-recorded", instant], treasurer)
            #expect(result.status == 64, "\(instant): \(result.stderr)")
            #expect(result.stderr.contains("in the future") && result.stdout.isEmpty, "\(instant): \(result.stderr)")
        }
        let now = try cli.run(["donation", "receipts", "--year", "2026", "--format", "json"], treasurer)
        let printed = try #require((try JSONSerialization.jsonObject(with: Data(now.stdout.utf8)) as? [String: Any])?["asRecorded"] as? String)
        #expect(try cli.run(["donation", "receipts", "--year", "2026", "--as-recorded", printed], treasurer).status == 0)
    }
}
