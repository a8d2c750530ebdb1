import ArgumentParser
import Foundation
import KarteiCore

/// A day on the command line: `31.12.2026`, `2026-12-31`, or relative to today in the
/// association's time zone: `heute`/`today`, `gestern`/`yesterday`, `morgen`/`tomorrow`,
/// `heute-30`, `heute+14` (`today-30`, `today+14`). A value that is none of these is a usage
/// error (exit 64) before anything is asked for or opened.
struct Day: ExpressibleByArgument, Sendable, Hashable {
    private enum Value: Hashable, Sendable {
        case absolute(CalendarDate)
        /// Days after today (negative: before).
        case relative(Int)
    }

    private let value: Value

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if let date = CalendarDate.parse(text) {
            value = .absolute(date)
            return
        }
        let words: [String: Int] = ["heute": 0, "today": 0, "gestern": -1, "yesterday": -1, "morgen": 1, "tomorrow": 1]
        if let offset = words[text] {
            value = .relative(offset)
            return
        }
        for base in ["heute", "today"] where text.hasPrefix(base) {
            let rest = text.dropFirst(base.count)
            guard let sign = rest.first, sign == "+" || sign == "-", let days = Int(rest.dropFirst()),
                  rest.dropFirst().allSatisfy(\.isNumber), (0...36_600).contains(days) else { return nil }
            value = .relative(sign == "-" ? -days : days)
            return
        }
        return nil
    }

    init(_ date: CalendarDate) { value = .absolute(date) }

    /// The calendar day: a relative one counts from today in the association's time zone (as the
    /// open session read it; the default zone before any session).
    var date: CalendarDate {
        switch value {
        case .absolute(let date): date
        case .relative(let days): Dates.today.adding(days: days)
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
