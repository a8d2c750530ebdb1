import Foundation
@testable import KarteiMessages
import Testing

/// The PO parser: what it reads, and that every slip is named with its line (and column).
@Suite("PO files")
struct POFileTests {
    static let header = """
        # kartei messages, domain test.
        msgid ""
        msgstr ""
        "Language: de\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        """

    func parse(_ text: String) throws(MessageResourceProblem) -> POFile {
        try POFile(parsing: Data(text.utf8), name: "de/test.po")
    }

    func problem(_ text: String) -> MessageResourceProblem? { problem(Data(text.utf8)) }

    func problem(_ data: Data) -> MessageResourceProblem? {
        do throws(MessageResourceProblem) {
            _ = try POFile(parsing: data, name: "de/test.po")
            return nil
        } catch {
            return error
        }
    }

    @Test("entries, continued strings, escapes, plurals, comments, flags and the header")
    func reads() throws {
        let file = try parse(Self.header + """
            #. {path}: a file path
            #: ignored reference
            # a translator's note
            msgctxt "vaultNotFound"
            msgid ""
            "There is no vault at {path}.\\n"
            "Say \\"kartei init\\"\\tor \\\\ not."
            msgstr "Unter {path} gibt es keinen Tresor."

            #, fuzzy, no-c-format
            msgctxt "vaultPages"
            msgid "{count} page"
            msgid_plural "{count} pages"
            msgstr[0] "{count} Seite"
            msgstr[1] ""
            "{count} Seiten"

            #~ msgctxt "gone"
            #~ msgid "an obsolete entry"
            #~ msgstr "ein veralteter Eintrag"
            """)
        #expect(file.header["Plural-Forms"] == "nplurals=2; plural=(n != 1);")
        #expect(file.header["Language"] == "de")
        #expect(file.entries.count == 2)
        let first = file.entries[0]
        #expect(first.context == "vaultNotFound")
        #expect(first.id == "There is no vault at {path}.\nSay \"kartei init\"\tor \\ not.")
        #expect(first.translations == ["Unter {path} gibt es keinen Tresor."])
        #expect(first.comments == ["{path}: a file path"])
        #expect(first.line == 7)
        let second = file.entries[1]
        #expect(second.idPlural == "{count} pages")
        #expect(second.translations == ["{count} Seite", "{count} Seiten"])
        #expect(second.isFuzzy && second.flags == ["fuzzy", "no-c-format"])
        #expect(second.line == 16)
    }

    @Test("each slip is named with its line and column", arguments: [
        ("msgctxt \"a\"\nmsgid \"x\\q\"\nmsgstr \"y\"\n", 2, 9, "unknown escape"),
        ("msgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n", 2, 7, "no closing quote"),
        ("msgctxt \"a\"\nmsgid \"x\" y\nmsgstr \"y\"\n", 2, 11, "text after the closing quote"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[1] \"y\"\n", 4, 1, "expected msgstr[0]"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr \"y\"\n", 4, 1, "instead of msgstr"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr[0] \"y\"\n", 3, 1, "without msgid_plural"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\nmsgtext \"z\"\n", 4, 1, "unknown keyword"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\r\n", 3, 11, "carriage return"),
        ("msgctxt \"a\"\nmsgid \"Grüße\" …\nmsgstr \"y\"\n", 2, 15, "text after the closing quote"),
        ("msgctxt \"a\"\n  msgid \"x\"\nmsgstr \"y\"\n", 2, 3, "must not start with blanks"),
        ("msgctxt \"a\"\n#. late\nmsgid \"x\"\nmsgstr \"y\"\n", 2, 1, "comment inside an entry"),
        ("\"x\"\n", 1, 1, "continued string without"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr\n", 3, 1, "expected a keyword"),
    ] as [(String, Int, Int, String)])
    func slips(text: String, line: Int, column: Int, reason: String) throws {
        let found = try #require(problem(text))
        #expect(found.file == "de/test.po")
        #expect(found.line == line, "\(found)")
        #expect(found.column == column, "\(found)")
        #expect(found.reason.contains(reason), "\(found)")
        #expect(found.description.hasPrefix("de/test.po:\(line):\(column): "))
    }

    @Test("entry-level slips are named with the line the entry starts on")
    func entrySlips() throws {
        let twice = try #require(problem("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n\nmsgctxt \"a\"\nmsgid \"z\"\nmsgstr \"w\"\n"))
        #expect(twice.line == 5 && twice.reason.contains("appears twice (first in line 1)"), "\(twice)")
        let noContext = try #require(problem("msgid \"x\"\nmsgstr \"y\"\n"))
        #expect(noContext.line == 1 && noContext.reason.contains("without msgctxt"), "\(noContext)")
        let noTranslation = try #require(problem("\n#. c\nmsgctxt \"a\"\nmsgid \"x\"\n\nmsgctxt \"b\"\n"))
        #expect(noTranslation.line == 2 && noTranslation.reason.contains("no msgstr"), "\(noTranslation)")
        let onePlural = try #require(problem("msgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n"))
        #expect(onePlural.line == 1 && onePlural.reason.contains("msgstr[0] and msgstr[1]"), "\(onePlural)")
    }

    @Test("not UTF-8, or with a byte-order mark: refused with the line")
    func encoding() throws {
        var latin1 = Data("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"".utf8)
        latin1.append(contentsOf: [0x47, 0x72, 0xFC, 0xDF, 0x65])  // "Grüße" in Latin-1
        latin1.append(contentsOf: Data("\"\n".utf8))
        #expect(throws: MessageResourceProblem(file: "de/test.po", line: 3, "the line is not valid UTF-8; save the file as UTF-8")) {
            try POFile(parsing: latin1, name: "de/test.po")
        }
        let bom = Data([0xEF, 0xBB, 0xBF] + Array("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n".utf8))
        let refused = try #require(problem(bom))
        #expect(refused.line == 1 && refused.reason.contains("byte-order mark"))
    }
}
