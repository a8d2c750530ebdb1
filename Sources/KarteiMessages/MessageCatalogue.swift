import Foundation

/// The texts of every message in every language, read from the resource files (docs/TRANSLATING.md):
///
/// - `po/de/<domain>.po`: one entry per key, `msgctxt` the key, `msgid` (and `msgid_plural`) the
///   English text, `msgstr` (or `msgstr[0]`, `msgstr[1]`) the German one;
/// - `texts/<language>/<key>.txt`: long texts (help discussions, letters, the audit export
///   README), the text followed by one line break.
///
/// `shared` is loaded once per process, on first use. Anything wrong with the files is collected
/// in `problems` (the tests require none) and never stops the program: a text missing in German
/// falls back to English, one missing in English to the key's name.
public struct MessageCatalogue: Sendable {
    /// Where a key's text was found.
    public struct Source: Sendable, Equatable {
        /// The PO file's domain (its name without `.po`), or nil for a text file.
        public let domain: String?
        public let file: String
        public let line: Int
    }

    /// What the files hold for one key.
    struct Record: Sendable {
        /// The text, or its plural forms in the language's order, per language.
        var english: [String]?
        var german: [String]?
        /// Long texts: the file per language, read when asked for.
        var files: [Language: String] = [:]
        var comments: [String] = []
        var source: Source

        subscript(language: Language) -> [String]? {
            get { language == .german ? german : english }
            set { if language == .german { german = newValue } else { english = newValue } }
        }
    }

    /// The catalogue of this process, from the resource bundle.
    public static let shared = MessageCatalogue(directory: MessageResources.directory)

    private var records: [MessageKey: Record] = [:]
    /// Everything wrong with the PO files and the list of text files, with file and line. The
    /// contents of text files are read when asked for: `textFileProblems()` checks them all.
    public private(set) var problems: [MessageResourceProblem] = []

    /// Reads the catalogue from a folder holding `po/` and `texts/`; nil means there is none.
    public init(directory: URL?) {
        guard let directory else {
            problems.append(MessageResourceProblem(file: MessageResources.bundleName,
                "the message texts were not found (the folder \(MessageResources.bundleName).resources belongs "
                + "next to the kartei program); messages show their keys instead"))
            return
        }
        readPOFiles(in: directory.path + "/po")
        listTextFiles(in: directory.path + "/texts")
    }

    /// The text of a key in a language: its only form, or the plural form `count` takes (the
    /// "other" form without a count). Falls back to English; nil when English is missing too.
    public func template(_ key: MessageKey, in language: Language, count: Int? = nil) -> String? {
        for candidate in [language, .english] {
            guard let forms = forms(of: key, in: candidate), !forms.isEmpty else { continue }
            if forms.count == 1 { return forms[0] }
            let form = count.map(candidate.pluralForm(for:)) ?? candidate.otherPluralForm
            return forms[min(form, forms.count - 1)]
        }
        return nil
    }

    /// The forms of a key's text in a language as the files hold them (one, or one per plural
    /// form); nil when the language has none (no fallback).
    public func forms(of key: MessageKey, in language: Language) -> [String]? {
        guard let record = records[key] else { return nil }
        if let file = record.files[language] { return (try? MessageCatalogue.readText(file)).map { [$0] } }
        return record[language]
    }

    /// Where the key's text is: its PO entry, or its German text file.
    public func source(of key: MessageKey) -> Source? { records[key]?.source }

    /// The `#.` comments of the key's PO entry.
    public func comments(of key: MessageKey) -> [String] { records[key]?.comments ?? [] }

    /// Reads every text file and names each that cannot be used.
    public func textFileProblems() -> [MessageResourceProblem] {
        records.values.flatMap { record in
            record.files.values.compactMap { file -> MessageResourceProblem? in
                do throws(MessageResourceProblem) {
                    _ = try MessageCatalogue.readText(file)
                    return nil
                } catch {
                    return error
                }
            }
        }.sorted { $0.description < $1.description }
    }

    // MARK: Reading

    /// Keys by name: `MessageKey(rawValue:)` compares the name with every case in turn.
    private static let keys = Dictionary(uniqueKeysWithValues: MessageKey.allCases.map { ($0.rawValue, $0) })

    /// The files `<folder>/<language>/*.<extension>`: language, name for messages (e.g.
    /// `po/de/vault.po`), base name and path. (Paths, not URLs: they are quicker to build.)
    private func files(in folder: String, extension fileExtension: String) -> [(Language?, String, String, String)] {
        let fileManager = FileManager.default
        guard let languages = try? fileManager.contentsOfDirectory(atPath: folder) else { return [] }
        let top = folder.split(separator: "/").last.map(String.init) ?? folder
        var result: [(Language?, String, String, String)] = []
        for language in languages.sorted() {
            let languageFolder = folder + "/" + language
            guard let names = try? fileManager.contentsOfDirectory(atPath: languageFolder) else { continue }
            for name in names.sorted() where name.hasSuffix("." + fileExtension) {
                result.append((Language(rawValue: language), top + "/" + language + "/" + name,
                               String(name.dropLast(fileExtension.count + 1)), languageFolder + "/" + name))
            }
        }
        return result
    }

    private mutating func readPOFiles(in folder: String) {
        let found = files(in: folder, extension: "po")
        if found.isEmpty { problems.append(MessageResourceProblem(file: "po", "no PO files")) }
        for (language, name, domain, path) in found {
            guard let language, language != .english else {
                problems.append(MessageResourceProblem(file: name,
                    "a PO file must be in the folder of a translation language (English is the msgid)"))
                continue
            }
            do {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw MessageResourceProblem(file: name, "cannot be read")
                }
                let file = try POFile(parsing: data, name: name)
                check(header: file, language: language)
                for entry in file.entries { add(entry, language: language, domain: domain, file: name) }
            } catch {
                problems.append(error as? MessageResourceProblem ?? MessageResourceProblem(file: name, "\(error)"))
            }
        }
    }

    private mutating func check(header file: POFile, language: Language) {
        if file.header["Language"] != language.rawValue {
            problems.append(MessageResourceProblem(file: file.name, line: 1,
                "the header must say \"Language: \(language.rawValue)\" (the folder it is in)"))
        }
        if file.header["Plural-Forms"] != language.pluralFormsHeader {
            problems.append(MessageResourceProblem(file: file.name, line: 1,
                "the header must say \"Plural-Forms: \(language.pluralFormsHeader)\""))
        }
        if file.header["Content-Type"] != "text/plain; charset=UTF-8" {
            problems.append(MessageResourceProblem(file: file.name, line: 1,
                "the header must say \"Content-Type: text/plain; charset=UTF-8\""))
        }
    }

    private mutating func add(_ entry: POFile.Entry, language: Language, domain: String, file: String) {
        func problem(_ reason: String) { problems.append(MessageResourceProblem(file: file, line: entry.line, reason)) }
        guard let context = entry.context, let key = MessageCatalogue.keys[context] else {
            problem("msgctxt \"\(entry.context ?? "")\" is no MessageKey: remove the entry or add the key")
            return
        }
        if let other = records[key]?.source {
            problem("\(key) already has a text in \(other.file):\(other.line)")
            return
        }
        let english = [entry.id] + (entry.idPlural.map { [$0] } ?? [])
        var record = Record(english: english, comments: entry.comments,
                            source: Source(domain: domain, file: file, line: entry.line))
        if entry.idPlural != nil, entry.translations.count != language.pluralFormCount {
            problem("\(key) has \(entry.translations.count) plural forms; \(language.rawValue) has "
                    + "\(language.pluralFormCount) (msgstr[0] … msgstr[\(language.pluralFormCount - 1)])")
        } else if entry.isFuzzy {
            problem("\(key) is marked fuzzy: check the translation, then remove the flag (until then English is shown)")
        } else if entry.translations.contains(where: \.isEmpty) || english.contains(where: \.isEmpty) {
            problem("\(key) has an empty text (until it is filled in, English or the key is shown)")
        } else {
            record[language] = entry.translations
        }
        records[key] = record
    }

    private mutating func listTextFiles(in folder: String) {
        for (language, name, stem, path) in files(in: folder, extension: "txt") {
            guard let language else {
                problems.append(MessageResourceProblem(file: name,
                    "the folder is not a language kartei knows (\(Language.allCases.map(\.rawValue)))"))
                continue
            }
            guard let key = MessageCatalogue.keys[stem] else {
                problems.append(MessageResourceProblem(file: name,
                    "\(stem) is no MessageKey: remove the file or add the key"))
                continue
            }
            if let other = records[key]?.source, other.domain != nil {
                problems.append(MessageResourceProblem(file: name,
                    "\(key) also has an entry in \(other.file):\(other.line); keep one of them"))
                continue
            }
            let source = Source(domain: nil, file: name, line: 1)
            var record = records[key] ?? Record(source: source)
            if language == .german { record.source = source }
            record.files[language] = path
            records[key] = record
        }
    }

    /// A long text: the file's content without its final line break.
    static func readText(_ path: String) throws(MessageResourceProblem) -> String {
        let name = path.split(separator: "/").suffix(3).joined(separator: "/")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MessageResourceProblem(file: name, "cannot be read")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw MessageResourceProblem(file: name, "not valid UTF-8; save the file as UTF-8")
        }
        if let cr = text.unicodeScalars.firstIndex(of: "\r") {
            let line = text.unicodeScalars[..<cr].filter { $0 == "\n" }.count + 1
            throw MessageResourceProblem(file: name, line: line,
                "carriage return (a Windows line end); save the file with Unix line ends (LF)")
        }
        if text.hasPrefix("\u{FEFF}") {
            throw MessageResourceProblem(file: name, line: 1, "the file starts with a byte-order mark; save it without")
        }
        if text.hasSuffix("\n") { text.removeLast() }
        if text.isEmpty { throw MessageResourceProblem(file: name, "the file is empty") }
        return text
    }
}
