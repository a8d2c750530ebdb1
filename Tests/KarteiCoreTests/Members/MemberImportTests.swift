import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// What an import refuses before it writes anything (docs/MEMBERS.md, "Import"), and that a list
/// kartei wrote imports again unchanged. Synthetic people only.
@Suite("Member import checks")
struct MemberImportTests {
    /// The end of the generator's default year: none of its dates lies in the future.
    static let fixed = Date(timeIntervalSince1970: 1_798_718_400)  // 2026-12-31 12:00 UTC

    static func refused(_ text: String, _ session: KarteiSession) throws -> [MemberProblem] {
        do {
            _ = try session.members.importFile(Data(text.utf8), file: "test.csv")
        } catch let error as MemberDataError {
            return error.problems
        }
        Issue.record("the import was accepted")
        return []
    }

    static func described(_ problems: [MemberProblem]) -> [String] {
        problems.map { "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-") \($0.field) \($0.message.key)" }
    }

    @Test("a header that names a field twice is refused, naming the column and the first one")
    func columnTwice() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let twice = try Self.refused("Vorname;Nachname;Kreisverband;Eintritt;Name\r\nAnna;Probe;Leipzig;01.12.2026;Test\r\n",
                                     treasurer)
        #expect(Self.described(twice) == ["1:5 Name problemColumnTwice"])
        #expect(twice.first?.message.arguments == ["other": "2", "name": "familyName"])
        let same = try Self.refused("Vorname;Nachname;Kreisverband;Eintritt;Vorname\r\nAnna;Probe;Leipzig;01.12.2026;Bea\r\n",
                                    treasurer)
        #expect(Self.described(same) == ["1:5 Vorname problemColumnTwice"])
        #expect(try treasurer.members.list(MemberQuery(statuses: nil, kind: nil)).isEmpty)
    }

    @Test("control characters, disguising characters and over-long fields are refused by line and column")
    func forbiddenCharacters() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let long = String(repeating: "a", count: 201)
        let text = "Vorname;Nachname;Kreisverband;Eintritt;Telefon;Ort\r\n"
            + "Anna;Pro\u{0}be;Leipzig;01.12.2026;;\r\n"                         // 2: NUL
            + "\"Bea\nTrix\";Probe;Leipzig;01.12.2026;;\r\n"                     // 3: a line break in quotes
            + "Cem;\u{202E}ebor;Leipzig;01.12.2026;;\r\n"                        // 5: right-to-left override
            + "Dana;\(long);Leipzig;01.12.2026;;\r\n"                            // 6: 201 characters
            + "Emil;Probe;Leipzig;01.12.2026;" + String(repeating: "1", count: 5_000_000) + ";\r\n"  // 7: 5 MB
            + "Fritz;Probe;Leipzig;01.12.2026;;Bad\u{7F}Stadt\r\n"              // 8: DEL
            + "Gül;Groß-Schäfer;Leipzig;01.12.2026;+49 341 1234567;Leipzig\r\n"  // 9: fine
        let problems = try Self.refused(text, treasurer)
        #expect(Self.described(problems) == [
            "2:2 Nachname problemControlCharacter", "3:1 Vorname problemControlCharacter",
            "5:2 Nachname problemInvisibleCharacter", "6:2 Nachname problemTooLong", "7:5 Telefon problemTooLong",
            "8:6 Ort problemControlCharacter",
        ])
        #expect(problems.map(\.message.arguments) == [["code": "U+0000"], ["code": "U+000A"], ["code": "U+202E"],
                                                       ["limit": "200"], ["limit": "1000"], ["code": "U+007F"]])
        #expect(try treasurer.members.list(MemberQuery(statuses: nil, kind: nil)).isEmpty)
        // The same rules hold for a person entered on the command line.
        #expect(throws: MemberDataError.self) {
            try treasurer.members.add(MemberChange(givenName: "Anna", familyName: "Probe\u{2066}", district: "Leipzig"))
        }
        #expect(throws: MemberDataError.self) {
            try treasurer.members.add(MemberChange(givenName: long, familyName: "Probe", district: "Leipzig"))
        }
    }

    @Test("soft hyphen, tag characters, variation selectors, Hangul fillers and accent towers are refused (finding L7)")
    func disguisingCharacters() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let disguised: [UInt32] = [0x00AD, 0xE0041, 0xE007F, 0xFE0F, 0xE0100, 0x3164, 0x115F, 0x1160, 0xFFA0]
        var text = "Vorname;Nachname;Kreisverband;Eintritt\r\n"
        for code in disguised { text += "Anna;Me\(Character(Unicode.Scalar(code)!))ier;Leipzig;01.12.2026\r\n" }
        text += "T" + String(repeating: "\u{0301}", count: 500) + ";Probe;Leipzig;01.12.2026\r\n"
        text += "Zahra;Ahmadi\u{200C}nejad;Leipzig;01.12.2026\r\n"  // ZWNJ: allowed
        text += "Nguyễn;Thị Phượng;Leipzig;01.12.2026\r\n"
        let problems = try Self.refused(text, treasurer)
        #expect(Self.described(problems) == (2...10).map { "\($0):2 Nachname problemInvisibleCharacter" }
                + ["11:1 Vorname problemCombiningMarks"])
        #expect(problems.map { $0.message.arguments["code"] ?? "" }
                == disguised.map(TextRule.codeText) + ["U+0301"])
        #expect(try treasurer.members.list(MemberQuery(statuses: nil, kind: nil)).isEmpty)
        // The same for a person entered one by one, and the allowed names go in.
        #expect(throws: MemberDataError.self) {
            try treasurer.members.add(MemberChange(givenName: "Anna", familyName: "Mei\u{AD}er", district: "Leipzig"))
        }
        _ = try treasurer.members.add(MemberChange(givenName: "Zahra", familyName: "Ahmadi\u{200C}nejad", district: "Leipzig"))
    }

    @Test("an empty file and a file with only a header are refused with their own message")
    func empty() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(throws: CoreError(.importEmpty)) { try treasurer.members.importFile(Data(), file: "leer.csv") }
        #expect(throws: CoreError(.importEmpty)) { try treasurer.members.importFile(Data("\u{FEFF}\r\n\r\n".utf8), file: "leer.csv") }
        #expect(throws: CoreError(.importNoRows)) {
            try treasurer.members.importFile(Data("\u{FEFF}Vorname;Nachname;Kreisverband;Eintritt\r\n".utf8), file: "kopf.csv")
        }
        #expect(throws: CoreError(.importEmpty)) { try treasurer.finance.importPayments(Data(), file: "bank.csv") }
        do {
            _ = try treasurer.members.importFile(Data(), file: "leer.csv")
        } catch let error as CoreError {
            #expect(error.message.text(in: .english).contains("leer.csv is empty"))
        }
    }

    @Test("the list as CSV imports into another vault and lists again the same, phone numbers and apostrophes included")
    func roundTrip() throws {
        let source = try TestInstallation(now: { Self.fixed })
        let a = try source.session(.treasurer)
        defer { try? a.close() }
        _ = try a.members.importFile(SyntheticImportFile.data(count: 200, seed: 21), file: "generated")
        let odd = [("Anna", "Probe", "+49 341 1234567", "=Hauptstraße"), ("'Bea", "-Strich", "@0341 1", "'+Gasse"),
                   ("Cem", "O'Brien", "+49 (0)341 7654321", "'Weg")]
        for (given, family, phone, street) in odd {
            _ = try a.members.add(MemberChange(givenName: given, familyName: family, street: street, phone: phone,
                                             district: "Leipzig"),
                                entryDate: CalendarDate(year: 2020, month: 1, day: 1))
        }
        let everyone = MemberQuery(statuses: nil, kind: nil)
        func csv(_ records: [MemberRecord]) -> String {
            GermanCSV.render(header: MemberImport.header, rows: records.map(MemberImport.fields))
        }
        let exported = csv(try a.members.list(everyone))
        #expect(exported.contains(";'+49 341 1234567;"), "the export neutralises formulas")

        let target = try TestInstallation(now: { Self.fixed })
        let b = try target.session(.treasurer)
        defer { try? b.close() }
        let summary = try b.members.importFile(Data(exported.utf8), file: "liste.csv")
        #expect(summary.imported == 203)
        let again = try b.members.list(everyone)
        #expect(csv(again) == exported)
        #expect(again.contains { $0.phone == "+49 341 1234567" && $0.street == "=Hauptstraße" })
        #expect(again.contains { $0.givenName == "'Bea" && $0.street == "'+Gasse" && $0.familyName == "-Strich" })
    }

    @Test("a resignation dated after today imports as active without an exit date until then, and round-trips")
    func laterExit() throws {
        let install = try TestInstallation(now: { Date(timeIntervalSince1970: 1_780_000_000) })  // 2026-05-28
        let a = try install.session(.treasurer)
        defer { try? a.close() }
        let line = "Vorname;Nachname;Kreisverband;Eintritt;Austritt;status\r\nAnna;Probe;Leipzig;01.01.2020;31.12.2026;resigned\r\n"
        _ = try a.members.importFile(Data(line.utf8), file: "austritt.csv")
        let now = try #require(try a.members.list(MemberQuery(statuses: nil)).first)
        #expect(now.status == .active && now.exitDate == nil)
        let later = try a.members.list(MemberQuery(asOf: CalendarDate(year: 2027, month: 1, day: 1), statuses: nil)).first
        #expect(later?.status == .resigned && later?.exitDate == "2026-12-31")
        let csv = GermanCSV.render(header: MemberImport.header, rows: [MemberImport.fields(now)])
        let target = try TestInstallation(now: { Date(timeIntervalSince1970: 1_780_000_000) })
        let b = try target.session(.treasurer)
        defer { try? b.close() }
        _ = try b.members.importFile(Data(csv.utf8), file: "liste.csv")
        #expect(GermanCSV.render(header: MemberImport.header, rows: try b.members.list(MemberQuery(statuses: nil)).map(MemberImport.fields))
                == csv)
    }
}

