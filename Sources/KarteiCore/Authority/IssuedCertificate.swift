import KarteiCrypto

/// What issuing produced: the certificate and, when kartei made the key, the bundle and its
/// one-time transport passphrase.
public struct IssuedCertificate: @unchecked Sendable {
    public var certificate: Certificate
    public var caCertificate: Certificate
    public var bundle: [UInt8]?
    public var transportPassphrase: String?
}
