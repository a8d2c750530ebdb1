import KarteiCrypto

/// A certificate authority just created: its certificate and its private key, which the caller
/// writes to an encrypted file and forgets.
public struct NewCertificateAuthority: @unchecked Sendable {
    public var certificate: Certificate
    public var key: PrivateKey
}
