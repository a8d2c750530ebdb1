import ArgumentParser
import Foundation
import KarteiCore

/// `--format text|json|csv` of every command that prints data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, csv
}

/// JSON output: sorted keys, ISO 8601 dates, objects carry a `schemaVersion` (docs/CLI.md). A
/// character the text rule refuses is written as a `\u` escape (the encoder does so for C0
/// controls only), so values stay exact and nothing reaches a terminal raw.
enum JSONOutput {
    static let schemaVersion = 1

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Prints an object with `schemaVersion` merged in.
    static func printObject(_ value: some Encodable) throws {
        let data = try encoder().encode(Versioned(value: value))
        Console.out(TextRule.jsonEscaped(String(decoding: data, as: UTF8.self)))
    }

    /// Prints an array (lists are arrays of objects so scripts can iterate them directly).
    static func printArray(_ values: [some Encodable]) throws {
        let data = try encoder().encode(values)
        Console.out(TextRule.jsonEscaped(String(decoding: data, as: UTF8.self)))
    }

    private struct Versioned<Value: Encodable>: Encodable {
        let value: Value
        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(JSONOutput.schemaVersion, forKey: .schemaVersion)
        }
        enum Key: String, CodingKey { case schemaVersion }
    }
}

/// CSV in German spreadsheet conventions (`GermanCSV`): `;`, UTF-8 with BOM, CRLF, quotes where needed.
/// A field shows what the text rule refuses as `⟨U+001B⟩`, a line break in a field too (kartei's
/// imports refuse both, so no field of kartei's needs them).
enum CSVOutput {
    static func print(header: [String], rows: [[String]]) {
        Console.write(GermanCSV.render(header: header.map { TextRule.shown($0) },
                                       rows: rows.map { $0.map { TextRule.shown($0) } }))
    }
}
