import Foundation
import KarteiCore
import KarteiCrypto
import KarteiVault

/// A complete test installation made at run time: a vault with its CA, the 13 districts, one
/// user and PKCS#12 identity per role (the district officer in Leipzig), treasurer and server as
/// key holders. Nothing is stored in the repository.
public final class TestInstallation: @unchecked Sendable {
    public struct Member: Sendable {
        public let userID: Int64
        public let path: String
        public let passphrase: SecretBytes
        public var source: IdentitySource { IdentitySource(path: path, passphrase: passphrase) }
    }

    public let dir: TemporaryDirectory
    public let vaultPath: String
    public let caKey: PrivateKey
    public let vaultPassphrase = TestVaults.passphrase
    public private(set) var members: [Role: Member] = [:]
    public let options: VaultOptions
    /// This client's checkpoint store (in the test directory).
    public let checkpoints: ClientCheckpointStore

    public static let district = "Leipzig"

    public init(now: @escaping @Sendable () -> Date = { Date() }) throws {
        dir = try TemporaryDirectory("kartei-pki")
        vaultPath = dir.file("lv.kartei")
        var options = TestVaults.options()
        options.now = now
        self.options = options
        checkpoints = ClientCheckpointStore(directory: dir.url.appendingPathComponent("state"))
        let session = try KarteiSession.create(at: vaultPath, passphrase: TestVaults.passphrase, label: "test", options: options,
                                               checkpoints: checkpoints)
        defer { try? session.close() }
        caKey = try session.authority.create().key
        for district in SyntheticCatalog.districts { try session.org.addDistrict(district.name) }
        let declaration = CalendarDate(now(), in: AssociationTime.defaultZone).iso
        for role in Role.allCases {
            let user = try session.users.add(name: "Test \(role.rawValue)", role: role,
                                           scope: role == .district ? .district(Self.district) : .all,
                                           declarationDate: declaration)
            let issued = try session.authority.issue(userID: user.id!, caKey: caKey,
                                                      dnsNames: role == .server ? ["localhost"] : [])
            let path = dir.file("\(role.rawValue).p12")
            try Data(issued.bundle!).write(to: URL(fileURLWithPath: path))
            members[role] = Member(userID: user.id!, path: path,
                                   passphrase: SecretBytes(copying: Array(issued.transportPassphrase!.utf8)))
            if role == .treasurer || role == .server { _ = try session.vaultAdmin.addKeyHolder(userID: user.id!) }
        }
        try session.close()
    }

    /// Credentials of a role: its own identity, plus the server as holder for roles without a key.
    public func credentials(_ role: Role) -> SessionCredentials {
        let member = members[role]!
        let holder = role == .treasurer || role == .server ? nil : members[.server]!.source
        return SessionCredentials(identity: member.source, holderIdentity: holder)
    }

    public func session(_ role: Role, acceptRollback: Bool = false) throws -> KarteiSession {
        try KarteiSession.open(at: vaultPath, credentials: credentials(role), options: options, checkpoints: checkpoints,
                               acceptRollback: acceptRollback)
    }

    /// A session opened with the vault passphrase (no certificate).
    public func keyHolderSession() throws -> KarteiSession {
        try KarteiSession.open(at: vaultPath, credentials: SessionCredentials(vaultSecret: .passphrase(vaultPassphrase)),
                               options: options, checkpoints: checkpoints)
    }
}
