/// The one rule for the characters of text that kartei stores and shows (docs/FORMATS.md §11,
/// "Characters"): every field of every import, every person's field, and every free text a user
/// types (purposes, reasons, names, labels: `FreeText`). Output uses the same classes to show what
/// it must not print raw (`shown(_:keepingLineBreaks:)`).
///
/// Refused are: control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F), characters
/// that are invisible and can disguise text (``isInvisible(_:)``), and more than
/// ``maxCombiningRun`` combining marks or joiners on one character. Zero-width non-joiner and
/// joiner (U+200C, U+200D) are allowed on their own: Persian, Indic scripts and emoji need them.
public enum TextRule {
    /// A character a text may not hold, as its code point (never the text: it may be a name).
    public enum Finding: Sendable, Hashable {
        /// A C0 or C1 control character or DEL.
        case control(UInt32)
        /// A character that is invisible and can disguise text.
        case invisible(UInt32)
        /// The first combining mark or joiner beyond ``maxCombiningRun`` on one character.
        case combiningMarks(UInt32)

        public var code: UInt32 {
            switch self {
            case .control(let code), .invisible(let code), .combiningMarks(let code): code
            }
        }

        /// The character as users and Unicode tables write it: `U+001B`.
        public var codeText: String { TextRule.codeText(code) }
    }

    /// The most combining marks and joiners one character may carry. Vietnamese needs two
    /// (ệ = e + U+0323 + U+0302), Hebrew with points and Tibetan stacks up to four; more is a tower
    /// of accents drawn over the neighbouring lines ("T" and 500 accents).
    public static let maxCombiningRun = 4

    /// A C0 or C1 control character or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Characters that change how text is shown without being seen, or that look like nothing:
    /// the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069), the line and paragraph separators (U+2028, U+2029),
    /// zero-width space, word joiner and the invisible operators (U+200B, U+2060–U+2064), the
    /// deprecated format characters (U+206A–U+206F), a byte-order mark inside text (U+FEFF), the
    /// soft hyphen (U+00AD), the combining grapheme joiner (U+034F), the Hangul fillers (U+115F,
    /// U+1160, U+3164, U+FFA0), the Khmer inherent vowels (U+17B4, U+17B5), the Mongolian variation
    /// selectors and vowel separator (U+180B–U+180F), the braille blank (U+2800), the variation
    /// selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), the interlinear annotation characters
    /// (U+FFF9–U+FFFB), the Egyptian hieroglyph, shorthand and musical format controls
    /// (U+13430–U+1343F, U+1BCA0–U+1BCA3, U+1D173–U+1D17A) and the tag characters
    /// (U+E0000–U+E007F). Zero-width non-joiner and joiner (U+200C, U+200D) stay: some scripts
    /// need them.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F: true
        case 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F: true
        case 0x2800, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB: true
        case 0x13430...0x1343F, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE007F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    /// A combining mark (Unicode general category Mn, Mc or Me).
    public static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Zero-width non-joiner or joiner: allowed, but counted with the marks of the character they follow.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200C || scalar.value == 0x200D
    }

    /// Whether a UTF-8 byte may start a character the rule looks at: control bytes, the lead byte
    /// of C1 controls and the soft hyphen (C2), and every lead byte from U+0300 on (combining marks,
    /// invisible characters). ASCII, Latin-1 letters and Latin Extended-A/B (German, Polish, Turkish
    /// names) have none, so most text is passed over without decoding.
    static func mayStartFinding(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte >= 0xCC
    }

    /// The first character in `text` the rule refuses.
    public static func firstFinding(in text: String) -> Finding? {
        guard text.utf8.contains(where: mayStartFinding) else { return nil }
        var run = 0
        for scalar in text.unicodeScalars {
            if let finding = classify(scalar, run: &run) { return finding }
        }
        return nil
    }

    /// What is wrong with one character, given the marks and joiners before it on the same character.
    private static func classify(_ scalar: Unicode.Scalar, run: inout Int) -> Finding? {
        if isControl(scalar) {
            run = 0
            return .control(scalar.value)
        }
        if isInvisible(scalar) {
            run = 0
            return .invisible(scalar.value)
        }
        guard isCombiningMark(scalar) || isJoiner(scalar) else {
            run = 0
            return nil
        }
        run += 1
        return run > maxCombiningRun ? .combiningMarks(scalar.value) : nil
    }

    /// Whether `text` is longer than `limit`: more than `limit` characters, or more than twice as
    /// many code points (a character can be built from any number of them, Hangul syllables from
    /// jamo, for example, so that characters alone would not bound the stored text).
    public static func exceeds(_ text: String, limit: Int) -> Bool {
        let bytes = text.utf8.count
        guard bytes > limit else { return false }
        return text.count > limit || text.unicodeScalars.count > 2 * limit
    }

    /// The character as users and Unicode tables write it: `U+001B`.
    public static func codeText(_ code: UInt32) -> String {
        let hex = String(code, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Text as kartei prints it (docs/CLI.md, "Output"): every character the rule refuses — also
    /// in data stored before the rule, or written around kartei — is shown as its code point in
    /// mathematical angle brackets, `⟨U+001B⟩` (U+27E8, U+27E9: no German keyboard types them, and
    /// showing shown text again changes nothing). With `keepingLineBreaks`, LF and CR LF stay (a
    /// block of output kartei laid out in lines: a letter, a message); without, the text is one
    /// line whatever it holds (a field in a list).
    public static func shown(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.utf8.contains(where: mayStartFinding) else { return text }
        return rewrite(text, keepingLineBreaks: keepingLineBreaks) {
            "\u{27E8}" + codeText($0) + "\u{27E9}"
        }
    }

    /// JSON text (as JSONEncoder wrote it) with every character the rule refuses written as a
    /// `\uXXXX` escape: the values stay exactly what they were, and nothing reaches a terminal raw.
    /// The encoder escapes C0 controls already, but not DEL, C1 controls or invisible characters.
    public static func jsonEscaped(_ json: String) -> String {
        guard json.utf8.contains(where: mayStartFinding) else { return json }
        return rewrite(json, keepingLineBreaks: true) { code in
            guard let scalar = Unicode.Scalar(code) else { return "" }
            return String(scalar).utf16.map { unit in
                let hex = String(unit, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }.joined()
        }
    }

    private static func rewrite(_ text: String, keepingLineBreaks: Bool, _ replacement: (UInt32) -> String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var run = 0
        for (index, scalar) in scalars.enumerated() {
            let lineBreak = scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
            if keepingLineBreaks && lineBreak {
                run = 0
                result.append(scalar)
                continue
            }
            if classify(scalar, run: &run) != nil {
                result.append(contentsOf: replacement(scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
