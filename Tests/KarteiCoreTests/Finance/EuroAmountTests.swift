import Foundation
import KarteiMessages
import Testing
@testable import KarteiCore

/// The strict euro-amount reader (docs/FINANCE.md, "Amounts"): what a German reads, a reason for
/// everything else, and never cents from stripped separators.
@Suite("Euro amounts")
struct EuroAmountTests {
    @Test("what a German reads", arguments: [
        ("150", 150_00), ("150,00", 150_00), ("150.00", 150_00), ("1.500,00", 1_500_00), ("1500.5", 1_500_50),
        ("150,5", 150_50), ("1,500.00", 1_500_00), ("1.500.000", 1_500_000_00), ("1,500,000", 1_500_000_00),
        ("1.234.567,89", 1_234_567_89), ("1,234,567.89", 1_234_567_89), ("12.345,6", 12_345_60), ("0,07", 7), ("0.5", 50),
        ("12", 12_00), ("0", 0), ("007", 7_00), ("3.00", 3_00), ("3,00", 3_00), ("12,5 €", 12_50), ("€ 12,50", 12_50),
        ("€12", 12_00), ("12€", 12_00), ("EUR 1.500,00", 1_500_00), ("1.500,00 EUR", 1_500_00), ("12,50EUR", 12_50),
        ("eur 3", 3_00), (" 3,00 ", 3_00), ("\t3,00\u{A0}", 3_00), ("1.500.000,00 €", 1_500_000_00),
        ("10.000.000,00", 10_000_000_00), ("10000000", 10_000_000_00), ("9.999.999,99", 9_999_999_99),
    ])
    func valid(text: String, cents: Int) {
        #expect(EuroAmount.parse(text) == .success(cents), "\(text)")
        #expect(EuroAmount.parse(text, allowingSign: true) == .success(cents), "\(text)")
    }

    @Test("signs only where the caller allows them", arguments: [
        ("-3,00", -3_00), ("+7,00 €", 7_00), ("-€ 5", -5_00), ("€ -5", -5_00), ("-1.500,00", -1_500_00),
        ("\u{2212}2,50", -2_50), ("-0,01 EUR", -1), ("-10.000.000,00", -10_000_000_00),
    ])
    func signed(text: String, cents: Int) {
        #expect(EuroAmount.parse(text, allowingSign: true) == .success(cents), "\(text)")
        #expect(EuroAmount.parse(text) == .failure(.signNotAllowed), "\(text)")
    }

    @Test("refused, each with its reason", arguments: [
        ("", EuroAmount.Problem.empty), ("   ", .empty), ("€", .empty), ("EUR", .empty), (" € ", .empty),
        ("1.500", .ambiguous), ("1,500", .ambiguous), ("150.000", .ambiguous), ("150,001", .ambiguous), ("1.500 €", .ambiguous),
        ("0,500", .tooManyDecimals), ("1234.567", .tooManyDecimals), ("12,5055", .tooManyDecimals),
        ("1.500,001", .tooManyDecimals), ("1,500.505", .tooManyDecimals), ("01.500", .tooManyDecimals),
        ("1.50.000", .badGrouping), ("1.500.00", .badGrouping), ("15.00.00", .badGrouping), ("0.500.000", .badGrouping),
        ("1234.567,00", .badGrouping), ("1,5,0", .badGrouping), ("1.5,00", .badGrouping), ("1.5000,00", .badGrouping),
        ("1.500,000.00", .mixedSeparators), ("1,500.000,00", .mixedSeparators),
        (",50", .misplacedSeparator), ("12,", .misplacedSeparator), ("1..5", .misplacedSeparator), (".", .misplacedSeparator),
        ("1,.5", .misplacedSeparator), ("1.500,", .misplacedSeparator),
        ("abc", .invalidCharacter), ("12,5O", .invalidCharacter), ("1 500", .invalidCharacter), ("1'500", .invalidCharacter),
        ("12€50", .invalidCharacter), ("€12€", .invalidCharacter), ("1e3", .invalidCharacter), ("0x10", .invalidCharacter),
        ("\u{0661}\u{0662}", .invalidCharacter), ("\u{FF11}\u{FF12}", .invalidCharacter), ("12.50 USD", .invalidCharacter),
        ("5-", .invalidCharacter), ("--5", .invalidCharacter), ("-", .invalidCharacter), ("12 Euro", .invalidCharacter),
        ("½", .invalidCharacter), ("1_500", .invalidCharacter),
        ("-5", .signNotAllowed), ("+5", .signNotAllowed),
        ("10.000.000,01", .tooLarge), ("10000001", .tooLarge), ("99999999999999999999999999", .tooLarge),
        ("100.000.000,00", .tooLarge),
    ])
    func refused(text: String, problem: EuroAmount.Problem) {
        #expect(EuroAmount.parse(text) == .failure(problem), "\(text)")
        #expect(throws: problem) { try EuroAmount.cents(text) }
    }

    @Test("every reason has its own message that shows how to write the amount, in German and English")
    func messages() {
        let keys = EuroAmount.Problem.allCases.map(\.messageKey)
        #expect(Set(keys).count == keys.count)
        for problem in EuroAmount.Problem.allCases {
            for language in [Language.german, .english] {
                let text = problem.message.text(in: language)
                #expect(!text.contains("{") && text.contains { $0.isNumber }, "\(problem) \(language): \(text)")
            }
        }
        #expect(EuroAmount.Problem.tooLarge.message.text(in: .german).contains("10.000.000,00 €"))
        #expect(EuroAmount.Problem.ambiguous.message.text(in: .english).contains("1.500,00"))
        let located = EuroAmount.Problem.ambiguous.problem(field: "Betrag", line: 3, column: 5)
        #expect(located.line == 3 && located.column == 5 && located.message.key == .problemAmountAmbiguous)
    }

    /// A fixed-seed generator: the same cases on every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("every amount kartei writes reads back as the same cents, in every spelling a German uses")
    func roundTrip() {
        var random = SplitMix(state: 2026)
        let edges = [0, 1, 9, 10, 99, 100, 101, 999, 1_000, 99_999, 100_000, 100_001, 123_456, 1_500_00, 999_999_99,
                     1_000_000_00, EuroAmount.maximumCents]
        for cents in edges + (0..<2_000).map({ _ in Int.random(in: 0...EuroAmount.maximumCents, using: &random) }) {
            let plain = GermanCSV.euros(cents)
            let grouped = EuroAmount.german(cents)
            for text in [plain, grouped, grouped + " €", "EUR " + plain, plain.replacingOccurrences(of: ",", with: "."),
                         grouped.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: ",", with: ".")
                             .replacingOccurrences(of: "_", with: ",")] {
                #expect(EuroAmount.parse(text) == .success(cents), "\(text)")
            }
            #expect(EuroAmount.parse("-" + grouped, allowingSign: true) == .success(-cents), "\(grouped)")
            if cents % 100 == 0 { #expect(EuroAmount.parse(String(cents / 100)) == .success(cents)) }
        }
        #expect(EuroAmount.german(1_500_000_50) == "1.500.000,50" && EuroAmount.german(-7) == "-0,07")
    }

    @Test("never cents from stripped separators: one separator before three digits is never an amount")
    func neverStripped() {
        var random = SplitMix(state: 7)
        for _ in 0..<2_000 {
            let whole = String(Int.random(in: 0...999_999, using: &random))
            let three = String(format: "%03d", Int.random(in: 0...999, using: &random))
            for separator in [".", ","] {
                let result = EuroAmount.parse(whole + separator + three)
                #expect(result == .failure(.ambiguous) || result == .failure(.tooManyDecimals), "\(whole)\(separator)\(three)")
            }
        }
    }

    @Test("any text: either refused or an amount within the limits that reads back the same")
    func anyText() {
        var random = SplitMix(state: 99)
        let alphabet = Array("0123456789.,€ -+EUR\u{A0}a")
        var accepted = 0
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            guard case .success(let cents) = EuroAmount.parse(text, allowingSign: true) else { continue }
            accepted += 1
            #expect(abs(cents) <= EuroAmount.maximumCents, "\(text)")
            #expect(EuroAmount.parse(EuroAmount.german(cents), allowingSign: true) == .success(cents), "\(text)")
            if case .success(let unsigned) = EuroAmount.parse(text) { #expect(unsigned >= 0 && unsigned == cents, "\(text)") }
        }
        #expect(accepted > 100, "the alphabet makes amounts too")
    }
}
