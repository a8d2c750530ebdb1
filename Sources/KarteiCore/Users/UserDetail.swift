/// One user as `kartei user show` shows them: the summary, every certificate, the history.
public struct UserDetail: Sendable {
    public var summary: UserSummary
    public var certificates: [CertificateRecord]
    public var history: [UserEvent]
}
