import Foundation

/// A calendar date without time or zone (birth dates, declaration dates, as-of dates).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar date of an instant.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// yyyy-mm-dd or dd.mm.yyyy (German), checked for a real day.
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [Int]
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, trimmed.split(separator: "-")[0].count == 4 else { return nil }
        } else if trimmed.contains(".") {
            let german = trimmed.split(separator: ".").compactMap { Int($0) }
            guard german.count == 3, trimmed.split(separator: ".")[2].count == 4 else { return nil }
            parts = [german[2], german[1], german[0]]
        } else {
            return nil
        }
        let candidate = CalendarDate(year: parts[0], month: parts[1], day: parts[2])
        return candidate.isValid ? candidate : nil
    }

    public var isValid: Bool {
        guard year >= 1800 && year <= 2200, month >= 1 && month <= 12, day >= 1 else { return false }
        let lengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// The same day `years` later; 29 February becomes 1 March in a common year.
    public func addingYears(_ years: Int) -> CalendarDate {
        let candidate = CalendarDate(year: year + years, month: month, day: day)
        return candidate.isValid ? candidate : CalendarDate(year: year + years, month: 3, day: 1)
    }

    var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var german: String { String(format: "%02d.%02d.%04d", day, month, year) }
    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
