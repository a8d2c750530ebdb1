import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Turns a presented identity into a principal (docs/IDENTITIES.md): which key unlocks the vault
/// (the identity's own, a holder identity's, or a vault secret), then every check of the identity
/// and, when a holder is used, of the holder. A refusal is recorded in the vault before it is
/// thrown, wherever the vault could be opened.
enum Authenticator {
    /// What an opening produced: the unlocked vault, who acts, and what unlocked it.
    struct Authenticated {
        let vault: Vault
        let principal: Principal
        let unlocker: Unlocker
    }

    /// Opens the vault at `path` for the credentials: with an identity (and a holder identity if
    /// given), or with a vault secret (vault and user administration only).
    static func open(at path: String, credentials: SessionCredentials, options: VaultOptions,
                     client: String) throws -> Authenticated {
        if let source = credentials.identity {
            return try openWithIdentity(at: path, source: source, holder: credentials.holderIdentity, options: options,
                                        client: client)
        }
        guard let secret = credentials.vaultSecret else { throw CoreError(.identityRequired) }
        let vault = try Vault.open(at: path, unlocking: secret, options: options)
        let principal = Principal(kind: .keyHolder, userID: nil, name: "", role: .treasurer, scope: .all,
                                  credential: "holder:" + (vault.unlockedHolderID ?? ""), client: client)
        return Authenticated(vault: vault, principal: principal, unlocker: secret)
    }

    private static func openWithIdentity(at path: String, source: IdentitySource, holder: IdentitySource?,
                                         options: VaultOptions, client: String) throws -> Authenticated {
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
            let now = max(now, CoreVault.latestRecordedTime(of: vault) ?? now)
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
            return Authenticated(vault: vault, principal: principal, unlocker: unlocker)
        } catch {
            try? vault.close()
            throw error
        }
    }

    /// The checks of docs/IDENTITIES.md, in order. A refusal is recorded before it is thrown.
    static func authenticate(presented: Certificate, loaded: Result<Identity, any Error>, keyDigests: [[UInt8]],
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
}
