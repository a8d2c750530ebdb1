import Foundation
import Testing
@testable import KarteiCore

@Suite("German CSV")
struct GermanCSVTests {
    @Test("quotes, separators and line breaks inside fields, BOM, CRLF and LF")
    func parse() throws {
        let text = "\u{FEFF}a;b;c\r\n\"x;y\";\"he said \"\"hi\"\"\";\"two\r\nlines\"\n\n1;;3\r\n"
        let records = try GermanCSV.parse(Data(text.utf8))
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x;y", "he said \"hi\"", "two\nlines"], ["1", "", "3"]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test("a comma file is read when the header has no semicolon")
    func comma() throws {
        #expect(try GermanCSV.parse(Data("a,b\n1,2\n".utf8)).map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test("broken files are reported with their place")
    func broken() {
        #expect(throws: GermanCSV.SyntaxError(kind: .unterminatedQuote, line: 2, column: 2)) {
            try GermanCSV.parse(Data("a;b\n1;\"open\n".utf8))
        }
        #expect(throws: GermanCSV.SyntaxError(kind: .notUTF8, line: 1, column: 1)) { try GermanCSV.parse(Data([0x61, 0xFF])) }
    }

    @Test("rendering round-trips and never lets a spreadsheet run a formula")
    func render() throws {
        let rows = [["x;y", "quote \"q\"", "=SUM(A1)", "-12,50", "@cmd"]]
        let text = GermanCSV.render(header: ["a", "b", "c", "d", "e"], rows: rows)
        #expect(text.hasPrefix("\u{FEFF}") && text.hasSuffix("\r\n"))
        let back = try GermanCSV.parse(Data(text.utf8))
        #expect(back[1].fields == ["x;y", "quote \"q\"", "'=SUM(A1)", "-12,50", "'@cmd"])
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("German and ISO dates", arguments: [("03.04.1990", "1990-04-03"), ("3.4.1990", "1990-04-03"), ("1990-04-03", "1990-04-03"),
                                              (" 29.02.2024 ", "2024-02-29"), ("2000-02-29", "2000-02-29"), ("31.12.2026", "2026-12-31")])
    func valid(text: String, iso: String) {
        #expect(CalendarDate.parse(text)?.iso == iso)
        #expect(CalendarDate.parse(text)?.german == CalendarDate.parse(iso)?.german)
    }

    @Test("not dates", arguments: ["", "31.02.2026", "29.02.2023", "1990-4-3x", "03.04.90", "03-04-1990", "1990.04.03",
                                   "1990-13-01", "00.01.2000", "01.01.1799", "1.1.2000.1", "2000-01-01-01", "12345-01-01", "1 2.01.2000"])
    func invalid(text: String) {
        #expect(CalendarDate.parse(text) == nil)
    }
}
