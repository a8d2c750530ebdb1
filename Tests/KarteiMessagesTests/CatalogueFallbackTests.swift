import Foundation
@testable import KarteiMessages
import Testing

/// A catalogue read from files made for the test: every kind of damage is named, and nothing
/// stops the program — German falls back to English, English to the key.
@Suite("Message catalogue fallback")
struct CatalogueFallbackTests {
    static let header = """
        msgid ""
        msgstr ""
        "Language: de\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        """

    /// A resource folder with the given files (path relative to it → content), removed afterwards.
    func withResources<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kartei-messages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, content) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return try body(folder)
    }

    @Test("German, else English, else the key with its arguments")
    func fallback() throws {
        try withResources([
            "po/de/vault.po": Self.header + """
                msgctxt "vaultNotFound"
                msgid "There is no vault at {path}."
                msgstr "Unter {path} gibt es keinen Tresor."

                #, fuzzy
                msgctxt "vaultBusy"
                msgid "The vault {path} is in use."
                msgstr "Der Tresor {path} ist in Benutzung?"

                msgctxt "vaultDamaged"
                msgid "The vault {path} is damaged."
                msgstr ""

                msgctxt "noSuchKey"
                msgid "left over"
                msgstr "übrig"

                msgctxt "vaultCheckProblems"
                msgid "{count} problem"
                msgid_plural "{count} problems"
                msgstr[0] "{count} Problem"
                msgstr[1] "{count} Probleme"

                """,
            "texts/de/helpKarteiDiscussion.txt": "Zeile 1\nZeile 2\n",
            "texts/en/helpKarteiDiscussion.txt": "Line 1\nLine 2\n\n",
            "texts/en/letterEntry.txt": "Dear {name},\n",
            "texts/de/letterDeath.txt": "An die Familie\r\n",
            "texts/de/vaultNotFound.txt": "twice\n",
        ]) { folder in
            let catalogue = MessageCatalogue(directory: folder)
            func text(_ key: MessageKey, _ language: Language, _ arguments: [String: String] = ["path": "/x"]) -> String {
                Message(key, arguments).text(in: language, using: catalogue)
            }
            #expect(text(.vaultNotFound, .german) == "Unter /x gibt es keinen Tresor.")
            #expect(text(.vaultNotFound, .english) == "There is no vault at /x.")
            #expect(text(.vaultBusy, .german) == "The vault /x is in use.", "fuzzy: not used")
            #expect(text(.vaultDamaged, .german) == "The vault /x is damaged.", "empty: not used")
            #expect(text(.cliNoVault, .german) == "cliNoVault (path: /x)", "no text at all: the key")
            #expect(text(.cliNoVault, .english, [:]) == "cliNoVault")
            #expect(Message(.vaultCheckProblems, count: 1).text(in: .german, using: catalogue) == "1 Problem")
            #expect(Message(.vaultCheckProblems, count: 7).text(in: .german, using: catalogue) == "7 Probleme")
            #expect(Message(.vaultCheckProblems, count: 0).text(in: .english, using: catalogue) == "0 problems")
            #expect(text(.helpKarteiDiscussion, .german) == "Zeile 1\nZeile 2", "one final line break is not part of the text")
            #expect(text(.helpKarteiDiscussion, .english) == "Line 1\nLine 2\n")
            #expect(text(.letterEntry, .german, ["name": "N"]) == "Dear N,", "no German file: English")
            #expect(text(.letterDeath, .german, [:]) == "letterDeath", "a broken file is not used")

            let problems = catalogue.problems.map(\.description)
            #expect(problems.contains { $0.hasPrefix("po/de/vault.po:10: ") && $0.contains("vaultBusy is marked fuzzy") }, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("po/de/vault.po:15: ") && $0.contains("vaultDamaged has an empty text") })
            #expect(problems.contains { $0.hasPrefix("po/de/vault.po:19: ") && $0.contains("\"noSuchKey\" is no MessageKey") })
            #expect(problems.contains { $0.hasPrefix("texts/de/vaultNotFound.txt: ") && $0.contains("po/de/vault.po:6") })
            #expect(problems.count == 4, "\(problems)")
            #expect(catalogue.textFileProblems().map(\.description)
                    == ["texts/de/letterDeath.txt:1: carriage return (a Windows line end); save the file with Unix line ends (LF)"])
        }
    }

    @Test("no resources at all: one problem, every message shows its key, nothing stops")
    func nothing() throws {
        let catalogue = MessageCatalogue(directory: nil)
        #expect(catalogue.problems.count == 1)
        #expect(catalogue.problems.first?.reason.contains("kartei_KarteiMessages.resources") == true)
        #expect(Message(.vaultNotFound, ["path": "/x"]).text(in: .german, using: catalogue) == "vaultNotFound (path: /x)")
        try withResources(["README": "no po folder"]) { folder in
            #expect(MessageCatalogue(directory: folder).problems.map(\.description) == ["po: no PO files"])
        }
    }

    @Test("a PO file that does not parse, or with the wrong header, is named with its line")
    func brokenFiles() throws {
        try withResources([
            "po/de/a.po": Self.header + "msgctxt \"vaultBusy\"\nmsgid \"x\\z\"\nmsgstr \"y\"\n",
            "po/de/b.po": Self.header.replacingOccurrences(of: "n != 1", with: "n > 1")
                + "msgctxt \"vaultDamaged\"\nmsgid \"x\"\nmsgstr \"y\"\n",
            "po/en/c.po": Self.header,
        ]) { folder in
            let catalogue = MessageCatalogue(directory: folder)
            let problems = catalogue.problems.map(\.description)
            #expect(problems.contains("po/de/a.po:7:9: unknown escape (kartei texts use \\n, \\t, \\\" and \\\\)"), "\(problems)")
            #expect(problems.contains { $0.hasPrefix("po/de/b.po:1: ") && $0.contains("Plural-Forms: nplurals=2; plural=(n != 1);") })
            #expect(problems.contains { $0.hasPrefix("po/en/c.po: ") && $0.contains("English is the msgid") })
            #expect(catalogue.template(.vaultDamaged, in: .german) == "y", "a wrong header does not hide the texts")
            #expect(catalogue.template(.vaultBusy, in: .german) == nil)
        }
    }
}
