import Foundation

/// What `kartei init` is to create: the vault, its CA key file, a recovery code, and the first
/// treasurer with a key-holder certificate. `Provisioning.prepare` checks it before any secret is
/// asked for; `Provisioning.initialize` makes all of it or nothing.
public struct VaultPlan: Sendable {
    /// The first treasurer: a user with a certificate that holds a key of the vault.
    public struct Treasurer: Sendable {
        public var name: String
        public var contact: String
        public var declarationDate: CalendarDate
        /// Where the treasurer's PKCS#12 bundle goes (default: `treasurer-1.p12` next to the vault).
        public var bundlePath: String?

        public init(name: String, contact: String = "", declarationDate: CalendarDate, bundlePath: String? = nil) {
            self.name = name
            self.contact = contact
            self.declarationDate = declarationDate
            self.bundlePath = bundlePath
        }
    }

    public var path: String
    /// The label of the passphrase holder.
    public var label: String
    /// Where the CA's encrypted key goes (default: `VAULT.ca-key.pem`).
    public var caKeyPath: String?
    public var recoveryCode: Bool
    public var treasurer: Treasurer?

    public init(path: String, label: String, caKeyPath: String? = nil, recoveryCode: Bool = true, treasurer: Treasurer? = nil) {
        self.path = path
        self.label = label
        self.caKeyPath = caKeyPath
        self.recoveryCode = recoveryCode
        self.treasurer = treasurer
    }
}

/// What `kartei init` made. The recovery code and the transport passphrase are shown once.
public struct VaultInitialization: @unchecked Sendable {
    public var path: String
    public var vaultID: [UInt8]
    public var caSerial: String
    public var caKeyPath: String
    public var recoveryCode: String?
    public var treasurer: IssuedTreasurer?

    public struct IssuedTreasurer: Sendable {
        public var userID: Int64
        public var serial: String
        public var bundlePath: String
        public var transportPassphrase: String
    }
}
