import Foundation
import KarteiTesting
import Testing

/// No personal data in error messages (docs/SECURITY.md): a wrong birth date, a name typed where a
/// member number belongs and the first line of an import file without a header are refused
/// without being repeated on stderr.
@Suite("kartei messages repeat no personal data")
struct PersonalDataMessageCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    @Test("--birth-date 31.02.1948 in member add, change and rectify: a usage error (64) that does not repeat the date")
    func birthDate() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        let list = try cli.run(["member", "list", "--format", "csv"], treasurer).stdout.split(separator: "\r\n").dropFirst()
        let number = try #require(list.first?.split(separator: ";").first.map(String.init))
        for arguments in [["member", "change", number, "--birth-date", "31.02.1948"],
                          ["member", "rectify", number, "--birth-date", "31.02.1948"],
                          ["member", "add", "--given-name", "Jonas", "--family-name", "Probe", "--district", "Leipzig",
                           "--birth-date", "31.02.1948"]] {
            for lang in ["en_US.UTF-8", "de_DE.UTF-8"] {
                let result = try cli.run(arguments, treasurer.merging(["LANG": lang]) { $1 })
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("--birth-date"), "\(result.stderr)")
                #expect(!result.stderr.contains("31.02") && !result.stderr.contains("1948"), "\(arguments): \(result.stderr)")
            }
        }
        #expect(try cli.run(["member", "change", number, "--birth-date", "28.02.1948"], treasurer).status == 0)
    }

    @Test("a name where a member number belongs is refused (64) without repeating it; a mistyped number is repeated")
    func referenceName() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        let name = try cli.run(["member", "show", "Erika Beispiel"], treasurer)
        #expect(name.status == 64 && !name.stderr.contains("Erika") && name.stderr.contains("member search"), "\(name.stderr)")
        let typo = try cli.run(["member", "show", "10-01"], treasurer)
        #expect(typo.status == 64 && typo.stderr.contains("10-01"), "\(typo.stderr)")
    }

    @Test("an import file without its header line: unknown columns by number, the person on line 1 not repeated")
    func headerlessImport() throws {
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir, members: 10)
        try "Erika;Beispiel;Leipzig;01.02.2015\r\nJonas;Probe;Leipzig;01.03.2016\r\n"
            .write(toFile: dir.file("members.csv"), atomically: true, encoding: .utf8)
        let result = try cli.run(["member", "import", dir.file("members.csv")], treasurer)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("line 1, column 2") && result.stderr.contains("header"), "\(result.stderr)")
        #expect(!result.stderr.contains("Erika") && !result.stderr.contains("Beispiel"), "\(result.stderr)")

        // A character kartei refuses in that first line: named by its column, not by the text around it.
        try "Erika\u{0B}Marie;Beispiel;Leipzig;01.02.2015\r\n".write(toFile: dir.file("control.csv"), atomically: true, encoding: .utf8)
        let control = try cli.run(["member", "import", dir.file("control.csv")], treasurer)
        #expect(control.status == 65 && control.stderr.contains("line 1, column 1"), "\(control.stderr)")
        #expect(!control.stderr.contains("Erika") && !control.stderr.contains("Marie"), "\(control.stderr)")
    }
}
