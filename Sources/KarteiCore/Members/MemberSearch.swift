import Foundation
import GRDB

/// Finds people by member number or name (docs/MEMBERS.md, "Search"). Work is bounded by the
/// number of distinct names, not of people: the query's family part is first graded against the
/// table of distinct folded family names (`nameKey`: prefix range, phonetic code, near misses with
/// the same first letter); then only the people under the best names are read, with the given
/// name narrowed in SQL where the query has one. `NameMatcher` grades each person; best first.
public enum MemberSearch {
    public struct Match: Sendable, Codable {
        public var record: MemberRecord
        /// `exact`, `prefix`, `phonetic`, `fuzzy`, or `number`.
        public var quality: String
    }

    /// Which people the caller may see, as SQL can check it: one district plus granted members.
    struct Scope {
        var district: String?
        var granted: [Int]
    }

    /// One way to read the query: the family part and maybe a given part (folded).
    struct Reading: Hashable {
        var family: String
        var given: String?
    }

    static let high = "\u{10FFFF}"

    static func readings(_ text: String) -> [Reading] {
        if let comma = text.firstIndex(of: ",") {
            let family = NameFolding.fold(String(text[..<comma]))
            let given = NameFolding.fold(String(text[text.index(after: comma)...]))
            return family.isEmpty ? [] : [Reading(family: family, given: given.isEmpty ? nil : given)]
        }
        let words = text.split(separator: " ").map { NameFolding.fold(String($0)) }.filter { !$0.isEmpty }
        guard let first = words.first, let last = words.last else { return [] }
        if words.count == 1 { return [Reading(family: first, given: nil)] }
        return [Reading(family: last, given: words.dropLast().joined(separator: " ")),
                Reading(family: words.dropFirst().joined(separator: " "), given: first),
                Reading(family: words.joined(separator: " "), given: nil)]
    }

    static func run(_ text: String, limit: Int, scope: Scope, _ db: Database,
                    permitted: (MemberRecord) -> Bool) throws -> [Match] {
        if let reference = MemberReference(text), let id = try MemberStore.personID(reference, db),
           let record = try MemberStore.latest(of: id, db) {
            return permitted(record) ? [Match(record: record, quality: "number")] : []
        }
        let matcher = NameMatcher(query: text)
        // 1. Names that match a reading's family part, best first.
        var names: [(NameMatcher.Quality, String, Reading)] = []
        for reading in Set(readings(text)) {
            let familyMatcher = NameMatcher(query: reading.family)
            var keys = Set(try String.fetchAll(db.cachedStatement(sql: """
                SELECT familyKey FROM nameKey WHERE familyKey >= ? AND familyKey < ? LIMIT 500
                """), arguments: [reading.family, reading.family + high]))
            keys.formUnion(try String.fetchAll(db.cachedStatement(sql: "SELECT familyKey FROM nameKey WHERE phoneticKey = ?"),
                                               arguments: [KoelnerPhonetik.code(reading.family)]))
            if let first = reading.family.first {
                keys.formUnion(try String.fetchAll(db.cachedStatement(sql: """
                    SELECT familyKey FROM nameKey WHERE familyKey >= ? AND familyKey < ?
                    """), arguments: [String(first), String(first) + high]))
            }
            for key in keys {
                if let quality = familyMatcher.match(givenName: "", familyName: key) { names.append((quality, key, reading)) }
            }
        }
        names.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }

        // 2. People under those names, narrowed by given name and scope in SQL.
        var scopeSQL = ""
        var scopeArguments: StatementArguments = []
        if let district = scope.district {
            scopeSQL = " AND (v.district = ?" + (scope.granted.isEmpty ? ")" : " OR p.number IN (\(scope.granted.map(String.init).joined(separator: ","))))")
            scopeArguments = [district]
        }
        let base = "SELECT \(MemberStore.columns) FROM personVersion v JOIN person p ON p.id = v.personID "
            + "WHERE v.validTo IS NULL AND v.familyKey = ?"
        var seen = Set<Int64>()
        var matches: [(NameMatcher.Quality, MemberRecord)] = []
        func collect(_ sql: String, _ arguments: StatementArguments) throws {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                let record = MemberStore.record(row)
                guard !seen.contains(record.personID),
                      let quality = matcher.match(givenName: record.givenName, familyName: record.familyName),
                      permitted(record) else { continue }
                seen.insert(record.personID)
                matches.append((quality, record))
            }
        }
        let cap = max(limit * 4, 200)
        for (_, key, reading) in names {
            if let given = reading.given {
                try collect(base + " AND v.givenKey >= ? AND v.givenKey < ?" + scopeSQL + " LIMIT \(cap)",
                            [key, given, given + high] + scopeArguments)
                // Given names that sound alike or are misspelt: the people under this name, bounded.
                if matches.count < limit { try collect(base + scopeSQL + " LIMIT \(cap * 10)", [key] + scopeArguments) }
            } else {
                try collect(base + scopeSQL + " LIMIT \(cap)", [key] + scopeArguments)
            }
            if matches.count >= cap { break }
        }
        matches.sort { a, b in
            a.0 != b.0 ? a.0 > b.0 : (a.1.familyName, a.1.givenName, a.1.personID) < (b.1.familyName, b.1.givenName, b.1.personID)
        }
        return matches.prefix(limit).map { Match(record: $0.1, quality: "\($0.0)") }
    }
}
