import Foundation
import GRDB

/// Finds people by member number or name (docs/MEMBERS.md, "Search"). The query's family part is
/// first graded against the table of distinct folded family names (`nameKey`: prefix range,
/// phonetic code, near misses with the same first letter) and against the words of double names
/// (`namePart`, the same three ways); then the people under the matching names are read, a few
/// columns each, and graded by `NameMatcher` on their stored search keys (a one-word query also
/// reads the people with that given name). Every hit is counted, so the caller learns how many
/// a list cut at `limit` left out; only the shown ones are read in full. Best first, then in
/// German order (`GermanCollation`).
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

    /// What a search found: the best `limit` matches and how many people matched in all.
    public struct Result: Sendable, Codable {
        public var matches: [Match]
        /// Every person the query matched that the caller may read (at least `matches.count`).
        public var total: Int
    }

    /// One person under a matching name, as little as grading, scope and order need.
    private struct Hit {
        var quality: NameMatcher.Quality
        var personID: Int64
        var names: GermanCollation.Names
    }

    static func run(_ text: String, limit: Int, scope: Scope, _ db: Database,
                    permitted: (_ number: Int?, _ district: String) -> Bool) throws -> Result {
        if let reference = MemberReference(text), let id = try MemberStore.personID(reference, db),
           let record = try MemberStore.latest(of: id, db) {
            let found = permitted(record.number, record.district) ? [Match(record: record, quality: "number")] : []
            return Result(matches: found, total: found.count)
        }
        let matcher = NameMatcher(query: text)
        let readings = Set(readings(text))
        // 1. Names that match a reading's family part (whole or one of its words), with the best grade.
        var names: [String: NameMatcher.Quality] = [:]
        let statements = [
            "SELECT familyKey FROM nameKey WHERE familyKey >= ? AND familyKey < ? LIMIT 500",
            "SELECT familyKey FROM nameKey WHERE phoneticKey = ?",
            "SELECT familyKey FROM nameKey WHERE familyKey >= ? AND familyKey < ?",
            "SELECT familyKey FROM namePart WHERE part >= ? AND part < ? LIMIT 500",
            "SELECT familyKey FROM namePart WHERE phoneticKey = ?",
            "SELECT familyKey FROM namePart WHERE part >= ? AND part < ?",
        ]
        for reading in readings {
            let familyMatcher = NameMatcher(query: reading.family)
            var keys = Set<String>()
            for (index, sql) in statements.enumerated() {
                let arguments: StatementArguments
                switch index % 3 {
                case 0: arguments = [reading.family, reading.family + high]
                case 1: arguments = [KoelnerPhonetik.code(reading.family)]
                default:
                    // Near misses: names with the same first letter, words of double names with the same two.
                    let start = String(reading.family.prefix(index < 3 ? 1 : 2))
                    guard !start.isEmpty else { continue }
                    arguments = [start, start + high]
                }
                keys.formUnion(try String.fetchAll(db.cachedStatement(sql: sql), arguments: arguments))
            }
            for key in keys {
                if let quality = familyMatcher.match(givenKey: "", familyKey: key) { names[key] = max(names[key] ?? quality, quality) }
            }
        }

        // 2. The people under those names, in scope, graded on their stored search keys.
        var scopeSQL = ""
        var scopeArguments: StatementArguments = []
        if let district = scope.district {
            scopeSQL = " AND (v.district = ?" + (scope.granted.isEmpty ? ")" : " OR p.number IN (\(scope.granted.map(String.init).joined(separator: ","))))")
            scopeArguments = [district]
        }
        let base = "SELECT v.personID, p.number, v.district, v.givenName, v.familyName, v.givenKey, v.familyKey "
            + "FROM personVersion v JOIN person p ON p.id = v.personID WHERE v.validTo IS NULL"
        var grades: [String: NameMatcher.Quality?] = [:]
        /// Every person a query reads, graded (`grade` nil: by the matcher).
        func read(_ sql: String, _ arguments: StatementArguments, grade fixed: NameMatcher.Quality?,
                  skip: (String) -> Bool = { _ in false }) throws -> [Hit] {
            var hits: [Hit] = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                let givenKey: String = row[5], familyKey: String = row[6]
                guard !skip(familyKey) else { continue }
                var grade = fixed
                if grade == nil {
                    let pair = givenKey + "|" + familyKey
                    if let known = grades[pair] { grade = known } else {
                        grade = matcher.match(givenKey: givenKey, familyKey: familyKey)
                        grades[pair] = grade
                    }
                }
                let number: Int? = row[1]
                guard let grade, scope.district == nil || permitted(number, row[2]) else { continue }
                hits.append(Hit(quality: grade, personID: row[0],
                                names: GermanCollation.Names(family: row[4], given: row[3], number: number, personID: row[0])))
            }
            return hits
        }
        func inOrder(_ hits: [Hit]) -> [Hit] {
            GermanCollation.sorted(hits, before: { -$0.quality.rawValue }, names: \.names)
        }
        var shown: [Hit] = []
        var total = 0
        if readings.contains(where: { $0.given != nil }) {
            // Given parts decide per person (phonetic, near misses): everyone under the names is graded.
            var all: [Hit] = []
            var seen = Set<Int64>()
            for key in names.keys.sorted() {
                for hit in try read(base + " AND v.familyKey = ?" + scopeSQL, [key] + scopeArguments, grade: nil)
                where seen.insert(hit.personID).inserted {
                    all.append(hit)
                }
            }
            total = all.count
            shown = Array(inOrder(all).prefix(max(0, limit)))
        } else {
            // The family name decides: everyone under a name matches with its grade. Grades are
            // read best first until the list is full; the rest is only counted (an index count).
            let countSQL = scope.district == nil
                ? "SELECT count(*) FROM personVersion v WHERE v.validTo IS NULL AND v.familyKey = ?"
                : "SELECT count(*) FROM personVersion v JOIN person p ON p.id = v.personID WHERE v.validTo IS NULL AND v.familyKey = ?"
                    + scopeSQL
            for quality in Set(names.values).sorted(by: >) {
                let keys = names.filter { $0.value == quality }.map(\.key).sorted()
                if shown.count < limit {
                    var hits: [Hit] = []
                    for key in keys { hits += try read(base + " AND v.familyKey = ?" + scopeSQL, [key] + scopeArguments, grade: quality) }
                    total += hits.count
                    shown += inOrder(hits).prefix(limit - shown.count)
                } else {
                    for key in keys { total += try Int.fetchOne(db.cachedStatement(sql: countSQL), arguments: [key] + scopeArguments) ?? 0 }
                }
            }
            // A query without spaces is also a given name: the people it names whose family name did not match.
            if let given = readings.first?.family, readings.count == 1, !text.contains(where: \.isWhitespace), !text.contains(",") {
                // One index range: the name itself and the names it begins as a word ("anna", "anna lena").
                let hits = try read(base + " AND v.givenKey >= ? AND v.givenKey < ?" + scopeSQL,
                                    [given, given + " " + high] + scopeArguments, grade: .given,
                                    skip: { names[$0] != nil })
                total += hits.count
                if shown.count < limit { shown += inOrder(hits).prefix(limit - shown.count) }
            }
        }

        // 3. The whole record of the people shown.
        var matches: [Match] = []
        for hit in shown {
            guard let record = try MemberStore.latest(of: hit.personID, db) else { continue }
            matches.append(Match(record: record, quality: "\(hit.quality)"))
        }
        return Result(matches: matches, total: total)
    }
}
