import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// An open vault and an authenticated principal: what a command works with. A façade over the
/// core's gate (`Gate`): each domain is a service of its own (`session.members`, `session.finance`,
/// …) whose every function is one authorised, audited operation.
public final class KarteiSession: @unchecked Sendable, GatedService {
    let core: CoreVault
    let gate: Gate
    public var principal: Principal { gate.principal }
    /// What unlocked the vault (a rekey after a holder's revocation reopens with it).
    public let unlocker: Unlocker

    /// The vault file (package access: storage benchmarks and tests; the CLI cannot reach it).
    package var vault: Vault { core.vault }
    /// The association's time zone: what "today" is.
    public var timeZone: TimeZone { core.timeZone }
    /// The clock as the vault keeps it: never behind the newest audit entry.
    public var now: Date { core.now }
    /// Today in the association's time zone.
    public var today: CalendarDate { core.today }

    init(core: CoreVault, principal: Principal, unlocker: Unlocker) {
        self.core = core
        gate = Gate(core: core, principal: principal)
        self.unlocker = unlocker
    }

    // MARK: - Rooms

    /// The member file: people, history, lifecycle, imports, search, care, Art. 15, erasure.
    public var members: MemberService { MemberService(gate: gate) }
    /// Purpose-limited exports and their traces.
    public var exports: ExportService { ExportService(gate: gate) }
    /// Districts, branches, caucuses, bodies, offices, mandates.
    public var org: OrgService { OrgService(gate: gate) }
    /// Dues, arrears, payments, donations.
    public var finance: FinanceService { FinanceService(gate: gate) }
    /// Transfers to and from other state associations.
    public var transfers: TransferService { TransferService(gate: gate) }
    /// Users, their declarations and status, grants.
    public var users: UserService { UserService(gate: gate) }
    /// The vault's certificate authority.
    public var authority: AuthorityService { AuthorityService(gate: gate) }
    /// The audit log.
    public var audit: AuditService { AuditService(gate: gate) }
    /// Vault-wide settings.
    public var settings: SettingsService { SettingsService(gate: gate) }
    /// The vault file itself: facts, check, backups, key holders, repair.
    public var vaultAdmin: VaultAdminService { VaultAdminService(gate: gate) }

    // MARK: - Opening

    /// Creates a vault with a passphrase holder and returns a key-holder session on it (vault,
    /// CA and user administration), so that `kartei init` can set up the CA without unlocking twice.
    public static func create(at path: String, passphrase: SecretBytes, label: String,
                              options base: VaultOptions = VaultOptions(), client: String = "local",
                              checkpoints: ClientCheckpointStore? = nil) throws -> KarteiSession {
        try FreeText.check(label, .name, field: "label")
        let options = CoreVault.options(base)
        let vault = try Vault.create(at: path, passphrase: passphrase, label: label, options: options)
        return try started(vault, passphrase: passphrase, options: options, client: client, checkpoints: checkpoints)
    }

    /// `create`, but the vault stays under a hidden name next to `path` (`VaultStaging`), where
    /// the session works on it; `kartei init` gives it its name after its companion files.
    static func createHidden(for path: String, purpose: String, passphrase: SecretBytes, label: String,
                             options base: VaultOptions) throws -> KarteiSession {
        let options = CoreVault.options(base)
        let vault = try VaultStaging.create(for: path, purpose: purpose, passphrase: passphrase, label: label, options: options)
        do {
            return try started(vault, passphrase: passphrase, options: options, client: "local", checkpoints: nil)
        } catch {
            try? vault.close()
            VaultStaging.discard(vault.path)
            throw error
        }
    }

    /// The key-holder session on a vault just created, its creation in the log.
    private static func started(_ vault: Vault, passphrase: SecretBytes, options: VaultOptions, client: String,
                                checkpoints: ClientCheckpointStore?) throws -> KarteiSession {
        let principal = Principal(kind: .keyHolder, userID: nil, name: "", role: .treasurer, scope: .all,
                                  credential: "holder:" + (try vault.holders().first?.id ?? ""), client: client)
        let core = CoreVault(vault: vault, options: options, checkpoints: checkpoints)
        let session = KarteiSession(core: core, principal: principal, unlocker: .passphrase(passphrase))
        try session.gate.record(action: "vault.create", objectType: "vault", outcome: .success)
        return session
    }

    /// Opens the vault and authenticates the acting identity before anything else: bundle and
    /// passphrase, chain to this vault's CA, validity, purpose, revocation, the user's status
    /// (`Authenticator`). After the identity is verified, the vault's log must still extend the
    /// last checkpoint this client saw (rollback detection); `acceptRollback` asks to accept a
    /// deliberate restore, which the policy allows the treasurer only.
    public static func open(at path: String, credentials: SessionCredentials, options base: VaultOptions = VaultOptions(),
                            client: String = "local", checkpoints: ClientCheckpointStore? = nil,
                            acceptRollback: Bool = false) throws -> KarteiSession {
        let options = CoreVault.options(base)
        let opened = try Authenticator.open(at: path, credentials: credentials, options: options, client: client)
        let core = CoreVault(vault: opened.vault, options: options, checkpoints: checkpoints, namedPath: path)
        let session = KarteiSession(core: core, principal: opened.principal, unlocker: opened.unlocker)
        do {
            try session.gate.checkRollback(accept: acceptRollback)
            if !opened.vault.rewrittenKeyringCopies.isEmpty {
                // A header copy that did not authenticate: a crash during a key-holder change, or a
                // changed file. The copy was rewritten from the authentic one; the log keeps it.
                try session.gate.record(action: "vault.keyring.rewritten", objectType: "vault",
                                        objectIDs: opened.vault.rewrittenKeyringCopies.map(String.init), outcome: .failed)
            }
            try session.gate.record(action: "vault.open", objectType: "vault", outcome: .success)
        } catch {
            try? opened.vault.close()
            throw error
        }
        return session
    }

    // MARK: - Closing

    /// Signs a checkpoint of the log as it is now, keeps it in the vault and in the client's
    /// store, and closes the vault.
    public func close() throws { try core.close() }

    /// `close()`, returning the checkpoint it signed (nil if the session was closed before).
    func finish() throws -> Checkpoint? { try core.finish() }
}
