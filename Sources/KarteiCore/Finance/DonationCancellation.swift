import Foundation

/// The cancellation of a donations ledger entry (docs/FINANCE.md, "Corrections"): added, never
/// edited. The entry stays in the ledger and in `donation list`; receipts leave it out from
/// `cancelledAt` on.
public struct DonationCancellation: Sendable, Hashable, Codable {
    /// When (`AuditTime`, UTC).
    public var cancelledAt: String
    /// Who: the serial of their certificate (the first 12 characters), as in the audit entry of
    /// the same transaction.
    public var cancelledBy: String
    /// Why, as the treasurer wrote it.
    public var reason: String
    /// The new entry of a correction; nil for a plain cancellation.
    public var replacementID: Int64?

    /// The day of `cancelledAt` in a time zone (the association's).
    public func day(in zone: TimeZone) -> CalendarDate? { AuditTime.parse(cancelledAt).map { CalendarDate($0, in: zone) } }
}
