import Foundation

/// One entry of the audit log: who did what to which records, why, and how it ended.
/// Never field values: record ids only (docs/FORMATS.md §9).
public struct AuditEvent: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable { case success, denied, failed }

    /// UTC, ISO 8601 with milliseconds: the exact text that is hashed.
    public var time: String
    public var actorKind: String
    public var actorCredential: String
    public var actorName: String
    public var actorRole: String
    public var actorScope: String
    /// An operation (`memberRead`) or an event (`vault.open`, `identity.refused`, `user.issue`).
    public var action: String
    public var objectType: String
    public var objectIDs: [String]
    public var purpose: String
    public var outcome: Outcome
    public var client: String

    public init(at date: Date, principal: Principal, action: String, objectType: String, objectIDs: [String] = [],
                purpose: String = "", outcome: Outcome, client: String? = nil) {
        self.time = AuditTime.format(date)
        self.actorKind = principal.kind.rawValue
        self.actorCredential = principal.credential
        self.actorName = principal.name
        self.actorRole = principal.role.rawValue
        self.actorScope = principal.scope.storedValue
        self.action = action
        self.objectType = objectType
        self.objectIDs = objectIDs
        self.purpose = purpose
        self.outcome = outcome
        self.client = client ?? principal.client
    }

    /// An event before anyone was authenticated (a refused identity): the actor is the presented
    /// certificate's serial, role unknown; the reason goes into the object ids.
    public init(at date: Date, unauthenticatedCredential: String, action: String, outcome: Outcome, client: String,
                detail: String = "") {
        self.time = AuditTime.format(date)
        self.actorKind = "unauthenticated"
        self.actorCredential = unauthenticatedCredential
        self.actorName = ""
        self.actorRole = ""
        self.actorScope = ""
        self.action = action
        self.objectType = "identity"
        self.objectIDs = detail.isEmpty ? [] : [detail]
        self.purpose = ""
        self.outcome = outcome
        self.client = client
    }

    init(time: String, actorKind: String, actorCredential: String, actorName: String, actorRole: String, actorScope: String,
         action: String, objectType: String, objectIDs: [String], purpose: String, outcome: Outcome, client: String) {
        self.time = time
        self.actorKind = actorKind
        self.actorCredential = actorCredential
        self.actorName = actorName
        self.actorRole = actorRole
        self.actorScope = actorScope
        self.action = action
        self.objectType = objectType
        self.objectIDs = objectIDs
        self.purpose = purpose
        self.outcome = outcome
        self.client = client
    }
}

/// The one time format of the audit log: `2026-11-24T09:15:02.117Z`.
public enum AuditTime {
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let millis = (parts.nanosecond ?? 0) / 1_000_000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!, parts.hour!,
                      parts.minute!, parts.second!, millis)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
