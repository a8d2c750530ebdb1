import Foundation

/// Decides how well a search query matches a stored person's name.
///
/// The query is parsed once, at `init`; ``match(givenName:familyName:)`` then grades any number of
/// stored names. Accepted query forms:
/// - "family" (e.g. "Müller");
/// - "given family" (e.g. "Anna Müller", "Anna Lena von Berg"): every split of the words into a
///   given part and a family part is tried, as is reading all the words as the family name;
/// - "family, given" (e.g. "Müller, Anna"): split at the first comma.
///
/// A part of the query (family, or given) is graded against the stored part, both folded with
/// ``NameFolding/fold(_:)``, by the first rule that holds:
/// 1. ``Quality/exact``: the folded strings are equal;
/// 2. ``Quality/prefix``: the stored folded string starts with the query's;
/// 3. ``Quality/phonetic``: equal, non-empty ``KoelnerPhonetik/code(_:)`` of the folded strings;
/// 4. ``Quality/fuzzy``: ``damerauLevenshtein(_:_:)`` of the folded strings is at most 1 when the
///    longer of the two has at most 6 characters, at most 2 otherwise.
///
/// When the query has a given part, the reading's quality is the worse of the family and given
/// grades (and no match if either fails); the result is the best over all readings.
public struct NameMatcher: Sendable {
    /// How well a query matched, ordered from worst (``fuzzy``) to best (``exact``).
    public enum Quality: Int, Sendable, Comparable, CaseIterable {
        /// Folded family (and given) names are within the edit-distance limit.
        case fuzzy = 1
        /// Kölner Phonetik codes are equal.
        case phonetic
        /// The folded stored name starts with the folded query.
        case prefix
        /// Folded names are equal.
        case exact

        /// Worse before better: `.fuzzy < .phonetic < .prefix < .exact`.
        public static func < (lhs: Quality, rhs: Quality) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One folded part of a query or a stored name, with what grading needs.
    private struct Part: Sendable {
        let folded: String
        let code: String

        init(_ raw: String) {
            folded = NameFolding.fold(raw)
            code = KoelnerPhonetik.code(folded)
        }

        init(folded: String) {
            self.folded = folded
            code = KoelnerPhonetik.code(folded)
        }
    }

    /// One way of reading the query: a family part and, maybe, a given part.
    private struct Reading: Sendable {
        let given: Part?
        let family: Part
    }

    /// The query as given to `init`.
    public let query: String
    private let readings: [Reading]

    /// Parses `query`; a query without letters or digits matches nothing.
    public init(query: String) {
        self.query = query
        if let comma = query.firstIndex(of: ",") {
            let family = Part(String(query[..<comma]))
            let given = Part(String(query[query.index(after: comma)...]))
            readings = family.folded.isEmpty ? [] : [Reading(given: given.folded.isEmpty ? nil : given, family: family)]
        } else {
            let words = NameFolding.fold(query).split(separator: " ").map(String.init)
            guard !words.isEmpty else {
                readings = []
                return
            }
            var all = [Reading(given: nil, family: Part(folded: words.joined(separator: " ")))]
            for split in 1..<words.count {
                all.append(Reading(
                    given: Part(folded: words[..<split].joined(separator: " ")),
                    family: Part(folded: words[split...].joined(separator: " "))))
            }
            readings = all
        }
    }

    /// The best quality with which the query matches the stored name, or nil for no match.
    public func match(givenName: String, familyName: String) -> Quality? {
        guard !readings.isEmpty else { return nil }
        let family = Part(familyName)
        let given = Part(givenName)
        var best: Quality?
        for reading in readings {
            guard var quality = Self.grade(reading.family, family) else { continue }
            if let queryGiven = reading.given {
                guard let givenQuality = Self.grade(queryGiven, given) else { continue }
                quality = min(quality, givenQuality)
            }
            best = max(best ?? quality, quality)
            if best == .exact { break }
        }
        return best
    }

    /// Convenience for a single comparison: `NameMatcher(query: query).match(…)`.
    public static func match(_ query: String, givenName: String, familyName: String) -> Quality? {
        NameMatcher(query: query).match(givenName: givenName, familyName: familyName)
    }

    /// The largest edit distance accepted as ``Quality/fuzzy`` between two folded names.
    static func fuzzyLimit(_ a: String, _ b: String) -> Int {
        max(a.count, b.count) <= 6 ? 1 : 2
    }

    private static func grade(_ query: Part, _ stored: Part) -> Quality? {
        guard !query.folded.isEmpty, !stored.folded.isEmpty else { return nil }
        if query.folded == stored.folded { return .exact }
        if stored.folded.hasPrefix(query.folded) { return .prefix }
        if !query.code.isEmpty && query.code == stored.code { return .phonetic }
        let limit = fuzzyLimit(query.folded, stored.folded)
        if abs(query.folded.count - stored.folded.count) <= limit,
           damerauLevenshtein(query.folded, stored.folded) <= limit {
            return .fuzzy
        }
        return nil
    }

    /// The Damerau–Levenshtein distance between `a` and `b` over characters (grapheme clusters),
    /// in its optimal string alignment variant: insertions, deletions, substitutions and
    /// transpositions of two adjacent characters each cost 1, but no substring is edited twice
    /// (so "ca" → "abc" is 3, not the unrestricted distance 2). Case and accents count: fold first.
    public static func damerauLevenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var beforePrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[t.count]
    }
}
