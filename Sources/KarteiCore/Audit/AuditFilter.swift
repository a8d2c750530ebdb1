import Foundation

/// Filters of `kartei audit show`.
public struct AuditFilter: Sendable {
    /// From the start of this day, in the association's time zone.
    public var since: CalendarDate?
    /// Up to the end of this day, in the association's time zone.
    public var until: CalendarDate?
    /// Certificate serial (prefix) or `holder:` id of the actor.
    public var actor: String?
    public var action: String?
    public var limit: Int?
    /// Only entries naming this member number (an identified read of the log: `auditReadIdentified`).
    public var member: String?

    public init(since: CalendarDate? = nil, until: CalendarDate? = nil, actor: String? = nil, action: String? = nil, limit: Int? = nil,
                member: String? = nil) {
        self.member = member
        self.since = since
        self.until = until
        self.actor = actor
        self.action = action
        self.limit = limit
    }
}
