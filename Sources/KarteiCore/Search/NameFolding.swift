import Foundation

/// The accent- and umlaut-insensitive search key for names (and, via ``AddressNormaliser``, addresses).
///
/// The same function is applied to the stored value and to the query, so it is built for being
/// deterministic and consistent, not for linguistic perfection.
public enum NameFolding {
    /// Folds `s` to its search key. The rule, applied in this order:
    ///
    /// 1. Unicode compatibility decomposition (NFKD), then lowercasing (locale-independent).
    /// 2. Every combining mark is dropped, so ä→a, ö→o, ü→u, é→e, å→a, č→c, ñ→n, ﬁ→fi (any input
    ///    normalisation form gives the same key).
    /// 3. Letters without a decomposition are replaced: ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ→d, ð→d,
    ///    þ→th, ħ→h, ı→i, ŧ→t.
    /// 4. Every character that is neither a letter nor a decimal digit (whitespace, hyphens and
    ///    dashes, apostrophes, dots, commas, brackets, …) separates words; the words are joined by
    ///    a single space, so the key has no leading, trailing or repeated spaces.
    /// 5. Umlaut digraphs, within each word, left to right: "ae", "oe", "ue" become "a", "o", "u"
    ///    when the digraph starts the word or follows a consonant (a letter other than a, e, i,
    ///    o, u, y) that is not "q". Not folded:
    ///    - after a vowel or "y": "Bauer", "Neuer", "Treue" keep their "ue";
    ///    - after "q": "Quelle", "Enrique" keep their "ue";
    ///    - when the digraph is followed by exactly "l" or "la" to the end of the word: the given
    ///      names "Michael", "Michaela", "Raphael", "Manuel", "Samuel", "Joel", "Noel" keep theirs.
    ///    The fold is checked against what is already folded, so "Mueller" → "muller" and folding
    ///    a key again changes nothing.
    ///
    /// Hence "Müller", "Mueller", "MÜLLER", "MULLER" and "muller" all give "muller"; "Schröder",
    /// "Schroeder" and "Schroder" give "schroder"; "Strauß" gives "strauss"; "Müller-Lüdenscheidt"
    /// gives "muller ludenscheidt". Harmless over-folds remain (e.g. "Zoe" → "zo"); letters of
    /// other scripts are kept, lowercased.
    public static func fold(_ s: String) -> String {
        var result = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            guard !word.isEmpty else { return }
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: foldDigraphs(word))
            word.removeAll(keepingCapacity: true)
        }
        for scalar in baseScalars(s) {
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return String(result)
    }

    /// Steps 1–3 of ``fold(_:)``: lowercased scalars with marks dropped and special letters
    /// replaced. Shared with ``KoelnerPhonetik`` and ``AddressNormaliser``.
    static func baseScalars(_ s: String) -> [Unicode.Scalar] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {  // fast path: ASCII needs no decomposition
            return s.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar(UInt8(truncatingIfNeeded: $0.value + 32)) : $0 }
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                if let replacement = specialLetters[scalar] {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return out
    }

    /// Lowercase letters that have no canonical or compatibility decomposition to a base letter.
    private static let specialLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
        "þ": "th", "ħ": "h", "ı": "i", "ŧ": "t",
    ]

    /// Step 5 of ``fold(_:)`` on one word.
    private static func foldDigraphs(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(word.count)
        for (index, scalar) in word.enumerated() {
            out.append(scalar)
            guard scalar == "e", out.count >= 2, "aou".unicodeScalars.contains(out[out.count - 2]) else {
                continue
            }
            if out.count >= 3 {
                let before = out[out.count - 3]
                guard before.properties.isAlphabetic, !"aeiouyq".unicodeScalars.contains(before) else { continue }
            }
            let rest = word[(index + 1)...]
            if rest.elementsEqual(["l"]) || rest.elementsEqual(["l", "a"]) { continue }
            out.removeLast()
        }
        return out
    }
}
