/// A calendar month: the unit dues are owed in. Written `yyyy-mm` (JSON, CSV).
public struct CalendarMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month a day lies in.
    public init(_ day: CalendarDate) {
        self.init(year: day.year, month: day.month)
    }

    /// The first month whose 1st is on or after `day` (dues are owed on the 1st).
    public static func firstStarting(onOrAfter day: CalendarDate) -> CalendarMonth {
        let month = CalendarMonth(day)
        return day.day == 1 ? month : month.adding(1)
    }

    /// `yyyy-mm`.
    public static func parse(_ text: String) -> CalendarMonth? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month) else { return nil }
        return CalendarMonth(year: year, month: month)
    }

    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1) }

    /// Months counted from year 0: differences of two are whole months.
    var index: Int { year * 12 + (month - 1) }

    public func adding(_ months: Int) -> CalendarMonth {
        let total = index + months
        return CalendarMonth(year: total / 12, month: total % 12 + 1)
    }

    /// Whole months from `other` to this month (0 when equal).
    public func months(since other: CalendarMonth) -> Int { index - other.index }

    public var description: String { String(format: "%04d-%02d", year, month) }
    /// `04/2026`, as German statements write it.
    public var german: String { String(format: "%02d/%04d", month, year) }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { lhs.index < rhs.index }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = CalendarMonth.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not yyyy-mm: \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
