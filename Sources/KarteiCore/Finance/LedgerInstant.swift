import Foundation

/// An instant of the donations ledger, to the millisecond, as `AuditTime` writes `recordedAt` and
/// `cancelledAt`. Whole milliseconds compare and print exactly, so the instant a receipts run
/// printed reproduces that run (docs/FINANCE.md, "Reproducible receipts").
public struct LedgerInstant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    /// The millisecond nearest to `date` (exact for an instant parsed from a ledger text).
    public init(_ date: Date) {
        millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// An `AuditTime` text or another ISO 8601 instant (`2026-12-10T14:30:00Z`).
    public init?(_ text: String) {
        guard let date = AuditTime.parse(text) else { return nil }
        self.init(date)
    }

    /// The instant up to which a session at `now` sees what was recorded: `now` as `AuditTime`
    /// writes it.
    static func recorded(at now: Date) -> LedgerInstant {
        LedgerInstant(AuditTime.format(now)) ?? LedgerInstant(now)
    }

    /// `yyyy-mm-ddThh:mm:ss.mmmZ`, as in the ledger and the audit log.
    public var description: String {
        let seconds = millisecondsSince1970 >= 0 ? millisecondsSince1970 / 1000 : (millisecondsSince1970 - 999) / 1000
        let millis = millisecondsSince1970 - seconds * 1000
        let whole = AuditTime.format(Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(whole.dropLast(4)) + String(format: "%03dZ", millis)
    }

    public static func < (a: LedgerInstant, b: LedgerInstant) -> Bool { a.millisecondsSince1970 < b.millisecondsSince1970 }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let instant = LedgerInstant(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an instant"))
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
