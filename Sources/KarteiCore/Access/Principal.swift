import Foundation
import KarteiMessages

/// Who is acting: always established from a verified certificate (or, for vault administration
/// only, from a vault key-holder secret). Every core operation takes one.
public struct Principal: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A user authenticated by their certificate.
        case user
        /// Someone who opened the vault with its passphrase or recovery code: vault and user
        /// administration only.
        case keyHolder
    }

    public var kind: Kind
    public var userID: Int64?
    /// The user's name (shown to the user themselves, never logged).
    public var name: String
    public var role: Role
    public var scope: Scope
    /// Serial of the certificate, or the key-holder id.
    public var credential: String
    /// How the principal reached the core: "local", "local via holder <serial>", or a remote address.
    public var client: String

    public init(kind: Kind, userID: Int64?, name: String, role: Role, scope: Scope, credential: String, client: String) {
        self.kind = kind
        self.userID = userID
        self.name = name
        self.role = role
        self.scope = scope
        self.credential = credential
        self.client = client
    }

    /// "district officer Leipzig", "treasurer", "vault key holder 3f2a…": for messages; no name.
    public var actorMessage: Message {
        switch (kind, scope) {
        case (.keyHolder, _):
            Message(.actorKeyHolder, ["id": String(credential.prefix(8))])
        case (.user, .district(let district)):
            Message(.actorScoped, ["role": role.message.text(), "district": district])
        case (.user, .all):
            Message(.actorUnscoped, ["role": role.message.text()])
        }
    }
}
