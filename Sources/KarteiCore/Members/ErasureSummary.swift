
/// What an erasure did, or in a dry run would do.
public struct ErasureSummary: Sendable, Codable {
    public var dryRun: Bool
    /// Exit dates on or before this day are past retention.
    public var cutoff: String
    public var members: [String]
}
