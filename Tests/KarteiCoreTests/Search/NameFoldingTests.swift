import Foundation
@testable import KarteiCore
import Testing

/// NameFolding: the search key for names. Only synthetic example names.
@Suite("Name folding")
struct NameFoldingTests {
    @Test("umlauts, their digraph spellings and case give one key", arguments: [
        ("Müller", "muller"), ("Mueller", "muller"), ("MÜLLER", "muller"), ("MUELLER", "muller"),
        ("MULLER", "muller"), ("muller", "muller"), ("Mu\u{308}ller", "muller"),  // decomposed ü
        ("Schröder", "schroder"), ("Schroeder", "schroder"), ("Schroder", "schroder"),
        ("Bär", "bar"), ("Baer", "bar"), ("Kühn", "kuhn"), ("Kuehn", "kuhn"), ("Kuhn", "kuhn"),
        ("Übel", "ubel"), ("Uebel", "ubel"), ("Öhler", "ohler"), ("Oehler", "ohler"), ("Äbi", "abi"), ("Aebi", "abi"),
    ])
    func umlauts(input: String, key: String) {
        #expect(NameFolding.fold(input) == key)
    }

    @Test("digraphs after a vowel, after q, or before a final l/la are not folded", arguments: [
        ("Quelle", "quelle"), ("Enrique", "enrique"), ("Bauer", "bauer"), ("Neuer", "neuer"),
        ("Treue", "treue"), ("Sauer", "sauer"), ("Michael", "michael"), ("Michaela", "michaela"),
        ("Raphael", "raphael"), ("Manuel", "manuel"), ("Manuela", "manuela"), ("Samuel", "samuel"),
        ("Joel", "joel"), ("Noël", "noel"),
        // …but before anything else after l they are: the umlaut reading wins.
        ("Schuele", "schule"), ("Kuehler", "kuhler"),
    ])
    func safeDigraphs(input: String, key: String) {
        #expect(NameFolding.fold(input) == key)
    }

    @Test("ß, other diacritics and letters without decomposition", arguments: [
        ("Strauß", "strauss"), ("STRAUSS", "strauss"), ("STRAU\u{1E9E}", "strauss"),  // capital sharp s
        ("René", "rene"), ("Łęcka", "lecka"), ("Søgaard", "sogaard"), ("Ångberg", "angberg"),
        ("Čapková", "capkova"), ("Dvořák", "dvorak"), ("Þórsdóttir", "thorsdottir"), ("Œhlke", "ohlke"),
        ("Ñúñez", "nunez"), ("ﬁnk", "fink"), ("İlhan", "ilhan"),
    ])
    func diacritics(input: String, key: String) {
        #expect(NameFolding.fold(input) == key)
    }

    @Test("hyphens, apostrophes, dots and whitespace become single spaces, trimmed", arguments: [
        ("Müller-Lüdenscheidt", "muller ludenscheidt"), ("  O'Neill ", "o neill"), ("d’Arcy", "d arcy"),
        ("Anna–Lena", "anna lena"), ("St.  Martin", "st martin"), ("a.d.", "a d"), ("\tvon\n der  Au ", "von der au"),
        ("", ""), (" - . ", ""),
    ])
    func separators(input: String, key: String) {
        #expect(NameFolding.fold(input) == key)
    }

    @Test("folding is idempotent, also on random strings rich in digraphs")
    func idempotent() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("aeouqlmy ßÄÖÜ-")
        for _ in 0..<5000 {
            let length = Int(generator.next() % 10)
            let s = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let once = NameFolding.fold(s)
            #expect(NameFolding.fold(once) == once, "\(s) → \(once)")
        }
        for name in ["Mueeller", "Muee", "Michaeel", "Goethe", "Zoe", "Aeuea"] {
            let once = NameFolding.fold(name)
            #expect(NameFolding.fold(once) == once)
        }
    }
}

/// A small deterministic generator for test data (SplitMix64).
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
