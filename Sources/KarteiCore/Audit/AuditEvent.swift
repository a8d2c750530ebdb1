import Foundation

/// One entry of the audit log: who did what to which records, why, and how it ended.
/// Never field values: record ids only (docs/FORMATS.md, audit log).
public struct AuditEvent: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable { case success, denied, failed }

    public var at: Date
    public var actorKind: String
    public var actorCredential: String
    public var actorRole: String
    public var actorScope: String
    /// An operation (`memberRead`) or an event (`vault.open`, `identity.refused`, `user.issue`).
    public var action: String
    public var objectType: String
    public var objectIDs: [String]
    public var purpose: String
    public var outcome: Outcome
    public var client: String

    public init(at: Date, principal: Principal, action: String, objectType: String, objectIDs: [String] = [],
                purpose: String = "", outcome: Outcome, client: String? = nil) {
        self.at = at
        self.actorKind = principal.kind.rawValue
        self.actorCredential = principal.credential
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
    /// certificate's serial, role unknown.
    public init(at: Date, unauthenticatedCredential: String, action: String, outcome: Outcome, client: String,
                detail: String = "") {
        self.at = at
        self.actorKind = "unauthenticated"
        self.actorCredential = unauthenticatedCredential
        self.actorRole = ""
        self.actorScope = ""
        self.action = action
        self.objectType = "identity"
        self.objectIDs = detail.isEmpty ? [] : [detail]
        self.purpose = ""
        self.outcome = outcome
        self.client = client
    }
}
