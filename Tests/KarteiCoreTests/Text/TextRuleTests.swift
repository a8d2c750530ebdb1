import Foundation
import KarteiCore
import KarteiMessages
import Testing

/// The one character rule (docs/FORMATS.md §11): what it refuses, what it must let through (the
/// names of real people in many scripts), the limits, and how output shows what it refuses.
@Suite("Text rule")
struct TextRuleTests {
    /// Every C0 control (a purpose never needs a tab or a line break), DEL and the C1 controls.
    static let controlCodes: [UInt32] = Array(0x00...0x1F) + Array(0x7F...0x9F)

    /// The invisible characters: those the CSV rules refused before, and the gaps of finding L7.
    static let invisibleCodes: [UInt32] = [
        0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060,
        0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
        // L7: soft hyphen, tag characters, variation selectors, Hangul fillers.
        0x00AD, 0xE0000, 0xE0001, 0xE0020, 0xE0041, 0xE007F, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF,
        0x3164, 0x115F, 0x1160, 0xFFA0,
        // Of the same kind: invisible operators, deprecated format characters, the combining
        // grapheme joiner, Mongolian selectors, braille blank, interlinear annotation.
        0x2061, 0x2064, 0x206A, 0x206F, 0x034F, 0x180B, 0x180E, 0x2800, 0xFFF9, 0xFFFB, 0x17B4, 0x1D173,
    ]

    static func text(_ code: UInt32, in word: String = "Meier") -> String {
        word.prefix(2) + String(Character(Unicode.Scalar(code)!)) + word.dropFirst(2)
    }

    @Test("control characters are refused, naming the code point", arguments: controlCodes)
    func control(code: UInt32) throws {
        let error = try #require(FreeText.problem(Self.text(code), .purpose, field: "purpose"))
        #expect(error.code == .textControlCharacter)
        #expect(error.context == ["field": "purpose", "code": TextRule.codeText(code)])
        #expect(error.exitCode == .dataError)
        #expect(GermanCSV.forbiddenCharacter(in: Self.text(code))?.kind == .control)
    }

    @Test("invisible characters are refused, naming the code point", arguments: invisibleCodes)
    func invisible(code: UInt32) throws {
        let error = try #require(FreeText.problem(Self.text(code), .name, field: "name"))
        #expect(error.code == .textInvisibleCharacter)
        #expect(error.context["code"] == TextRule.codeText(code))
        // The CSV imports use the same definition.
        #expect(GermanCSV.forbiddenCharacter(in: Self.text(code))?.kind == .invisible)
        #expect(GermanCSV.forbiddenCharacter(in: Self.text(code))?.code == code)
    }

    @Test("the message names the field and the code point, never the text, in both languages")
    func message() throws {
        let error = try #require(FreeText.problem("Geheim\u{1B}[2KMüller", .purpose, field: "purpose"))
        for language in [Language.german, .english] {
            let text = error.message.text(in: language)
            #expect(text.contains("purpose") && text.contains("U+001B"), "\(text)")
            #expect(!text.contains("Geheim") && !text.contains("Müller"), "\(text)")
        }
        #expect(error.message.text(in: .german).contains("Steuerzeichen"))
    }

    @Test("more than four combining marks or joiners on one character are refused")
    func combiningMarks() throws {
        let acute = "\u{0301}"
        #expect(FreeText.problem("T" + String(repeating: acute, count: 4), .name, field: "name") == nil)
        let five = try #require(FreeText.problem("T" + String(repeating: acute, count: 5), .name, field: "name"))
        #expect(five.code == .textCombiningMarks)
        #expect(five.context == ["field": "name", "code": "U+0301", "limit": "4"])
        // Finding L7: "T" followed by 500 accents (one character, so no length limit catches it).
        let tower = "T" + String(repeating: acute, count: 500)
        #expect(tower.count == 1)
        #expect(FreeText.problem(tower, .name, field: "name")?.code == .textCombiningMarks)
        #expect(GermanCSV.forbiddenCharacter(in: tower)?.kind == .combiningMarks)
        // Joiners count with the marks: they would otherwise hide an unbounded run.
        #expect(FreeText.problem("a" + String(repeating: "\u{200C}", count: 600), .name, field: "name")?.code
                == .textCombiningMarks)
        #expect(FreeText.problem("e\u{0301}\u{200D}\u{0301}\u{200D}\u{0301}", .name, field: "name")?.code
                == .textCombiningMarks)
        // Marks on different characters do not add up.
        #expect(FreeText.problem(String(repeating: "e\u{0301}\u{0323}", count: 50), .name, field: "name") == nil)
    }

    @Test("what people's names and texts need is allowed", arguments: [
        "Müller", "Groß-Schäfer", "Ärztin Özlem Übel", "José Ångström", "Ærøskøbing", "O'Brien",
        "Łukasz Świętokrzyski", "Małgorzata Żółć", "Şükrü Öztürk", "Iğdır Çağlayan", "İsmail Işık",
        "Nguyễn Thị Phượng", "Trần Văn Đức",
        // Vietnamese decomposed (NFD, as some systems send it): two marks on one letter.
        "Nguye\u{0302}\u{0303}n Thi\u{0323} Phu\u{031B}o\u{031B}\u{0323}ng",
        // Persian with zero-width non-joiner (U+200C): "mi-khâham" needs it.
        "می\u{200C}خواهم", "زهرا\u{200C}ها",
        "क्षत्रिय", "Ελένη Παπαδοπούλου", "Владимир Ильич", "中村 美咲", "김민준",
        "Sitzung des Landesvorstands am 4. Dezember (TOP 3: Beiträge) – Einladung, Versand per Post",
    ])
    func allowed(text: String) {
        #expect(FreeText.problem(text, .purpose, field: "purpose") == nil, "\(text.unicodeScalars.map { TextRule.codeText($0.value) })")
        #expect(GermanCSV.forbiddenCharacter(in: text) == nil)
    }

    @Test("each kind has its limit: purposes and reasons 500, names 200")
    func limits() throws {
        let cases: [(FreeText.Kind, Int)] = [(.purpose, 500), (.reason, 500), (.recipient, 200), (.name, 200), (.address, 200),
                                             (.postalCode, 20), (.contact, 254), (.domain, 255), (.identifier, 100)]
        for (kind, limit) in cases {
            #expect(kind.limit == limit)
            #expect(FreeText.problem(String(repeating: "ä", count: limit), kind, field: "f") == nil, "\(kind)")
            let long = try #require(FreeText.problem(String(repeating: "ä", count: limit + 1), kind, field: "f"), "\(kind)")
            #expect(long.code == .textTooLong)
            #expect(long.context == ["field": "f", "limit": String(limit)])
        }
        // Finding M1: a 120,000-character purpose.
        #expect(FreeText.problem(String(repeating: "x", count: 120_000), .purpose, field: "purpose")?.code == .textTooLong)
        // One character built from 401 Hangul jamo: characters alone would not bound it.
        let jamo = String(repeating: "\u{1100}", count: 401)
        #expect(jamo.count == 1)
        #expect(FreeText.problem(jamo, .name, field: "name")?.code == .textTooLong)
    }

    @Test("output shows every refused character as its code point, and a stored field stays one line")
    func shown() {
        #expect(TextRule.shown("S\u{1B}[2Kfake") == "S⟨U+001B⟩[2Kfake")
        #expect(TextRule.shown("R\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}") == "R⟨U+001B⟩]52;c;ZWNobyBwd25lZA==⟨U+0007⟩")
        #expect(TextRule.shown("x\n180  2026-12-04T20:15:20.000Z  treasurer") == "x⟨U+000A⟩180  2026-12-04T20:15:20.000Z  treasurer")
        #expect(TextRule.shown("a\r\nb\rc\td\u{9B}e\u{202E}f") == "a⟨U+000D⟩⟨U+000A⟩b⟨U+000D⟩c⟨U+0009⟩d⟨U+009B⟩e⟨U+202E⟩f")
        // A block kartei laid out keeps its LF and CR LF, nothing else.
        #expect(TextRule.shown("a\r\nb\rc\nd\u{1B}", keepingLineBreaks: true) == "a\r\nb⟨U+000D⟩c\nd⟨U+001B⟩")
        // A tower keeps four accents; the rest is shown as code points.
        let tower = TextRule.shown("T" + String(repeating: "\u{0301}", count: 6))
        #expect(tower == "T" + String(repeating: "\u{0301}", count: 4) + "⟨U+0301⟩⟨U+0301⟩")
        // Allowed text is shown as it is; shown text shown again stays the same.
        for text in ["Müller", "می\u{200C}خواهم", "Nguyễn", "⟨U+001B⟩"] { #expect(TextRule.shown(text) == text) }
        let once = TextRule.shown("a\u{1B}b\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}")
        #expect(TextRule.shown(once) == once)
    }

    @Test("JSON keeps every value exactly and has nothing raw that the rule refuses")
    func json() throws {
        let values = ["S\u{1B}[2K", "x\ny", "\u{7F}\u{9B}\u{202E}\u{AD}", "tag\u{E0041}", "T" + String(repeating: "\u{0301}", count: 7),
                      "Müller", "می\u{200C}خواهم"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let raw = String(decoding: try encoder.encode(["values": values]), as: UTF8.self)
        // The encoder alone leaves DEL, C1 and invisible characters raw.
        #expect(raw.unicodeScalars.contains("\u{9B}"))
        let escaped = TextRule.jsonEscaped(raw)
        #expect(!escaped.unicodeScalars.contains { $0 != "\n" && TextRule.firstFinding(in: String($0)) != nil })
        #expect(escaped.contains("\\u009b") && escaped.contains("\\udb40\\udc41"))
        let decoded = try JSONDecoder().decode([String: [String]].self, from: Data(escaped.utf8))
        #expect(decoded["values"] == values)
    }
}
