import Foundation

/// A GNU gettext PO file, as far as kartei uses the format: entries of `msgctxt`, `msgid`,
/// `msgid_plural` and `msgstr` / `msgstr[n]`, with extracted comments (`#.`) and flags (`#,`).
///
/// The parser is strict and names the line (and column) of anything it does not accept, so that
/// a translator's slip is found by the tests, not by a user. Translator comments (`# `),
/// references (`#:`), previous strings (`#|`) and obsolete entries (`#~`) are read and ignored.
/// Escapes: `\n`, `\t`, `\"` and `\\` only.
struct POFile: Sendable {
    struct Entry: Sendable, Equatable {
        /// `msgctxt`: for kartei, the `MessageKey`.
        var context: String?
        /// `msgid`: the English text (the singular form if there is a plural).
        var id: String
        /// `msgid_plural`: the English plural form.
        var idPlural: String?
        /// `msgstr`, or `msgstr[0]`, `msgstr[1]`, … : the translation.
        var translations: [String]
        /// The `#.` comments, without their marker.
        var comments: [String]
        var flags: [String]
        /// The line the entry starts on (its first comment or keyword).
        var line: Int

        var isFuzzy: Bool { flags.contains("fuzzy") }
    }

    /// The file name errors refer to.
    let name: String
    /// The fields of the header entry (`msgid ""`), e.g. `Plural-Forms`.
    let header: [String: String]
    let entries: [Entry]

    init(parsing data: Data, name: String) throws(MessageResourceProblem) {
        let parser = Parser(name: name)
        try parser.parse(data)
        self.name = name
        self.header = parser.header
        self.entries = parser.entries
    }
}

/// A problem with kartei's message resources: where (file, line, column) and what.
public struct MessageResourceProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":") + ": " + reason
    }
}

/// Works on the file's bytes: every character of the syntax is ASCII, and a UTF-8 sequence never
/// contains an ASCII byte, so quotes and backslashes are found without decoding the text.
private final class Parser {
    enum Field: Equatable { case context, id, idPlural, translation(Int) }

    struct Builder {
        var line: Int
        var comments: [String] = []
        var flags: [String] = []
        var context: String?
        var id: String?
        var idPlural: String?
        var translations: [String] = []
        var field: Field?
        var hasKeyword: Bool { field != nil }
    }

    static let newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20, tab: UInt8 = 0x09
    static let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, hash: UInt8 = 0x23

    let name: String
    /// The file's bytes, valid during `parse` only. Raw pointers keep the parser quick in debug
    /// builds too (every CLI run loads the catalogue; the tests run the debug binary).
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var header: [String: String] = [:]
    var entries: [POFile.Entry] = []
    var current: Builder?
    var contexts: [String: Int] = [:]
    var lineNumber = 0
    var lineStart = 0

    init(name: String) { self.name = name }

    func problem(_ reason: String, at byte: Int? = nil, line: Int? = nil) -> MessageResourceProblem {
        MessageResourceProblem(file: name, line: line ?? lineNumber, column: byte.map(column), reason)
    }

    /// The column of a byte of the current line, counted in Unicode scalars from 1.
    func column(of byte: Int) -> Int {
        var column = 1
        for index in lineStart..<byte where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The index of the first `byte` in `range`.
    func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress,
              let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    func firstNonBlank(in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] != Parser.space && bytes[index] != Parser.tab { return index }
            index += 1
        }
        return nil
    }

    func parse(_ data: Data) throws(MessageResourceProblem) {
        let copy = [UInt8](data)
        try copy.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(MessageResourceProblem) in
            bytes = buffer
            defer { bytes = UnsafeBufferPointer(start: nil, count: 0) }
            try parseBytes()
        }
    }

    func parseBytes() throws(MessageResourceProblem) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw problem("the file starts with a byte-order mark; save it as UTF-8 without BOM", line: 1)
        }
        let valid = String(bytes: bytes, encoding: .utf8) != nil
        var start = 0
        while start < bytes.count {
            let end = find(Parser.newline, in: start..<bytes.count) ?? bytes.count
            lineNumber += 1
            lineStart = start
            if !valid, String(bytes: bytes[start..<end], encoding: .utf8) == nil {
                throw problem("the line is not valid UTF-8; save the file as UTF-8")
            }
            try line(start..<end)
            start = end + 1
        }
        lineNumber += 1
        try finish()
    }

    func line(_ range: Range<Int>) throws(MessageResourceProblem) {
        if let cr = find(Parser.carriageReturn, in: range) {
            throw problem("carriage return (a Windows line end); save the file with Unix line ends (LF)", at: cr)
        }
        guard let first = firstNonBlank(in: range) else {
            try finish()  // a blank line ends an entry
            return
        }
        switch bytes[range.lowerBound] {
        case Parser.hash:
            try comment(range)
        case Parser.quote:
            guard let field = current?.field else {
                throw problem("a continued string without msgctxt, msgid or msgstr before it", at: first)
            }
            try append(try string(from: range.lowerBound, to: range.upperBound), to: field)
        default:
            guard first == range.lowerBound else { throw problem("a line must not start with blanks", at: first) }
            try keyword(range)
        }
    }

    func comment(_ range: Range<Int>) throws(MessageResourceProblem) {
        let kind = range.count > 1 ? bytes[range.lowerBound + 1] : Parser.space
        if kind == UInt8(ascii: "~") { return }  // obsolete entries, as gettext tools keep them
        if let current, current.hasKeyword {
            guard !current.translations.isEmpty else {
                throw problem("a comment inside an entry (before its msgstr)", at: range.lowerBound)
            }
            try finish()
        }
        if current == nil { current = Builder(line: lineNumber) }
        let rest = text(min(range.lowerBound + 2, range.upperBound)..<range.upperBound)
        if kind == UInt8(ascii: ".") {
            current?.comments.append(String(rest.drop { $0 == " " }))
        } else if kind == UInt8(ascii: ",") {
            current?.flags += rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    func keyword(_ range: Range<Int>) throws(MessageResourceProblem) {
        guard let space = find(Parser.space, in: range) else {
            throw problem("expected a keyword (msgctxt, msgid, msgid_plural, msgstr) and a quoted string",
                          at: range.lowerBound)
        }
        let word = text(range.lowerBound..<space)
        guard let open = firstNonBlank(in: space..<range.upperBound), bytes[open] == Parser.quote else {
            throw problem("\(word) must be followed by a string in double quotes", at: space)
        }
        let value = try string(from: open, to: range.upperBound)
        // A keyword that starts an entry closes the one before, once that one has its msgstr.
        if word == "msgctxt" || word == "msgid", let current, current.hasKeyword, !current.translations.isEmpty {
            try finish()
        }
        var entry = current ?? Builder(line: lineNumber)
        let at = range.lowerBound
        switch word {
        case "msgctxt":
            guard entry.context == nil, entry.id == nil else {
                throw problem("msgctxt must come first in an entry, once", at: at)
            }
            entry.context = value
            entry.field = .context
        case "msgid":
            guard entry.id == nil else { throw problem("a second msgid in one entry", at: at) }
            entry.id = value
            entry.field = .id
        case "msgid_plural":
            guard entry.id != nil, entry.idPlural == nil, entry.translations.isEmpty else {
                throw problem("msgid_plural must follow the msgid, once", at: at)
            }
            entry.idPlural = value
            entry.field = .idPlural
        case "msgstr":
            guard entry.id != nil, entry.translations.isEmpty else {
                throw problem("msgstr must follow the msgid, once", at: at)
            }
            guard entry.idPlural == nil else {
                throw problem("an entry with msgid_plural needs msgstr[0], msgstr[1], … instead of msgstr", at: at)
            }
            entry.translations = [value]
            entry.field = .translation(0)
        default:
            guard word.hasPrefix("msgstr["), word.hasSuffix("]"), let index = Int(word.dropFirst(7).dropLast()) else {
                throw problem("unknown keyword \"\(word)\" (kartei reads msgctxt, msgid, msgid_plural, msgstr)", at: at)
            }
            guard entry.idPlural != nil else { throw problem("\(word) without msgid_plural before it", at: at) }
            guard index == entry.translations.count else {
                throw problem("\(word) out of order: expected msgstr[\(entry.translations.count)]", at: at)
            }
            entry.translations.append(value)
            entry.field = .translation(index)
        }
        current = entry
    }

    func append(_ value: String, to field: Field) throws(MessageResourceProblem) {
        switch field {
        case .context: current?.context? += value
        case .id: current?.id? += value
        case .idPlural: current?.idPlural? += value
        case .translation(let index): current?.translations[index] += value
        }
    }

    func finish() throws(MessageResourceProblem) {
        guard let entry = current else { return }
        current = nil
        guard entry.hasKeyword else { return }  // comments only (e.g. the file's introduction)
        guard let id = entry.id else { throw problem("an entry without msgid", line: entry.line) }
        guard !entry.translations.isEmpty else { throw problem("the entry has no msgstr", line: entry.line) }
        if entry.idPlural != nil, entry.translations.count < 2 {
            throw problem("an entry with msgid_plural needs msgstr[0] and msgstr[1]", line: entry.line)
        }
        if entry.context == nil, id.isEmpty {
            guard entries.isEmpty, header.isEmpty else {
                throw problem("a second header entry (msgid \"\")", line: entry.line)
            }
            header = try headerFields(entry.translations[0], line: entry.line)
            return
        }
        guard let context = entry.context else {
            throw problem("an entry without msgctxt: every kartei message names its key in msgctxt", line: entry.line)
        }
        if let first = contexts[context] {
            throw problem("msgctxt \"\(context)\" appears twice (first in line \(first))", line: entry.line)
        }
        contexts[context] = entry.line
        entries.append(POFile.Entry(context: context, id: id, idPlural: entry.idPlural,
                                    translations: entry.translations, comments: entry.comments, flags: entry.flags,
                                    line: entry.line))
    }

    func headerFields(_ text: String, line: Int) throws(MessageResourceProblem) -> [String: String] {
        var fields: [String: String] = [:]
        for field in text.split(separator: "\n") {
            guard let colon = field.firstIndex(of: ":") else {
                throw problem("header field without a colon: \"\(field)\"", line: line)
            }
            fields[String(field[..<colon])] = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The value of the quoted string that opens at byte `open`; only blanks may follow it.
    func string(from open: Int, to end: Int) throws(MessageResourceProblem) -> String {
        var value = ""
        var run = open + 1  // the start of the bytes not yet copied into `value`
        var index = open + 1
        while let found = find(Parser.quote, in: index..<end) {
            // A backslash before the quote: copy up to it, then the escaped character.
            if let escape = find(Parser.backslash, in: index..<found) {
                value += text(run..<escape)
                guard escape + 1 < end else { break }
                switch bytes[escape + 1] {
                case UInt8(ascii: "n"): value += "\n"
                case UInt8(ascii: "t"): value += "\t"
                case Parser.quote: value += "\""
                case Parser.backslash: value += "\\"
                default:
                    throw problem("unknown escape (kartei texts use \\n, \\t, \\\" and \\\\)", at: escape)
                }
                index = escape + 2
                run = index
                continue
            }
            value += text(run..<found)
            if let extra = firstNonBlank(in: (found + 1)..<end) {
                throw problem("text after the closing quote", at: extra)
            }
            return value
        }
        throw problem("the string has no closing quote", at: open)
    }
}
