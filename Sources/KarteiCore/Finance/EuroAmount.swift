import KarteiMessages

/// A euro amount as a German treasurer writes it, read strictly (docs/FINANCE.md, "Amounts"):
/// what a German reads, or a reason why not. Cents never come from stripping separators.
///
/// - `150`, `150,00`, `150.00`, `150,5`, `1500.5`: one `,` or `.` followed by one or two digits
///   separates the cents.
/// - `1.500,00`, `1,500.00`, `1.234.567,89`: separators between groups of three digits, with the
///   other character once before the cents; `1.500.000`: repeated groups without cents.
/// - `1.500`, `1,500`: one separator before exactly three digits is thousands to some and decimals
///   to others, and is refused (so is anything else that is not one of the forms above).
/// - An optional `€` or `EUR` before or after; a sign (`-`, `+`) only where the caller allows it,
///   before the digits or before a leading currency mark.
public enum EuroAmount {
    /// The largest amount read (inclusive): 10.000.000,00 €. Larger numbers are typing errors here
    /// (dues, a donation, a single bank booking).
    public static let maximumCents = 10_000_000_00

    /// Why a text is not an amount. Each has a catalogue message that says what is wrong and how
    /// to write the amount instead; none repeats the value (an amount of dues hints at an income).
    public enum Problem: String, Error, Sendable, Hashable, CaseIterable {
        /// Nothing but blanks (or only a currency mark).
        case empty
        /// Letters, blanks inside the number, or other characters.
        case invalidCharacter
        /// A `+` or `-` where only amounts without sign are allowed.
        case signNotAllowed
        /// A separator at the start or the end, or two in a row (`,50`, `12,`, `1..5`).
        case misplacedSeparator
        /// One separator before exactly three digits (`1.500`, `1,500`).
        case ambiguous
        /// More than two digits after the decimal separator (`12,505`).
        case tooManyDecimals
        /// Separators that do not separate groups of three digits (`1.50.000`, `15.00.00`).
        case badGrouping
        /// Both separators, but not as thousands separators plus one decimal separator (`1,500.000,00`).
        case mixedSeparators
        /// Above `maximumCents`.
        case tooLarge

        public var messageKey: MessageKey {
            switch self {
            case .empty: .problemAmountEmpty
            case .invalidCharacter: .problemAmount
            case .signNotAllowed: .problemAmountSign
            case .misplacedSeparator: .problemAmountSeparator
            case .ambiguous: .problemAmountAmbiguous
            case .tooManyDecimals: .problemAmountDecimals
            case .badGrouping: .problemAmountGrouping
            case .mixedSeparators: .problemAmountMixed
            case .tooLarge: .problemAmountTooLarge
            }
        }

        public var message: Message {
            Message(messageKey, self == .tooLarge ? ["maximum": EuroAmount.german(EuroAmount.maximumCents) + " €"] : [:])
        }

        /// The problem of a field, for an import line or a form.
        public func problem(field: String, line: Int? = nil, column: Int? = nil) -> MemberProblem {
            MemberProblem(field: field, messageKey, message.arguments, line: line, column: column)
        }
    }

    /// The cents of `text`, or why it is not an amount. Negative amounts only with `allowingSign`.
    public static func parse(_ text: String, allowingSign: Bool = false) -> Result<Int, Problem> {
        var rest = Substring(text).trimmingBlanks()
        var negative: Bool?
        func takeSign() {
            guard negative == nil, let first = rest.first, first == "-" || first == "+" || first == "\u{2212}" else { return }
            negative = first != "+"
            rest = rest.dropFirst()
        }
        takeSign()
        var currency = false
        if rest.hasPrefix("€") {
            rest = rest.dropFirst().trimmingBlanks()
            currency = true
        } else if rest.prefix(3).uppercased() == "EUR" {
            rest = rest.dropFirst(3).trimmingBlanks()
            currency = true
        }
        if currency { takeSign() }
        if !currency {
            if rest.hasSuffix("€") {
                rest = rest.dropLast().trimmingBlanks()
            } else if rest.count > 3, rest.suffix(3).uppercased() == "EUR" {
                rest = rest.dropLast(3).trimmingBlanks()
            }
        }
        guard !rest.isEmpty else { return .failure(negative == nil ? .empty : .invalidCharacter) }
        guard rest.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else { return .failure(.invalidCharacter) }
        let cents: Int
        switch number(rest) {
        case .success(let value): cents = value
        case .failure(let problem): return .failure(problem)
        }
        if negative != nil && !allowingSign { return .failure(.signNotAllowed) }
        guard cents <= maximumCents else { return .failure(.tooLarge) }
        return .success(negative == true ? -cents : cents)
    }

    /// The cents of `text`; throws the `Problem`.
    public static func cents(_ text: String, allowingSign: Bool = false) throws(Problem) -> Int {
        try parse(text, allowingSign: allowingSign).get()
    }

    /// Digits and separators only.
    private static func number(_ text: Substring) -> Result<Int, Problem> {
        var groups: [Substring] = []
        var separators: [Character] = []
        var start = text.startIndex
        for index in text.indices where text[index] == "." || text[index] == "," {
            groups.append(text[start..<index])
            separators.append(text[index])
            start = text.index(after: index)
        }
        groups.append(text[start...])
        guard groups.allSatisfy({ !$0.isEmpty }) else { return .failure(.misplacedSeparator) }
        guard let last = separators.last, let fraction = groups.last else { return euros(groups[0], fraction: "") }

        if separators.count == 1 {
            if fraction.count <= 2 { return euros(groups[0], fraction: fraction) }
            // "1.500" reads as thousands to some and as decimals to others; "0.500" or "1234.500"
            // cannot be thousands, so they have too many decimals.
            return .failure(fraction.count == 3 && isLeadingGroup(groups[0]) ? .ambiguous : .tooManyDecimals)
        }
        let earlier = separators.dropLast()
        if earlier.allSatisfy({ $0 == last }) {
            // Thousands separators only: "1.500.000".
            guard isGrouped(groups) else { return .failure(.badGrouping) }
            return euros(Substring(groups.joined()), fraction: "")
        }
        guard let grouping = earlier.first, earlier.allSatisfy({ $0 == grouping }) else { return .failure(.mixedSeparators) }
        // Thousands separators and a decimal separator: "1.500,00".
        let whole = Array(groups.dropLast())
        guard isGrouped(whole) else { return .failure(.badGrouping) }
        guard fraction.count <= 2 else { return .failure(.tooManyDecimals) }
        return euros(Substring(whole.joined()), fraction: fraction)
    }

    /// 1–3 digits, not starting with 0: the first group of a grouped number.
    private static func isLeadingGroup(_ group: Substring) -> Bool {
        (1...3).contains(group.count) && group.first != "0"
    }

    private static func isGrouped(_ groups: [Substring]) -> Bool {
        guard let first = groups.first, isLeadingGroup(first) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func euros(_ digits: Substring, fraction: Substring) -> Result<Int, Problem> {
        let significant = digits.drop { $0 == "0" }
        // More digits than the maximum has: refused before any arithmetic can overflow.
        guard significant.count <= String(maximumCents / 100).count, let euros = Int(digits.isEmpty ? "0" : digits),
              let cents = Int(fraction.isEmpty ? "0" : fraction) else { return .failure(.tooLarge) }
        return .success(euros * 100 + (fraction.count == 1 ? cents * 10 : cents))
    }

    /// Cents in German notation with thousands points: 150000050 → "1.500.000,50".
    public static func german(_ cents: Int) -> String {
        let magnitude = cents.magnitude
        var euros = String(magnitude / 100)
        var grouped = ""
        while euros.count > 3 {
            grouped = "." + euros.suffix(3) + grouped
            euros.removeLast(3)
        }
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + euros + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }
}

private extension Substring {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    func trimmingBlanks() -> Substring {
        func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" || c == "\u{202F}" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
