import Foundation

/// Kölner Phonetik (H. J. Postel, 1969): a phonetic code for German words, so that "Meier",
/// "Mayer", "Meyer" and "Maier" share the code "67".
public enum KoelnerPhonetik {
    /// The Kölner Phonetik code of `s`, one code per whitespace-separated word, joined by a space.
    ///
    /// Before coding, letters are reduced to A–Z: Ä→A, Ö→O, Ü→U, ß→SS (codes as S), other
    /// diacritics are dropped (é→E, ł→L, ø→O; see ``NameFolding/fold(_:)`` steps 1–3). Within a
    /// word, everything that is not A–Z (hyphens, apostrophes, dots, digits, other scripts) is
    /// ignored, so "Müller-Lüdenscheidt" is one word, as in the published example. Words without
    /// a letter produce no code.
    ///
    /// Each letter is coded from left to right ("onset" = first letter of the word; "before" and
    /// "after" refer to the neighbouring letters):
    ///
    /// | Letter | Context | Code |
    /// |---|---|---|
    /// | A E I J O U Y | | 0 |
    /// | H | | – (none) |
    /// | B | | 1 |
    /// | P | not before H | 1 |
    /// | D T | not before C S Z | 2 |
    /// | F V W | | 3 |
    /// | P | before H | 3 |
    /// | G K Q | | 4 |
    /// | C | at onset before A H K L O Q R U X | 4 |
    /// | C | not at onset, before A H K O Q U X, not after S Z | 4 |
    /// | X | not after C K Q | 48 |
    /// | L | | 5 |
    /// | M N | | 6 |
    /// | R | | 7 |
    /// | S Z | | 8 |
    /// | C | after S Z; at onset not before A H K L O Q R U X; not before A H K O Q U X | 8 |
    /// | D T | before C S Z | 8 |
    /// | X | after C K Q | 8 |
    ///
    /// Then, per word: runs of the same digit collapse to one (H has no code, so it does not
    /// separate a run), and every "0" is removed except a leading one.
    public static func code(_ s: String) -> String {
        var words: [String] = []
        var letters: [Unicode.Scalar] = []
        func flush() {
            if !letters.isEmpty { words.append(code(letters: letters)) }
            letters.removeAll(keepingCapacity: true)
        }
        for scalar in NameFolding.baseScalars(s) {
            if ("a"..."z").contains(scalar) {
                letters.append(scalar)
            } else if scalar.properties.isWhitespace {
                flush()
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// Codes one word of lower-case ASCII letters.
    private static func code(letters w: [Unicode.Scalar]) -> String {
        var digits: [Unicode.Scalar] = []
        digits.reserveCapacity(w.count + 2)
        for i in w.indices {
            let previous: Unicode.Scalar = i > 0 ? w[i - 1] : " "
            let next: Unicode.Scalar = i + 1 < w.count ? w[i + 1] : " "
            switch w[i] {
            case "a", "e", "i", "j", "o", "u", "y": digits.append("0")
            case "h": break
            case "b": digits.append("1")
            case "p": digits.append(next == "h" ? "3" : "1")
            case "d", "t": digits.append("csz".unicodeScalars.contains(next) ? "8" : "2")
            case "f", "v", "w": digits.append("3")
            case "g", "k", "q": digits.append("4")
            case "c" where i == 0: digits.append("ahkloqrux".unicodeScalars.contains(next) ? "4" : "8")
            case "c":
                let hard = !"sz".unicodeScalars.contains(previous) && "ahkoqux".unicodeScalars.contains(next)
                digits.append(hard ? "4" : "8")
            case "x" where "ckq".unicodeScalars.contains(previous): digits.append("8")
            case "x": digits.append(contentsOf: ["4", "8"])
            case "l": digits.append("5")
            case "m", "n": digits.append("6")
            case "r": digits.append("7")
            case "s", "z": digits.append("8")
            default: break
            }
        }
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar = " "
        for (index, digit) in digits.enumerated() where digit != last {
            last = digit
            if digit != "0" || index == 0 { out.append(digit) }
        }
        return String(out)
    }
}
