import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
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

/// An open vault and an authenticated principal. Every core operation goes through a session:
/// `perform` authorises the principal against the access policy, runs the operation, and appends
/// its audit event in the same transaction; a denial is recorded and thrown (exit 77).
public final class KarteiSession: @unchecked Sendable {
    public let vault: Vault
    public let principal: Principal
    /// What unlocked the vault (a rekey after a holder's revocation reopens with it).
    public let unlocker: Unlocker
    public let options: VaultOptions
    /// Where this client keeps the last checkpoint it saw (nil: not kept, tests of other things).
    public let checkpoints: ClientCheckpointStore?
    /// The places this client keeps checkpoints for: the path as it was named (absolute, links not
    /// resolved) and the file it leads to. A link put where the vault was, pointing at an older
    /// copy, is a rollback of the named place.
    private(set) var checkpointPlaces: [String] = []
    private let lock = NSLock()
    private var closed = false

    /// The association's time zone (a vault setting, Europe/Berlin by default): what "today" is.
    public let timeZone: TimeZone

    /// The clock, but after the newest time in the audit log: what is recorded (audit entries,
    /// `recordedAt`, cancellations) only moves forward, whatever the system clock does. A clock
    /// behind the log gives the log's newest time plus a millisecond (instants of the ledger are
    /// milliseconds: a correction is never "at" the instant a receipt run printed).
    public var now: Date {
        clockLock.lock()
        defer { clockLock.unlock() }
        let clock = options.now()
        if clock >= floor {
            floor = clock
            return clock
        }
        floor = floor.addingTimeInterval(0.001)
        return floor
    }
    private var floor: Date
    /// Its own lock: `now` is read while `lock` is held (closing signs a checkpoint at `now`).
    private let clockLock = NSLock()

    init(vault: Vault, principal: Principal, unlocker: Unlocker, options: VaultOptions, checkpoints: ClientCheckpointStore?) {
        self.vault = vault
        self.principal = principal
        self.unlocker = unlocker
        self.options = options
        self.checkpoints = checkpoints
        timeZone = Self.associationTimeZone(of: vault)
        floor = Self.latestRecordedTime(of: vault) ?? .distantPast
    }

    /// The newest time in the vault's audit log (nil for an empty log).
    static func latestRecordedTime(of vault: Vault) -> Date? {
        (try? vault.read { db in try AuditLog.latestTime(db) }).flatMap { $0 }.flatMap(AuditTime.parse)
    }

    /// The zone the vault's settings name (no personal data; read before a principal acts).
    static func associationTimeZone(of vault: Vault) -> TimeZone {
        (try? vault.read { db in try Settings.timeZone(db) }) ?? AssociationTime.defaultZone
    }

    /// The vault options with the core's schema registered after the vault's own.
    public static func options(_ base: VaultOptions) -> VaultOptions {
        var options = base
        let higher = base.schema
        options.schema = { migrator in
            CoreSchema.register(&migrator)
            higher(&migrator)
        }
        return options
    }

    // MARK: - Opening

    /// Creates a vault with a passphrase holder and returns a key-holder session on it (vault,
    /// CA and user administration), so that `kartei init` can set up the CA without unlocking twice.
    public static func create(at path: String, passphrase: SecretBytes, label: String,
                              options base: VaultOptions = VaultOptions(), client: String = "local",
                              checkpoints: ClientCheckpointStore? = nil) throws -> KarteiSession {
        try FreeText.check(label, .name, field: "label")
        let options = Self.options(base)
        let vault = try Vault.create(at: path, passphrase: passphrase, label: label, options: options)
        return try started(vault, passphrase: passphrase, options: options, client: client, checkpoints: checkpoints)
    }

    /// `create`, but the vault stays under a hidden name next to `path` (`VaultStaging`), where
    /// the session works on it; `kartei init` gives it its name after its companion files.
    static func createHidden(for path: String, purpose: String, passphrase: SecretBytes, label: String,
                             options base: VaultOptions) throws -> KarteiSession {
        let options = Self.options(base)
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
        let session = KarteiSession(vault: vault, principal: principal, unlocker: .passphrase(passphrase), options: options,
                                    checkpoints: checkpoints)
        try session.record(action: "vault.create", objectType: "vault", outcome: .success)
        return session
    }

    /// Opens the vault and authenticates the acting identity before anything else: bundle and
    /// passphrase, chain to this vault's CA, validity, purpose, revocation, the user's status.
    /// After the identity is verified, the vault's log must still extend the last checkpoint this
    /// client saw (rollback detection); `acceptRollback` records and accepts a deliberate restore.
    public static func open(at path: String, credentials: SessionCredentials, options base: VaultOptions = VaultOptions(),
                            client: String = "local", checkpoints: ClientCheckpointStore? = nil,
                            acceptRollback: Bool = false) throws -> KarteiSession {
        let options = Self.options(base)
        let session: KarteiSession
        if let source = credentials.identity {
            session = try openWithIdentity(at: path, source: source, holder: credentials.holderIdentity, options: options,
                                           client: client, checkpoints: checkpoints)
        } else {
            guard let secret = credentials.vaultSecret else { throw CoreError(.identityRequired) }
            let vault = try Vault.open(at: path, unlocking: secret, options: options)
            let holderID = vault.unlockedHolderID ?? ""
            let principal = Principal(kind: .keyHolder, userID: nil, name: "", role: .treasurer, scope: .all,
                                      credential: "holder:" + holderID, client: client)
            session = KarteiSession(vault: vault, principal: principal, unlocker: secret, options: options,
                                    checkpoints: checkpoints)
        }
        session.checkpointPlaces = Array(Set([URL(fileURLWithPath: path).standardizedFileURL.path, session.vault.path])).sorted()
        do {
            try session.checkRollback(accept: acceptRollback)
            if !session.vault.rewrittenKeyringCopies.isEmpty {
                // A header copy that did not authenticate: a crash during a key-holder change, or a
                // changed file. The copy was rewritten from the authentic one; the log keeps it.
                try session.record(action: "vault.keyring.rewritten", objectType: "vault",
                                   objectIDs: session.vault.rewrittenKeyringCopies.map(String.init), outcome: .failed)
            }
            try session.record(action: "vault.open", objectType: "vault", outcome: .success)
        } catch {
            try? session.vault.close()
            throw error
        }
        return session
    }

    /// Compares the client's last checkpoints (of every place) with the vault's log. Accepting a
    /// rollback is vault administration: decided by the policy before it takes effect.
    private func checkRollback(accept: Bool) throws {
        guard let checkpoints else { return }
        for place in checkpointPlaces {
            guard let seen = checkpoints.load(vaultID: vault.vaultID, path: place) else { continue }
            try checkRollback(seen, accept: accept)
        }
    }

    private func checkRollback(_ seen: Checkpoint, accept: Bool) throws {
        let finding = try vault.read { db in try AuditLog.rollbackFinding(seen, vaultID: vault.vaultID, db) }
        guard let finding else { return }
        let current = try vault.read { db in try AuditLog.size(db) }
        if accept {
            let decision = try vault.read { db in
                AccessPolicy.decide(principal, .vaultAdmin, .vault, grants: try grants(db), at: now)
            }
            if case .denied(let reason, _, _, _) = decision {
                try record(action: "audit.rollback.accepted", objectType: "log",
                           objectIDs: [String(seen.size), String(current), finding], outcome: .denied)
                throw AccessDenied(reason: reason, principal: principal, operation: .vaultAdmin, target: .vault)
            }
            try record(action: "audit.rollback.accepted", objectType: "log",
                       objectIDs: [String(seen.size), String(current), finding], outcome: .success)
            return
        }
        try record(action: "audit.rollback.detected", objectType: "log",
                   objectIDs: [String(seen.size), String(current), finding], outcome: .denied)
        throw CoreError(.rollbackDetected, ["count": String(seen.size), "current": String(current), "finding": finding])
    }

    private static func openWithIdentity(at path: String, source: IdentitySource, holder: IdentitySource?,
                                         options: VaultOptions, client: String,
                                         checkpoints: ClientCheckpointStore?) throws -> KarteiSession {
        let loaded = Result { try source.load() }
        // A bundle that encrypts its certificates too (openssl's default) shows whose it is only
        // once the passphrase opened it; a wrong passphrase on it cannot be attributed to anyone.
        guard let presented = try source.visibleCertificate() ?? (try? loaded.get())?.certificate else {
            throw loaded.failure ?? CoreError(.identityUnreadable, ["path": source.path])
        }
        let holders = try Vault.holderFingerprints(at: path)
        let now = options.now()
        let unlocker: Unlocker
        var via = client
        var holderIdentity: Identity?
        let fingerprint = SHA256.hash(presented.derEncoded)
        if holders.current.contains(fingerprint), case .success(let identity) = loaded {
            unlocker = .holderKey(certificateDER: identity.certificate.derEncoded, privateKey: identity.privateKey)
        } else if let holder {
            let identity = try holder.load()
            // An expired holder certificate opens nothing; revocation and lockout are checked
            // inside, where they are recorded.
            if let failure = CertificateVerifier.validity(of: identity.certificate, at: now) {
                // When the caller's own certificate is out of its period too, that is what they must hear.
                if let own = CertificateVerifier.validity(of: presented, at: now) { throw Self.error(for: own, presented) }
                throw CoreError(.identityHolderOutOfPeriod, ["why": Self.error(for: failure, identity.certificate).message.text()])
            }
            // A holder that was revoked, renewed or removed opens nothing: say so, not "wrong key".
            let holderFingerprint = SHA256.hash(identity.certificate.derEncoded)
            if !holders.current.contains(holderFingerprint), holders.retired.contains(holderFingerprint) {
                throw CoreError(.identityHolderRetired, ["serial": identity.certificate.serialHex])
            }
            unlocker = .holderKey(certificateDER: identity.certificate.derEncoded, privateKey: identity.privateKey)
            via = "\(client) via holder \(identity.certificate.serialHex)"
            holderIdentity = identity
        } else if case .failure(let error) = loaded {
            // A key holder's own bundle with a wrong passphrase: the vault stays closed, so there
            // is nowhere to count the attempt. Offline guessing is what the bundle's KDF is for.
            throw error
        } else if holders.retired.contains(fingerprint) {
            // It was a key holder and was removed (revoked, renewed, taken out): not a
            // configuration matter.
            throw CoreError(.identityNotAKeyHolder, ["serial": presented.serialHex])
        } else {
            throw CoreError(.identityNeedsHolder)
        }
        let vault = try Vault.open(at: path, unlocking: unlocker, options: options)
        do {
            // Certificates are judged at the vault's time: never before its newest audit entry (a
            // clock set back does not make an expired certificate valid again).
            let now = max(now, latestRecordedTime(of: vault) ?? now)
            if let holderIdentity {
                // The holder this process acts through must itself be a current, unlocked user.
                do {
                    _ = try authenticate(presented: holderIdentity.certificate, loaded: .success(holderIdentity), keyDigests: [],
                                         vault: vault, client: client, now: now)
                } catch let error as CoreError {
                    throw CoreError(.identityHolderRefused, ["why": error.message.text()])
                }
            }
            let principal = try authenticate(presented: presented, loaded: loaded, keyDigests: source.encryptedKeyDigests(),
                                             vault: vault, client: via, now: now)
            return KarteiSession(vault: vault, principal: principal, unlocker: unlocker, options: options,
                                 checkpoints: checkpoints)
        } catch {
            try? vault.close()
            throw error
        }
    }

    /// The checks of docs/IDENTITIES.md, in order. A refusal is recorded before it is thrown.
    private static func authenticate(presented: Certificate, loaded: Result<Identity, any Error>, keyDigests: [[UInt8]],
                                     vault: Vault, client: String, now: Date) throws -> Principal {
        let serial = presented.serialHex
        let outcome: Result<Principal, CoreError> = try vault.write { db in
            let verdict = try judge(presented, loaded: loaded, keyDigests: keyDigests, client: client, now: now, db)
            switch verdict {
            case .success(let principal):
                if let id = principal.userID { try UserDirectory.clearFailedAttempts(userID: id, db) }
            case .failure(let error):
                try AuditLog.append(AuditEvent(at: now, unauthenticatedCredential: serial, action: "identity.refused",
                                               outcome: .denied, client: client, detail: error.code.rawValue), db)
                // The refusal is part of the log: sign it, so no later rollback can hide it.
                try AuditLog.signCheckpoint(vaultID: vault.vaultID, now: now, db)
            }
            return verdict
        }
        return try outcome.get()
    }

    /// Whether a presented certificate (and the key its bundle gave, or the failure to open it)
    /// makes a principal. The user's state comes first: a locked or revoked user hears so whatever
    /// passphrase was typed. A wrong passphrase counts toward the lockout only for the bundle that
    /// carries the key kartei issued with the certificate (`keyDigests` of the presented file
    /// against the digest recorded at issue), not for a file someone built around the public
    /// certificate.
    static func judge(_ presented: Certificate, loaded: Result<Identity, any Error>, keyDigests: [[UInt8]], client: String,
                      now: Date, _ db: Database) throws -> Result<Principal, CoreError> {
        let ca = try CertificateAuthority.certificate(db)
        if let failure = CertificateVerifier(trustAnchor: ca, crls: []).verify(presented, purpose: .clientAuth, at: now) {
            return .failure(Self.error(for: failure, presented))
        }
        guard let record = try UserDirectory.certificate(serial: presented.serialHex, db),
              record.der == Data(presented.derEncoded) else {
            return .failure(CoreError(.identityInvalid))
        }
        let user = try UserDirectory.find(record.userID, db)
        // The certificate presented must be the one the private key belongs to: a bundle could
        // carry someone else's certificate in a plain part beside the caller's own key.
        if case .success(let identity) = loaded, identity.certificate.derEncoded != presented.derEncoded {
            return .failure(CoreError(.identityKeyMismatch, ["path": presented.serialHex]))
        }
        switch record.status {
        case .revoked: return .failure(CoreError(.identityRevoked, ["serial": record.serial]))
        case .superseded: return .failure(CoreError(.identityNotCurrent, ["serial": record.serial]))
        case .valid: break
        }
        switch user.status {
        case .locked: return .failure(CoreError(.identityUserLocked, ["id": String(record.userID)]))
        case .revoked: return .failure(CoreError(.identityUserRevoked, ["id": String(record.userID)]))
        case .active: break
        }
        if case .failure(let error) = loaded {
            guard let coreError = error as? CoreError, coreError.code == .identityWrongPassphrase else {
                return .failure(error as? CoreError ?? CoreError(.identityUnreadable))
            }
            guard let issued = record.bundleKeyDigest, keyDigests.contains([UInt8](issued)) else { return .failure(coreError) }
            let locked = try UserDirectory.recordFailedAttempt(userID: record.userID, now: now, db)
            if locked { return .failure(CoreError(.identityUserLocked, ["id": String(record.userID)])) }
            var counted = coreError
            counted.context["attempts"] = String(try UserDirectory.find(record.userID, db).failedAttempts)
            counted.context["limit"] = String(try Settings.lockoutThreshold(db))
            return .failure(counted)
        }
        // The certificate must still say what the record says (a changed role needs a new certificate).
        guard let role = presented.roleExtension, role.role == user.role.rawValue,
              (role.scope ?? "") == user.scope else {
            return .failure(CoreError(.identityNotCurrent, ["serial": record.serial]))
        }
        return .success(Principal(kind: .user, userID: user.id, name: user.name, role: user.role, scope: user.scopeValue,
                                  credential: presented.serialHex, client: client))
    }

    static func error(for failure: VerificationFailure, _ certificate: Certificate) -> CoreError {
        let date = CalendarDate(certificate.notAfter, in: AssociationTime.defaultZone).iso
        switch failure {
        case .expired: return CoreError(.identityExpired, ["date": date])
        case .notYetValid: return CoreError(.identityNotYetValid, ["date": CalendarDate(certificate.notBefore, in: AssociationTime.defaultZone).iso])
        case .revoked: return CoreError(.identityRevoked, ["serial": certificate.serialHex])
        case .untrustedIssuer, .nameConstraintViolation: return CoreError(.identityForeignCA)
        case .badSignature: return CoreError(.identityTampered)
        case .wrongPurpose, .notALeaf: return CoreError(.identityWrongPurpose)
        case .crlMissing, .crlExpired, .other: return CoreError(.identityInvalid)
        }
    }

    // MARK: - Authorised, audited operations

    /// Authorises the principal for an operation on a target; a denial is recorded and thrown.
    /// A purpose that breaks the text rule (`FreeText`) is refused first, and nothing is recorded:
    /// the request was not accepted, so there is nothing to decide, and the log never holds such text.
    public func authorize(_ operation: AccessOperation, on target: AccessTarget, purpose: String = "",
                          objectType: String = "vault", objectIDs: [String] = []) throws {
        try FreeText.check(purpose, .purpose, field: "purpose")
        let decision = try vault.read { db in
            AccessPolicy.decide(principal, operation, target, grants: try grants(db), at: now)
        }
        guard case .denied(let reason, _, _, _) = decision else { return }
        try record(action: operation.rawValue, objectType: objectType, objectIDs: objectIDs, purpose: purpose, outcome: .denied)
        throw AccessDenied(reason: reason, principal: principal, operation: operation, target: target)
    }

    /// The one audited path: authorises, runs `body` in a write transaction, and appends the
    /// audit event with the record ids `body` returns in the same transaction. A failure of
    /// `body` rolls everything back and is recorded as failed.
    public func perform<T>(_ operation: AccessOperation, on target: AccessTarget, purpose: String = "", objectType: String,
                           _ body: (Database) throws -> (T, [String])) throws -> T {
        // `authorize` refuses a purpose that breaks the text rule before anything is recorded.
        try authorize(operation, on: target, purpose: purpose, objectType: objectType)
        try checkPurpose(operation, purpose, objectType: objectType)
        do {
            return try vault.write { db in
                let (result, ids) = try body(db)
                try AuditLog.append(AuditEvent(at: now, principal: principal, action: operation.rawValue,
                                               objectType: objectType, objectIDs: ids, purpose: purpose,
                                               outcome: .success), db)
                return result
            }
        } catch {
            try? record(action: operation.rawValue, objectType: objectType, purpose: purpose, outcome: .failed)
            throw error
        }
    }

    /// The same path when the target is only known from the data: `resolve` finds it (for example
    /// the district of the member asked for) in the transaction that then runs `body`, so the
    /// decision and the data cannot drift apart. A denial writes nothing but its own entry, naming
    /// `requested`.
    ///
    /// Nothing about the record leaks to someone who may not read it: a role without the right
    /// anywhere is refused before anything is looked up, and a principal whose reach is its own
    /// district gets the same denial for a record elsewhere as for one that does not exist.
    public func perform<T>(_ operation: AccessOperation, purpose: String = "", objectType: String, requested: [String],
                           resolving resolve: (Database) throws -> AccessTarget,
                           _ body: (Database, AccessTarget) throws -> (T, [String])) throws -> T {
        // A purpose that breaks the text rule: refused, nothing recorded (see `authorize`).
        try FreeText.check(purpose, .purpose, field: "purpose")
        let reach = AccessPolicy.reach(principal, operation)
        if reach == nil {
            try record(action: operation.rawValue, objectType: objectType, objectIDs: requested, purpose: purpose,
                       outcome: .denied)
            let reason: AccessDecision.Reason = principal.kind == .keyHolder ? .needsCertificate : .roleLacksRight
            throw AccessDenied(reason: reason, principal: principal, operation: operation, target: .vault, requested: requested)
        }
        try checkPurpose(operation, purpose, objectType: objectType)
        var denial: AccessDenied?
        let result: T?
        do {
            result = try vault.write { db -> T? in
                let target: AccessTarget
                do {
                    target = try resolve(db)
                } catch let error as CoreError where reach != .all && error.code.isNotFound {
                    denial = AccessDenied(reason: .outsideScope, principal: principal, operation: operation, target: .vault,
                                          requested: requested)
                    return nil
                }
                let decision = AccessPolicy.decide(principal, operation, target, grants: try grants(db), at: now)
                if case .denied(let reason, _, _, _) = decision {
                    denial = AccessDenied(reason: reason, principal: principal, operation: operation, target: target,
                                          requested: requested)
                    return nil
                }
                let (result, ids) = try body(db, target)
                try AuditLog.append(AuditEvent(at: now, principal: principal, action: operation.rawValue,
                                               objectType: objectType, objectIDs: ids, purpose: purpose,
                                               outcome: .success), db)
                return result
            }
        } catch {
            try? record(action: operation.rawValue, objectType: objectType, objectIDs: requested, purpose: purpose,
                        outcome: .failed)
            throw error
        }
        if let result { return result }
        try record(action: operation.rawValue, objectType: objectType, objectIDs: requested, purpose: purpose, outcome: .denied)
        throw denial!
    }

    /// A vault can require a purpose for every operation on member data; a missing one is a denial.
    private func checkPurpose(_ operation: AccessOperation, _ purpose: String, objectType: String) throws {
        if operation.touchesMemberData && purpose.trimmingCharacters(in: .whitespaces).isEmpty,
           try vault.read({ db in try Settings.purposeRequired(db) }) {
            try record(action: operation.rawValue, objectType: objectType, outcome: .denied)
            throw CoreError(.purposeRequired)
        }
    }

    /// Whether the principal may apply an operation to one member (search results, list filters).
    func permits(_ operation: AccessOperation, _ target: AccessTarget, grants: [Grant]) -> Bool {
        if case .allowed = AccessPolicy.decide(principal, operation, target, grants: grants, at: now) { return true }
        return false
    }

    /// Appends one audit event in its own transaction. A purpose that breaks the text rule is
    /// refused (every caller has checked it before; this keeps it out of the log whoever calls).
    public func record(action: String, objectType: String, objectIDs: [String] = [], purpose: String = "",
                       outcome: AuditEvent.Outcome) throws {
        try FreeText.check(purpose, .purpose, field: "purpose")
        try vault.write { db in
            try AuditLog.append(AuditEvent(at: now, principal: principal, action: action, objectType: objectType,
                                           objectIDs: objectIDs, purpose: purpose, outcome: outcome), db)
        }
    }

    func grants(_ db: Database) throws -> [Grant] {
        guard let district = principal.scope.districtName else { return [] }
        return try Row.fetchAll(db, sql: "SELECT * FROM accessGrant WHERE district = ?", arguments: [district]).compactMap {
            guard let operation = AccessOperation(rawValue: $0["operation"]) else { return nil }
            return Grant(id: $0["id"], district: $0["district"], operation: operation, memberNumber: $0["memberNumber"],
                         validFrom: $0["validFrom"], validUntil: $0["validUntil"], reason: $0["reason"])
        }
    }

    /// Signs a checkpoint of the log as it is now (if it grew), keeps it in the vault and in the
    /// client's store, and closes the vault.
    public func close() throws {
        _ = try finish()
    }

    /// `close()`, returning the checkpoint it signed (nil if the session was closed before).
    func finish() throws -> Checkpoint? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return nil }
        closed = true
        let checkpoint: Checkpoint
        do {
            checkpoint = try vault.write { db in try AuditLog.signCheckpoint(vaultID: vault.vaultID, now: now, db) }
            for place in checkpointPlaces.isEmpty ? [vault.path] : checkpointPlaces {
                try checkpoints?.save(checkpoint, vaultID: vault.vaultID, path: place)
            }
        } catch {
            try? vault.close()
            throw error
        }
        try vault.close()
        return checkpoint
    }
}
