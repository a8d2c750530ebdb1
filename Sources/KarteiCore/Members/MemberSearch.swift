import Foundation
import GRDB

/// Finds people by member number or name (docs/MEMBERS.md, "Search"). Candidates come from the
/// indexes on the folded family name (equal or prefix, and the first two letters for near misses)
/// and on its Kölner Phonetik code; `NameMatcher` grades each, best first.
public enum MemberSearch {
    public struct Match: Sendable, Codable {
        public var record: MemberRecord
        /// `exact`, `prefix`, `phonetic`, `fuzzy`, or `number`.
        public var quality: String
    }

    static func run(_ text: String, limit: Int, _ db: Database, permitted: (MemberRecord) -> Bool) throws -> [Match] {
        if let reference = MemberReference(text), let id = try MemberStore.personID(reference, db),
           let record = try MemberStore.latest(of: id, db) {
            return permitted(record) ? [Match(record: record, quality: "number")] : []
        }
        let matcher = NameMatcher(query: text)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { NameFolding.fold(String($0)) }
            .filter { !$0.isEmpty }
        var candidates: [Int64: MemberRecord] = [:]
        let base = "SELECT \(MemberStore.columns) FROM personVersion v JOIN person p ON p.id = v.personID WHERE v.validTo IS NULL AND "
        for word in Set(words) {
            let prefix = String(word.prefix(2))
            for (sql, arguments) in [
                (base + "v.familyKey >= ? AND v.familyKey < ?", [prefix, prefix + "\u{10FFFF}"] as StatementArguments),
                (base + "v.phoneticKey = ?", [KoelnerPhonetik.code(word)] as StatementArguments),
            ] {
                let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
                while let row = try rows.next() {
                    let id: Int64 = row[1]
                    if candidates[id] == nil { candidates[id] = MemberStore.record(row) }
                }
            }
        }
        var matches: [(NameMatcher.Quality, MemberRecord)] = []
        for record in candidates.values {
            guard let quality = matcher.match(givenName: record.givenName, familyName: record.familyName),
                  permitted(record) else { continue }
            matches.append((quality, record))
        }
        matches.sort { a, b in
            a.0 != b.0 ? a.0 > b.0 : (a.1.familyName, a.1.givenName, a.1.personID) < (b.1.familyName, b.1.givenName, b.1.personID)
        }
        return matches.prefix(limit).map { Match(record: $0.1, quality: "\($0.0)") }
    }
}
