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
        #expect(text.contains(";'=SUM(A1);") && text.hasSuffix(";'@cmd\r\n"), "a spreadsheet sees text, not a formula")
        let back = try GermanCSV.parse(Data(text.utf8))
        #expect(back[1].fields == rows[0], "reading drops the mark again")
    }

    @Test("what kartei writes reads back unchanged, apostrophes included", arguments: [
        "+49 341 1234567", "-12,50", "-", "=1+1", "@home", "'", "''", "'+x", "''+x", "'-12,50", "'abc", "O'Brien", "x'+",
        "", "Groß-Schäfer", "a;b", "say \"hi\"",
    ])
    func roundTrip(field: String) throws {
        let text = GermanCSV.render(header: ["a", "b"], rows: [[field, "end"]])
        let back = try GermanCSV.parse(Data(text.utf8))
        #expect(back.count == 2 && back[1].fields == [field, "end"], "\(text.debugDescription)")
        #expect(back[1].problems.isEmpty)
    }

    @Test("control characters, invisible characters and over-long fields are problems of their line and column")
    func forbidden() throws {
        let long = String(repeating: "x", count: GermanCSV.maxFieldLength)
        let text = "a;b;c\r\n"
            + "ok;nul\u{0}here;fine\r\n"                    // line 2: NUL in column 2
            + "bell\u{7};del\u{7F};\"two\nlines\"\r\n"       // line 3: BEL, DEL, LF inside quotes
            + "tab\tunquoted;\"tab\tquoted\";next\u{85}line\r\n"  // line 5: tabs, C1 NEL
            + "\u{202E}evil;iso\u{2066}late;line\u{2028}sep\r\n"   // line 6: bidi override, isolate, separator
            + "zero\u{200B}width;\(long);\(long)x\r\n"           // line 7: zero-width space, 1,000 ok, 1,001 not
            + "Zoë;Groß-Schäfer;\u{200D}joiner\r\n"             // line 8: all fine
        let records = try GermanCSV.parse(Data(text.utf8))
        func found(_ line: Int) -> [String] {
            records.first { $0.line == line }?.problems.map { "\($0.column) \($0.kind) \($0.codeText)" } ?? ["no line \(line)"]
        }
        #expect(records[0].problems.isEmpty)
        #expect(found(2) == ["2 control U+0000"])
        #expect(found(3) == ["1 control U+0007", "2 control U+007F", "3 control U+000A"])
        #expect(found(5) == ["1 control U+0009", "2 control U+0009", "3 control U+0085"])
        #expect(found(6) == ["1 invisible U+202E", "2 invisible U+2066", "3 invisible U+2028"])
        #expect(found(7) == ["1 invisible U+200B", "3 tooLong U+0000"])
        #expect(found(8) == [])
        #expect(records.first { $0.line == 5 }?.problems.map(\.quoted) == [false, true, false])
    }

    @Test("a field of five megabytes is refused, not stored")
    func huge() throws {
        let text = "a;b\r\n1;" + String(repeating: "y", count: 5_000_000) + "\r\n"
        let records = try GermanCSV.parse(Data(text.utf8))
        #expect(records[1].problems.map(\.kind) == [.tooLong])
        #expect(records[1].problems.first?.column == 2)
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
