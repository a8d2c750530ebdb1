import Foundation

/// Which people `members` returns.
public struct MemberQuery: Sendable {
    /// One district; nil = every district the principal may see (a district officer: their own).
    public var district: String?
    /// The day the list describes; nil = today.
    public var asOf: CalendarDate?
    /// nil = every status.
    public var statuses: Set<MemberStatus>?
    public var kind: PersonKind?
    /// Only people who entered on or after this day (new members).
    public var enteredSince: CalendarDate?

    public init(district: String? = nil, asOf: CalendarDate? = nil, statuses: Set<MemberStatus>? = [.active],
                kind: PersonKind? = .member, enteredSince: CalendarDate? = nil) {
        self.enteredSince = enteredSince
        self.district = district
        self.asOf = asOf
        self.statuses = statuses
        self.kind = kind
    }
}
