import Foundation
import KarteiMessages

/// CSV as German spreadsheets write it: `;` between fields, UTF-8 with a byte-order mark, CRLF,
/// fields quoted with `"` where they contain `;`, quotes or line breaks (RFC 4180 otherwise).
/// Reading also accepts LF line ends, no BOM, and `,` when the header line has no `;` at all.
///
/// Reading checks every field against the one character rule, `TextRule` (docs/FORMATS.md §11):
/// a control character (U+0000–U+001F, U+007F–U+009F; a line break or tab inside a quoted field
/// too), a character that is invisible and can disguise text (`TextRule.isInvisible`), more than
/// `TextRule.maxCombiningRun` combining marks on one character, or more than ``maxFieldLength``
/// characters is a ``FieldProblem`` of the record; the imports list them by line and column and
/// import nothing.
/// A field that starts with an apostrophe followed by `=`, `+`, `-`, `@`, tab, CR or another
/// apostrophe loses that apostrophe: it is the mark ``quote(_:)`` puts before such fields, so a
/// file kartei wrote reads back as it was written.
public enum GermanCSV {
    /// One parsed line: its 1-based line number in the file (where the record starts) and its fields.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
        /// What is wrong with single fields (none in a clean line).
        public var problems: [FieldProblem] = []
    }

    /// A field that no import accepts as it is. Carries the character's code point, never the text.
    public struct FieldProblem: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case control, invisible, combiningMarks, tooLong }
        /// 1-based.
        public var column: Int
        public var kind: Kind
        /// The offending character (control, invisible, the first mark too many); 0 for `tooLong`.
        public var code: UInt32
        /// The field was quoted (only there can a line break or tab occur inside a field).
        public var quoted: Bool

        /// How an import lists the problem.
        public var messageKey: MessageKey {
            switch kind {
            case .control: .problemControlCharacter
            case .invisible: .problemInvisibleCharacter
            case .combiningMarks: .problemCombiningMarks
            case .tooLong: .problemTooLong
            }
        }

        public var messageArguments: [String: String] {
            switch kind {
            case .tooLong: ["limit": String(GermanCSV.maxFieldLength)]
            case .combiningMarks: ["code": codeText, "limit": String(TextRule.maxCombiningRun)]
            case .control, .invisible: ["code": codeText]
            }
        }

        /// The character as users and Unicode tables write it: `U+0000`.
        public var codeText: String { TextRule.codeText(code) }
    }

    /// The most characters a field may have in any import (names and addresses have lower limits
    /// of their own, `MemberValidation.maxLength`).
    public static let maxFieldLength = 1_000

    /// The first character in `text` that no field may hold (`TextRule`), and what kind it is.
    public static func forbiddenCharacter(in text: String) -> (kind: FieldProblem.Kind, code: UInt32)? {
        switch TextRule.firstFinding(in: text) {
        case .control(let code): (.control, code)
        case .invisible(let code): (.invisible, code)
        case .combiningMarks(let code): (.combiningMarks, code)
        case nil: nil
        }
    }

    /// A file that is not CSV at all: an unterminated quote, bytes that are not UTF-8.
    public struct SyntaxError: Error, Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case notUTF8, unterminatedQuote, textAfterQuote }
        public var kind: Kind
        public var line: Int
        public var column: Int
    }

    /// Parses a whole file. Empty lines are skipped; the first record is the header.
    /// Works on the UTF-8 bytes (a million-line file must not become a million-element array of
    /// `Character`s); each field is decoded once.
    public static func parse(_ data: Data) throws(SyntaxError) -> [Record] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw SyntaxError(kind: .notUTF8, line: 1, column: 1)
        }
        let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        let separator: UInt8 = firstLine.contains(0x3B) || !firstLine.contains(0x2C) ? 0x3B : 0x2C
        return try records(bytes, separator: separator)
    }

    private static func records(_ bytes: [UInt8], separator: UInt8) throws(SyntaxError) -> [Record] {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var result: [Record] = []
        var fields: [String] = []
        var problems: [FieldProblem] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, column = 1
        var index = 0
        var quoted = false, wasQuoted = false
        // A byte that may start a forbidden character (`TextRule.mayStartFinding`): control bytes,
        // the lead byte of C1 controls and the soft hyphen, and those from U+0300 on. Most fields have none.
        var suspicious = false
        func endField() {
            let apostrophe: UInt8 = 0x27
            if field.count >= 2, field[0] == apostrophe, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, apostrophe].contains(field[1]) {
                field.removeFirst()
            }
            let text = String(decoding: field, as: UTF8.self)
            let column = fields.count + 1
            if suspicious, let found = forbiddenCharacter(in: text) {
                problems.append(FieldProblem(column: column, kind: found.kind, code: found.code, quoted: wasQuoted))
            }
            if field.count > maxFieldLength, TextRule.exceeds(text, limit: maxFieldLength) {
                problems.append(FieldProblem(column: column, kind: .tooLong, code: 0, quoted: wasQuoted))
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
            suspicious = false
        }
        func endRecord() {
            let empty = fields.isEmpty && field.isEmpty && !wasQuoted
            endField()
            if !empty { result.append(Record(line: recordLine, fields: fields, problems: problems)) }
            fields = []
            fields.reserveCapacity(24)
            problems = []
        }
        func isSuspicious(_ byte: UInt8) -> Bool { TextRule.mayStartFinding(byte) }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else if byte == cr, index < bytes.count, bytes[index] == lf {
                    // CRLF inside a quoted field is one line break.
                } else {
                    if byte == lf { line += 1 }
                    if isSuspicious(byte) { suspicious = true }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case separator:
                endField()
                column += 1
            case lf, cr:
                if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                endRecord()
                line += 1
                recordLine = line
                column = 1
            default:
                if wasQuoted {
                    throw SyntaxError(kind: .textAfterQuote, line: line, column: column)
                }
                if isSuspicious(byte) { suspicious = true }
                field.append(byte)
            }
        }
        if quoted { throw SyntaxError(kind: .unterminatedQuote, line: recordLine, column: column) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return result
    }

    /// A whole file: BOM, header, rows, CRLF after every line.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}" + line(header)
        for row in rows { out += line(row) }
        return out
    }

    /// One line with its CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ";") + "\r\n"
    }

    /// Quotes a field where a spreadsheet would need it. A leading `=`, `+`, `-`, `@`, tab or CR is prefixed with
    /// an apostrophe so that no spreadsheet runs a field as a formula (CSV injection); so is a field that already
    /// starts with an apostrophe followed by one of those or another apostrophe, so that reading (which drops that
    /// mark) gives back exactly the field.
    public static func quote(_ field: String) -> String {
        // One pass over the bytes: most fields need nothing.
        var needsQuotes = false
        for byte in field.utf8 where byte == 0x3B || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        var value = field
        func isFormulaStart(_ byte: UInt8) -> Bool {
            byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
        }
        let bytes = field.utf8
        if let first = bytes.first, isFormulaStart(first), Double(field.replacingOccurrences(of: ",", with: ".")) == nil {
            value = "'" + field
        } else if bytes.count >= 2, bytes.first == 0x27, let second = bytes.dropFirst().first,
                  isFormulaStart(second) || second == 0x27 {
            value = "'" + field
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A field without leading and trailing spaces and tabs; the field itself when it has none
    /// (the usual case, without Foundation's bridging).
    public static func trimmed(_ field: String) -> String {
        func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" }
        guard let first = field.first, let last = field.last, isBlank(first) || isBlank(last) else { return field }
        return String(field.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }

    /// Cents as a German euro amount: 1234 → "12,34". Reading amounts: `EuroAmount`.
    public static func euros(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100)," + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
