import Foundation
@testable import KarteiCore
import Testing

/// NameMatcher: query forms and match qualities. Only synthetic example names.
@Suite("Name matcher")
struct NameMatcherTests {
    typealias Q = NameMatcher.Quality

    @Test("match qualities against Anna Müller-Brandt, Jörg Schmidt, Eva Meier, Udo Becker", arguments: [
        // (query, given, family, expected)
        ("Müller-Brandt", "Anna", "Müller-Brandt", Q.exact),
        ("mueller brandt", "Anna", "Müller-Brandt", Q.exact),
        ("Anna Müller-Brandt", "Anna", "Müller-Brandt", Q.exact),
        ("Müller-Brandt, Anna", "Anna", "Müller-Brandt", Q.exact),
        ("MUELLER-BRANDT,ANNA", "Anna", "Müller-Brandt", Q.exact),
        ("Mül", "Anna", "Müller-Brandt", Q.prefix),
        ("Mue", "Anna", "Müller-Brandt", Q.prefix),
        ("A. Müller-Brandt", "Anna", "Müller-Brandt", Q.prefix),
        ("Schmitt", "Jörg", "Schmidt", Q.phonetic),
        ("Joerg Schmitt", "Jörg", "Schmidt", Q.phonetic),
        ("Jörg Schmidt", "Jörg", "Schmidt", Q.exact),
        ("Mayer", "Eva", "Meier", Q.phonetic),
        ("Schmidz", "Jörg", "Schmidt", Q.fuzzy),        // one substitution, 7 letters
        ("Schmdit", "Jörg", "Schmidt", Q.fuzzy),        // one transposition (code 8622, not 862)
        ("Schmadl", "Jörg", "Schmidt", Q.fuzzy),        // two substitutions, 7 letters: allowed
        ("Meilo", "Eva", "Meier", nil),                 // two substitutions, 5 letters: not allowed
        ("Meiers", "Eva", "Meier", Q.fuzzy),            // longer than stored: not a prefix, one edit
        ("Weber", "Eva", "Meier", nil),
        ("Beckel", "Udo", "Becker", Q.fuzzy),           // one substitution, 6 letters (code 145, not 147)
        ("Bickel", "Udo", "Becker", nil),               // two substitutions, 6 letters: not allowed
        ("Eva Schmidt", "Jörg", "Schmidt", nil),        // given part must match too
        ("Schmidt, Eva", "Jörg", "Schmidt", nil),
        ("", "Eva", "Meier", nil),
        (" , ", "Eva", "Meier", nil),
        // Each part of a double name; accents and the ae/oe/ue spelling alike; a given name alone.
        ("Schaefer", "Anna", "Groß-Schäfer", Q.part),
        ("Schäfer", "Anna", "Groß-Schäfer", Q.part),
        ("Schaefer", "Anna", "Schäfer-Groß", Q.prefix),
        ("Gross", "Anna", "Schäfer-Groß", Q.part),
        ("Schefer", "Anna", "Groß-Schäfer", Q.phonetic),  // sounds like one part
        ("Schäfen", "Anna", "Groß-Schäfer", Q.fuzzy),     // a typing error in one part
        ("Lena Schäfer", "Anna-Lena", "Schäfer", Q.part),
        ("Lena Groß-Schäfer", "Anna-Lena", "Groß-Schäfer", Q.part),
        ("Zoe", "Zoë", "Beispiel", Q.given),
        ("Zoe", "Zoé", "Beispiel", Q.given),
        ("Zoë", "Zoe", "Beispiel", Q.given),
        ("Anna", "Anna-Lena", "Beispiel", Q.given),
        ("Anna-Lena", "Anna-Lena", "Beispiel", Q.given),
        ("Lena", "Anna-Lena", "Beispiel", nil),           // a given name alone: whole or first words only
        ("Zoe Beispiel", "Zoë", "Beispiel", Q.exact),
        ("Zoe Beispiel", "Zoé", "Beispiel", Q.exact),
        ("Zoë", "Eva", "Zoe", Q.exact),
        ("Zoe, Eva", "Eva", "Zoë", Q.exact),
        ("Eva", "Jörg", "Eva", Q.exact),                  // a family name still comes first
    ] as [(String, String, String, Q?)])
    func qualities(query: String, given: String, family: String, expected: Q?) {
        #expect(NameMatcher.match(query, givenName: given, familyName: family) == expected)
    }

    @Test("the weaker part decides; double given names and particles")
    func combined() {
        // given exact, family phonetic → phonetic; given prefix, family exact → prefix
        #expect(NameMatcher.match("Eva Mayer", givenName: "Eva", familyName: "Meier") == .phonetic)
        #expect(NameMatcher.match("Ev Meier", givenName: "Eva", familyName: "Meier") == .prefix)
        #expect(NameMatcher.match("Anna Lena von Berg", givenName: "Anna-Lena", familyName: "von Berg") == .exact)
        #expect(NameMatcher.match("von Berg", givenName: "Anna-Lena", familyName: "von Berg") == .exact)
        #expect(NameMatcher.match("Anna von Berg", givenName: "Anna-Lena", familyName: "von Berg") == .prefix)
        let matcher = NameMatcher(query: "Schmitt")
        let found = [("Jörg", "Schmidt"), ("Eva", "Schmitt"), ("Udo", "Schmittke"), ("Ida", "Weber")]
            .map { matcher.match(givenName: $0.0, familyName: $0.1) }
        #expect(found == [.phonetic, .exact, .prefix, nil])
        #expect(Q.exact > Q.prefix && Q.prefix > Q.part && Q.part > Q.phonetic && Q.phonetic > Q.fuzzy && Q.fuzzy > Q.given)
    }

    @Test("Damerau–Levenshtein, optimal string alignment", arguments: [
        ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("schmidt", "schimdt", 1),
        ("ab", "ba", 1), ("ca", "abc", 3),  // OSA: 3 (unrestricted Damerau–Levenshtein would give 2)
        ("müller", "muller", 1), ("meier", "meier", 0), ("abcdef", "badcfe", 3),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(NameMatcher.damerauLevenshtein(a, b) == expected)
        #expect(NameMatcher.damerauLevenshtein(b, a) == expected)
    }
}
