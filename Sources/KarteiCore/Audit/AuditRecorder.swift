import Foundation
import GRDB

/// Appends audit events inside the caller's transaction (so a record and its access entry commit
/// together). Denials are appended in a transaction of their own, since the operation's own
/// transaction rolls back.
public enum AuditRecorder {
    public static func append(_ event: AuditEvent, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO auditEvent (at, actorKind, actorCredential, actorRole, actorScope, action, objectType, objectIDs,
              purpose, outcome, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [event.at, event.actorKind, event.actorCredential, event.actorRole, event.actorScope,
                             event.action, event.objectType, event.objectIDs.joined(separator: ","), event.purpose,
                             event.outcome.rawValue, event.client])
    }

    /// All events, oldest first (tests, `kartei audit show` until the audit-log issue).
    public static func all(in db: Database) throws -> [AuditEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM auditEvent ORDER BY seq").map { row in
            var event = AuditEvent(at: row["at"], unauthenticatedCredential: row["actorCredential"], action: row["action"],
                                   outcome: AuditEvent.Outcome(rawValue: row["outcome"]) ?? .failed, client: row["client"])
            event.actorKind = row["actorKind"]
            event.actorRole = row["actorRole"]
            event.actorScope = row["actorScope"]
            event.objectType = row["objectType"]
            let ids: String = row["objectIDs"]
            event.objectIDs = ids.isEmpty ? [] : ids.split(separator: ",").map(String.init)
            event.purpose = row["purpose"]
            return event
        }
    }
}
