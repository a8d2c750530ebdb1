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

    /// The calendar date of an instant in a time zone: the association's (`KarteiSession.timeZone`,
    /// Europe/Berlin unless the vault says otherwise), so that 00:30 in Leipzig is already tomorrow.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The first instant of this day in a time zone (audit filters by day).
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// yyyy-mm-dd or dd.mm.yyyy (German; day and month may have one digit), checked for a real day.
    /// Parsed from the UTF-8 bytes: imports call this millions of times.
    public static func parse(_ text: String) -> CalendarDate? {
        var numbers: [Int] = []
        var digits: [Int] = []
        var separator: UInt8 = 0
        var current = 0, count = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard count < 4 else { return nil }
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                count += 1
            case UInt8(ascii: "-"), UInt8(ascii: "."):
                guard count > 0, separator == 0 || separator == byte, numbers.count < 2 else { return nil }
                separator = byte
                numbers.append(current)
                digits.append(count)
                current = 0
                count = 0
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                guard numbers.isEmpty && count == 0 || numbers.count == 2 && count > 0 else { return nil }
            default:
                return nil
            }
        }
        guard count > 0, numbers.count == 2 else { return nil }
        numbers.append(current)
        digits.append(count)
        let candidate: CalendarDate
        if separator == UInt8(ascii: "-") {
            guard digits[0] == 4, digits[1] <= 2, digits[2] <= 2 else { return nil }
            candidate = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])
        } else {
            guard digits[2] == 4, digits[0] <= 2, digits[1] <= 2 else { return nil }
            candidate = CalendarDate(year: numbers[2], month: numbers[1], day: numbers[0])
        }
        return candidate.isValid ? candidate : nil
    }

    public var isValid: Bool {
        guard year >= 1800 && year <= 2200, month >= 1 && month <= 12, day >= 1 else { return false }
        let lengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDate {
        // Pure calendar arithmetic: in UTC there are no daylight-saving gaps.
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        return CalendarDate(start(in: utc).addingTimeInterval(TimeInterval(days) * 86_400), in: utc)
    }

    /// The same day `years` later; 29 February becomes 1 March in a common year.
    public func addingYears(_ years: Int) -> CalendarDate {
        let candidate = CalendarDate(year: year + years, month: month, day: day)
        return candidate.isValid ? candidate : CalendarDate(year: year + years, month: 3, day: 1)
    }

    var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public var iso: String { Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) }
    public var german: String { Self.padded(day, 2) + "." + Self.padded(month, 2) + "." + Self.padded(year, 4) }

    /// Zero-padded decimal without Foundation's `String(format:)` (slow, and called per imported line).
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
