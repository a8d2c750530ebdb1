import Foundation

/// GDPR Art. 15: everything on one person and who accessed it.
public struct SubjectAccessReport: Sendable, Codable {
    public struct Access: Sendable, Codable {
        public var time: String
        /// Role and scope of whoever acted (the individual staff member is not named, CJEU C-579/21).
        public var role: String
        public var scope: String
        public var action: String
        public var purpose: String
        public var outcome: String
    }

    public var person: MemberDetail
    public var accesses: [Access]
    public var exports: [ExportRecord]
}
