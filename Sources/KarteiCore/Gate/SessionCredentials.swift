import KarteiVault

/// How a session is opened: the acting user's identity, and what unlocks the vault.
public struct SessionCredentials: Sendable {
    /// The acting user (`--identity`, `KARTEI_IDENTITY`).
    public var identity: IdentitySource?
    /// A key holder's identity, when the acting user holds no key (`KARTEI_HOLDER_IDENTITY`): this
    /// process then unlocks with the holder's key and acts for the user (docs/IDENTITIES.md).
    public var holderIdentity: IdentitySource?
    /// A vault passphrase or recovery code: vault and user administration only.
    public var vaultSecret: Unlocker?

    public init(identity: IdentitySource? = nil, holderIdentity: IdentitySource? = nil, vaultSecret: Unlocker? = nil) {
        self.identity = identity
        self.holderIdentity = holderIdentity
        self.vaultSecret = vaultSecret
    }
}
