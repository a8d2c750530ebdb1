import Foundation

/// What `exportMembers` exports.
public struct ExportRequest: Sendable {
    public var purpose: ExportPurpose
    /// Why, in words (recorded with the export and in the audit log).
    public var purposeText: String
    /// Who receives the list (a body, a district board, a printer).
    public var recipient: String
    public var query: MemberQuery
    /// Instead of a district list: the office holders of this body on the query's day (the body's
    /// contact list).
    public var body: Int64?

    public init(purpose: ExportPurpose, purposeText: String, recipient: String, query: MemberQuery = MemberQuery(),
                body: Int64? = nil) {
        self.body = body
        self.purpose = purpose
        self.purposeText = purposeText
        self.recipient = recipient
        self.query = query
    }
}
