
/// What a revocation did.
public struct RevocationResult: Sendable {
    public var serials: [String]
    public var crlSigned: Bool
    /// Vault key-holder entries of the revoked certificates: the caller must rotate the data key.
    public var holderIDs: [String]
}
