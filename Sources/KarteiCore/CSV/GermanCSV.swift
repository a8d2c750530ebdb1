import Foundation

/// CSV as German spreadsheets write it: `;` between fields, UTF-8 with a byte-order mark, CRLF,
/// fields quoted with `"` where they contain `;`, quotes or line breaks (RFC 4180 otherwise).
/// Reading also accepts LF line ends, no BOM, and `,` when the header line has no `;` at all.
public enum GermanCSV {
    /// One parsed line: its 1-based line number in the file (where the record starts) and its fields.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
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
        var field: [UInt8] = []
        var line = 1, recordLine = 1, column = 1
        var index = 0
        var quoted = false, wasQuoted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            let empty = fields.isEmpty && field.isEmpty && !wasQuoted
            endField()
            if !empty { result.append(Record(line: recordLine, fields: fields)) }
            fields = []
            fields.reserveCapacity(24)
        }
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
    /// an apostrophe so that no spreadsheet runs a field as a formula (CSV injection).
    public static func quote(_ field: String) -> String {
        // One pass over the bytes: most fields need nothing.
        var needsQuotes = false
        for byte in field.utf8 where byte == 0x3B || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        var value = field
        if let first = field.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D,
           Double(field.replacingOccurrences(of: ",", with: ".")) == nil {
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
