/// What `kartei audit prune` erased (or, in a dry run, would erase).
public struct PruneResult: Sendable {
    /// Entries whose contents go (their leaf hashes stay).
    public var count: Int
    /// Entries dated before this instant (`AuditTime`) are past retention.
    public var cutoff: String
}
