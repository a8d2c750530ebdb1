import Foundation
import KarteiTesting
import Testing

/// The member commands as scripts use them (docs/MEMBERS.md): the JSON contract of `member list`,
/// `member show`, all-or-nothing `member import`, district scope, `generate`.
@Suite("kartei member")
struct MemberCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    func role(_ dir: TemporaryDirectory, _ name: String) throws -> [String: String] {
        try cli.parseEnvironment(dir.file("demo/\(name).env"))
    }

    @Test("member list --format json: objects with number, givenName, familyName, district, status; --as-of; scope")
    func listContract() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 300)
        let result = try cli.run(["member", "list", "--format", "json", "--as-of", "2026-12-31"], treasurer)
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(!list.isEmpty)
        for object in list {
            for key in ["number", "givenName", "familyName", "district", "status"] { #expect(object[key] != nil, "\(key)") }
            #expect(object["status"] as? String == "active")
        }
        let all = try cli.run(["member", "list", "--format", "json", "--status", "all", "--as-of", "2026-12-31"], treasurer)
        let everyone = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(everyone.count == 300)
        let earlier = try cli.run(["member", "list", "--format", "json", "--as-of", "01.01.2000"], treasurer)
        let then = try #require(try JSONSerialization.jsonObject(with: Data(earlier.stdout.utf8)) as? [[String: Any]])
        #expect(then.count < list.count, "fewer members in 2000 than at the end of 2026")

        let district = try role(dir, "district")
        let own = try cli.run(["member", "list", "--format", "json"], district)
        let ownList = try #require(try JSONSerialization.jsonObject(with: Data(own.stdout.utf8)) as? [[String: Any]])
        #expect(!ownList.isEmpty && ownList.allSatisfy { $0["district"] as? String == "Leipzig" })
        let other = try cli.run(["member", "list", "--district", "Dresden"], district)
        #expect(other.status == 77 && other.stdout.isEmpty)
        #expect(other.stderr.contains("Dresden"))

        let number = try #require(ownList.first?["number"] as? Int)
        let show = try cli.run(["member", "show", String(number), "--format", "json"], district)
        #expect(show.status == 0)
        #expect(show.stdout.contains("\"history\"") && show.stdout.contains("\"schemaVersion\" : 1"))
        #expect(try cli.run(["member", "show", "999999"], treasurer).status == 65)
        #expect(try cli.run(["member", "show", "abc"], treasurer).status == 64)
    }

    @Test("member import: a bad file is refused with every problem by line and column, exit 65, nothing changes")
    func importAllOrNothing() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 50)
        func count() throws -> Int {
            let out = try cli.run(["member", "list", "--status", "all", "--as-of", "2030-01-01", "--format", "json"], treasurer)
            return (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [Any])?.count ?? -1
        }
        let before = try count()
        let bad = dir.file("bad.csv")
        try ("\u{FEFF}Vorname;Nachname;Kreisverband;Eintritt;Geburtsdatum\r\n"
            + "Anna;Beispiel;Leipzig;01.12.2026;03.04.1990\r\n"
            + "Bernd;Test;Atlantis;01.12.2026;03.04.1980\r\n"
            + "Carla;Probe;Leipzig;31.02.2026;01.01.1970\r\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try cli.run(["member", "import", bad], treasurer)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 3, column 3 (Kreisverband)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("line 4, column 4 (Eintritt)"), "\(refused.stderr)")
        #expect(try count() == before)
        let german = try cli.run(["member", "import", bad], treasurer.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.stderr.contains("Zeile 3, Spalte 3") && german.stderr.contains("nichts wurde importiert"))

        let good = dir.file("good.csv")
        try ("Vorname;Nachname;Kreisverband;Eintritt\r\nAnna;Beispiel;Leipzig;01.12.2026\r\n")
            .write(toFile: good, atomically: true, encoding: .utf8)
        let imported = try cli.run(["member", "import", good], treasurer)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try count() == before + 1)
        let search = try cli.run(["member", "search", "beispiel, anna", "--format", "json"], treasurer)
        #expect(search.stdout.contains("\"familyName\" : \"Beispiel\""))
    }

    @Test("generate writes the import file deterministically; member add/change/event from the command line")
    func generateAndLifecycle() throws {
        let dir = try TemporaryDirectory()
        let a = try cli.run(["generate", "--members", "20", "--seed", "4"])
        let b = try cli.run(["generate", "--members", "20", "--seed", "4"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout.hasPrefix("\u{FEFF}number;kind;status;"))
        #expect(a.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 21)

        let treasurer = try cli.demo(dir, members: 10)
        let added = try cli.run(["member", "add", "--given-name", "Jonas", "--family-name", "Probe", "--district", "Leipzig",
                                 "--birth-date", "01.01.1990", "--entry-date", "01.01.2020", "--format", "json"], treasurer)
        #expect(added.status == 0, "\(added.stderr)")
        let number = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])["number"] as? Int
        let moved = try cli.run(["member", "change", String(number!), "--district", "Dresden", "--valid-from", "01.06.2022",
                                 "--reason", "Umzug"], treasurer)
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try cli.run(["member", "event", String(number!), "resign", "--date", "31.12.2023"], treasurer).status == 0)
        let early = try cli.run(["member", "event", String(number!), "death", "--date", "01.01.2021"], treasurer)
        #expect(early.status == 65, "before the last event")
        let show = try cli.run(["member", "show", String(number!), "--as-of", "2022-01-01"], treasurer)
        #expect(show.stdout.contains("Leipzig") && show.stdout.contains("member, active"))
        let later = try cli.run(["member", "show", String(number!), "--as-of", "2024-01-01"], treasurer)
        #expect(later.stdout.contains("Dresden") && later.stdout.contains("member, resigned"))
    }

    @Test("member list --format csv imports into a fresh vault and lists again byte for byte")
    func listRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let source = try cli.demo(dir, members: 150)
        let added = try cli.run(["member", "add", "--given-name", "Anna", "--family-name", "Probe", "--phone", "+49 341 1234567",
                                 "--street", "=Hauptstraße", "--district", "Leipzig", "--entry-date", "01.01.2020"], source)
        #expect(added.status == 0, "\(added.stderr)")
        let exported = try cli.run(["member", "list", "--format", "csv", "--status", "all"], source)
        #expect(exported.status == 0 && exported.stdout.contains(";'+49 341 1234567;"), "\(exported.stderr)")
        let file = dir.file("liste.csv")
        try exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)

        let empty = try cli.run(["demo", "--dir", dir.file("empty"), "--members", "0", "--seed", "3"])
        #expect(empty.status == 0, "\(empty.stderr)")
        let target = try cli.parseEnvironment(dir.file("empty/treasurer.env"))
        let imported = try cli.run(["member", "import", file], target)
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try cli.run(["member", "list", "--format", "csv", "--status", "all"], target)
        #expect(again.stdout == exported.stdout)
        // A header alone, and an empty file, say so.
        try "\u{FEFF}number;kind;status;givenName;familyName;district;entryDate\r\n".write(toFile: dir.file("kopf.csv"),
                                                                                         atomically: true, encoding: .utf8)
        let header = try cli.run(["member", "import", dir.file("kopf.csv")], target)
        #expect(header.status == 65 && header.stderr.contains("has a header line but no data lines"), "\(header.stderr)")
        try "".write(toFile: dir.file("leer.csv"), atomically: true, encoding: .utf8)
        let none = try cli.run(["member", "import", dir.file("leer.csv")], target.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(none.status == 65 && none.stderr.contains("leer.csv ist leer"), "\(none.stderr)")
    }

    @Test("member search says on stderr how many it left out; JSON on stdout stays an array")
    func searchCut() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 20)
        for given in ["Anna", "Bea", "Cem"] {
            #expect(try cli.run(["member", "add", "--given-name", given, "--family-name", "Groß-Schäfer", "--district",
                                 "Leipzig"], treasurer).status == 0)
        }
        let cut = try cli.run(["member", "search", "Schaefer", "--limit", "2", "--format", "json"], treasurer)
        #expect(cut.status == 0)
        #expect(cut.stderr.contains("2 of 3 matches shown; use --limit 3 to show them all."), "\(cut.stderr)")
        #expect((try JSONSerialization.jsonObject(with: Data(cut.stdout.utf8)) as? [Any])?.count == 2)
        let german = try cli.run(["member", "search", "Schaefer", "--limit", "2"], treasurer.merging(["LANG": "de_DE.UTF-8"]) { $1 })
        #expect(german.stderr.contains("2 von 3 Treffern angezeigt; mit --limit 3 werden alle angezeigt."))
        let all = try cli.run(["member", "search", "Schaefer"], treasurer)
        #expect(all.stderr.isEmpty && all.stdout.components(separatedBy: "(part)").count == 4, "\(all.stdout)")
    }

    @Test("member export --purpose cards: HTML only, new members of one district with --entered-since")
    func cards() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 100)
        let added = try cli.run(["member", "add", "--given-name", "Neu", "--family-name", "Probe", "--district", "Leipzig",
                                 "--format", "json"], treasurer)
        let object = try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any]
        let today = try #require(object?["entryDate"] as? String, "\(added.stdout)")
        let base = ["member", "export", "--purpose", "cards", "--reason", "Ausweise Neumitglieder", "--recipient", "Druckerei",
                    "--district", "Leipzig"]
        let svg = try cli.run(base + ["--out", dir.file("ausweise.svg")], treasurer)
        #expect(svg.status == 64 && svg.stderr.contains("name a file ending in .html, not ausweise.svg"), "\(svg.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("ausweise.svg")))
        let new = try cli.run(base + ["--out", dir.file("neu.html"), "--entered-since", String(today)], treasurer)
        #expect(new.status == 0, "\(new.stderr)")
        let html = try String(contentsOfFile: dir.file("neu.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.components(separatedBy: "<section class=\"sheet\">").count == 2)
        #expect(html.contains(">Neu Probe<") && html.components(separatedBy: "<rect ").count - 1 >= 1)
        let whole = try cli.run(base + ["--out", dir.file("alle.html")], treasurer)
        #expect(whole.status == 0)
        let count = { (text: String) in text.components(separatedBy: "<rect ").count - 1 }
        #expect(count(html) < count(try String(contentsOfFile: dir.file("alle.html"), encoding: .utf8)), "not the whole district")
    }
}
