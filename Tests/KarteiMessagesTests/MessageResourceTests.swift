import Foundation
@testable import KarteiMessages
import Testing

/// The resource files as shipped: they parse, every key has its texts in the file of its domain,
/// nothing is left over, long texts are files, placeholders are described.
@Suite("Message resources")
struct MessageResourceTests {
    static let catalogue = MessageCatalogue.shared
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/KarteiMessages").standardized

    /// The domain of each key: the `// MARK: <domain> — …` section of MessageKey.swift it stands in.
    static func domainsInMessageKeySwift() throws -> [String: String] {
        let text = try String(contentsOf: sources.appendingPathComponent("MessageKey.swift"), encoding: .utf8)
        var domain: String?
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            if let mark = line.firstMatch(of: #/// MARK: ([a-z]+) — /#) { domain = String(mark.1) }
            if let key = line.firstMatch(of: #/^\s*case (\w+)$/#) { result[String(key.1)] = domain }
        }
        return result
    }

    @Test("the bundle is found and every file parses, with no problem at all")
    func noProblems() {
        #expect(MessageResources.directory != nil, "the resource bundle next to the test binary")
        #expect(Self.catalogue.problems.isEmpty, "\(Self.catalogue.problems.map(\.description).joined(separator: "\n"))")
        #expect(Self.catalogue.textFileProblems().isEmpty, "\(Self.catalogue.textFileProblems())")
    }

    @Test("every key's PO entry is in the file of its MARK section; long texts are files")
    func domains() throws {
        let domains = try Self.domainsInMessageKeySwift()
        #expect(domains.count == MessageKey.allCases.count, "every key under a MARK of its domain")
        let poFiles = Set(try FileManager.default.contentsOfDirectory(
            atPath: Self.sources.appendingPathComponent("Resources/po/de").path))
        #expect(poFiles == Set(domains.values.map { "\($0).po" }), "one PO file per domain, none else")
        for key in MessageKey.allCases {
            let source = try #require(Self.catalogue.source(of: key), "\(key) has no text")
            if let domain = source.domain {
                #expect(domain == domains[key.rawValue], "\(key) is in \(source.file), its MARK says \(domains[key.rawValue] ?? "-")")
            } else {
                #expect(source.file == "texts/de/\(key.rawValue).txt")
            }
        }
    }

    @Test("help discussions and texts of more than five lines are files of their own; PO texts are shorter")
    func longTexts() {
        for key in MessageKey.allCases {
            let isFile = Self.catalogue.source(of: key)?.domain == nil
            let texts = Language.allCases.flatMap { key.forms(in: $0) }
            let lines = texts.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 0
            if key.rawValue.hasPrefix("help"), key.rawValue.hasSuffix("Discussion") {
                #expect(isFile, "\(key) belongs in texts/<language>/\(key).txt")
            } else if isFile {
                #expect(lines > 5, "\(key) is short: it belongs in a PO file")
            } else {
                #expect(lines <= 5, "\(key) has \(lines) lines: move it to a text file")
            }
        }
        #expect(Self.catalogue.source(of: .helpKarteiDiscussion)?.file == "texts/de/helpKarteiDiscussion.txt")
        #expect(Self.catalogue.source(of: .auditExportReadme)?.file == "texts/de/auditExportReadme.txt")
    }

    @Test("no entry and no text file without a key (no orphans)")
    func noOrphans() throws {
        let keys = Set(MessageKey.allCases.map(\.rawValue))
        let resources = Self.sources.appendingPathComponent("Resources")
        let fileManager = FileManager.default
        var contexts: [String] = []
        for name in try fileManager.contentsOfDirectory(atPath: resources.appendingPathComponent("po/de").path) {
            let data = try #require(fileManager.contents(atPath: resources.appendingPathComponent("po/de/\(name)").path))
            contexts += try POFile(parsing: data, name: name).entries.compactMap(\.context)
        }
        for language in ["de", "en"] {
            let folder = resources.appendingPathComponent("texts/\(language)").path
            contexts += try fileManager.contentsOfDirectory(atPath: folder).map { String($0.dropLast(4)) }
        }
        #expect(contexts.count > MessageKey.allCases.count)
        for context in contexts { #expect(keys.contains(context), "\(context) has a text but is no MessageKey") }
        // Both languages of a long text are files.
        for key in MessageKey.allCases where Self.catalogue.source(of: key)?.domain == nil {
            #expect(fileManager.fileExists(atPath: resources.appendingPathComponent("texts/en/\(key.rawValue).txt").path))
        }
    }

    @Test("plural entries have every form of both languages, each with {count} and the same placeholders")
    func pluralForms() {
        let plural = MessageKey.allCases.filter(\.hasPluralForms)
        #expect(plural.count >= 40)
        for key in plural {
            for language in Language.allCases {
                let forms = key.forms(in: language)
                #expect(forms.count == language.pluralFormCount, "\(key) [\(language)]")
                for form in forms { #expect(form.contains("{count}"), "\(key) [\(language)]: \(form)") }
            }
            for (german, english) in zip(key.forms(in: .german), key.forms(in: .english)) {
                #expect(Message.placeholders(in: german) == Message.placeholders(in: english), "\(key)")
            }
        }
        for key in MessageKey.allCases where !key.hasPluralForms {
            #expect(key.forms(in: .german).count == 1 && key.forms(in: .english).count == 1, "\(key)")
        }
    }

    @Test("no plural makeshifts: no (e), (n) or (en) in German, no (s) in English")
    func noPluralMakeshifts() {
        for key in MessageKey.allCases {
            for form in key.forms(in: .german) {
                #expect(form.firstMatch(of: /\p{L}\((e|n|en|s|er)\)/) == nil, "\(key): \(form)")
            }
            for form in key.forms(in: .english) {
                #expect(form.firstMatch(of: /\p{L}\((s|es)\)/) == nil, "\(key): \(form)")
            }
        }
    }

    @Test("every placeholder of a PO entry is described for the translator in a #. comment")
    func placeholdersDescribed() {
        for key in MessageKey.allCases where Self.catalogue.source(of: key)?.domain != nil {
            let comments = Self.catalogue.comments(of: key)
            let names = Set(key.forms(in: .english).flatMap { Message.placeholders(in: $0) })
            for name in names {
                let line = comments.first { $0.hasPrefix("{\(name)}: ") }
                #expect(line != nil, "\(key): no #. {\(name)}: … comment")
                #expect(line?.contains("(describe what it holds)") != true, "\(key): describe {\(name)}")
            }
        }
    }
}
