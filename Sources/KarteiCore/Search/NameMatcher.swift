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
/// 3. ``Quality/part``: the stored name has several words (a double name, "Groß-Schäfer",
///    "Anna-Lena") and one of its words after the first starts with the query's folded string
///    ("Schaefer" finds "Groß-Schäfer"; "Lena" the given name "Anna-Lena");
/// 4. ``Quality/phonetic``: equal, non-empty ``KoelnerPhonetik/code(_:)`` of the folded strings,
///    or of the query and one word of a stored name of several words;
/// 5. ``Quality/fuzzy``: ``damerauLevenshtein(_:_:)`` of the folded strings (or of the query and one
///    word of a stored name of several words) is at most 1 when the longer of the two has at most
///    6 characters, at most 2 otherwise.
///
/// When the query has a given part, the reading's quality is the worse of the family and given
/// grades (and no match if either fails); the result is the best over all readings. A query
/// without spaces or comma that matches no family name is also read as a given name alone:
/// ``Quality/given`` when its folded string is the stored given name or that name's first words
/// ("Zoe" finds "Zoë Beispiel", "Anna" finds "Anna-Lena Beispiel").
public struct NameMatcher: Sendable {
    /// How well a query matched, ordered from worst (``fuzzy``) to best (``exact``).
    public enum Quality: Int, Sendable, Comparable, CaseIterable {
        /// A one-word query is the given name (or its first word); the family name did not match.
        case given = 0
        /// Folded family (and given) names are within the edit-distance limit.
        case fuzzy
        /// Kölner Phonetik codes are equal.
        case phonetic
        /// A later word of a stored name of several words starts with the folded query.
        case part
        /// The folded stored name starts with the folded query.
        case prefix
        /// Folded names are equal.
        case exact

        /// Worse before better: `.given < .fuzzy < .phonetic < .part < .prefix < .exact`.
        public static func < (lhs: Quality, rhs: Quality) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One folded part of a query or a stored name, with what grading needs.
    private struct Part: Sendable {
        let folded: String
        let code: String
        /// The words of a stored name of several words (empty for one word).
        let words: [String]

        init(_ raw: String) {
            self.init(folded: NameFolding.fold(raw))
        }

        init(folded: String) {
            self.folded = folded
            code = KoelnerPhonetik.code(folded)
            words = folded.contains(" ") ? folded.split(separator: " ").map(String.init) : []
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
    /// A query without spaces, folded: also tried as a given name alone.
    private let givenOnly: String?

    /// Parses `query`; a query without letters or digits matches nothing.
    public init(query: String) {
        self.query = query
        if let comma = query.firstIndex(of: ",") {
            let family = Part(String(query[..<comma]))
            let given = Part(String(query[query.index(after: comma)...]))
            readings = family.folded.isEmpty ? [] : [Reading(given: given.folded.isEmpty ? nil : given, family: family)]
            givenOnly = nil
        } else {
            let words = NameFolding.fold(query).split(separator: " ").map(String.init)
            givenOnly = words.isEmpty || query.contains(where: \.isWhitespace) ? nil : words.joined(separator: " ")
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
        match(givenKey: NameFolding.fold(givenName), familyKey: NameFolding.fold(familyName))
    }

    /// As ``match(givenName:familyName:)``, for names already folded (the stored search keys).
    public func match(givenKey: String, familyKey: String) -> Quality? {
        guard !readings.isEmpty else { return nil }
        let family = Part(folded: familyKey)
        let given = Part(folded: givenKey)
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
        if best == nil, let givenOnly, givenKey == givenOnly || givenKey.hasPrefix(givenOnly + " ") { return .given }
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
        if stored.folded.contains(" " + query.folded) { return .part }
        if !query.code.isEmpty && query.code == stored.code { return .phonetic }
        if near(query.folded, stored.folded) { return .fuzzy }
        // Each word of a double name on its own.
        guard !stored.words.isEmpty, !query.folded.contains(" ") else { return nil }
        if !query.code.isEmpty && stored.words.contains(where: { KoelnerPhonetik.code($0) == query.code }) { return .phonetic }
        if stored.words.contains(where: { near(query.folded, $0) }) { return .fuzzy }
        return nil
    }

    /// Within the edit-distance limit of ``Quality/fuzzy``.
    private static func near(_ a: String, _ b: String) -> Bool {
        let limit = fuzzyLimit(a, b)
        return abs(a.count - b.count) <= limit && damerauLevenshtein(a, b) <= limit
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
