import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// The vault's certificate authority (docs/IDENTITIES.md): created once, issues and revokes user
/// certificates, signs the CRL. The CA certificate and the CRL are public.
public struct AuthorityService: GatedService {
    let gate: Gate
}

extension AuthorityService {
    /// Creates the vault's CA (once). The caller writes the returned key to an encrypted file.
    public func create() throws -> NewCertificateAuthority {
        try perform(.caManage, on: .vault, objectType: "ca") { db in
            let created = try CertificateAuthority.create(vaultID: vault.vaultID, now: now, db)
            return (created, [created.certificate.serialHex])
        }
    }
    /// The CA certificate: public, needs no right.
    public func certificate() throws -> Certificate {
        try vault.read { db in try CertificateAuthority.certificate(db) }
    }
    /// The current signed CRL: public, needs no right.
    public func currentCRL() throws -> CertificateRevocationList? {
        try vault.read { db in try CertificateAuthority.currentCRL(db) }
    }
    /// Reads and checks the CA key file.
    public func loadKey(pem: String, passphrase: SecretBytes) throws -> PrivateKey {
        try vault.read { db in try CertificateAuthority.loadKey(pem: pem, passphrase: passphrase, db) }
    }
    /// Issues a certificate for a user: for the public key of a request, or for a new key pair
    /// delivered as a PKCS#12 bundle under a one-time transport passphrase.
    public func issue(userID: Int64, caKey: PrivateKey, request: CertificateSigningRequest? = nil,
                                 dnsNames: [String] = []) throws -> IssuedCertificate {
        try FreeText.check(dnsNames.map { ($0, .domain, "dns") })
        let newKey: PrivateKey? = request == nil ? try PrivateKey.generateP256() : nil
        let subjectKey = try request.map { try CertificateAuthority.acceptRequest($0) } ?? newKey?.publicKey
        guard let subjectKey else { throw CoreError(.csrUnreadable, ["path": "-"]) }
        let passphrase = try TransportPassphrase.generate()
        return try perform(.caManage, on: .vault, objectType: "user") { db in
            let user = try UserDirectory.find(userID, db)
            let certificate = try CertificateAuthority.issue(for: user, subjectKey: subjectKey, caKey: caKey,
                                                             vaultID: vault.vaultID, dnsNames: dnsNames,
                                                             actor: principal, now: now, db)
            // The superseded certificate goes on the CRL.
            try CertificateAuthority.signCRL(caKey: caKey, now: now, db)
            let ca = try CertificateAuthority.certificate(db)
            var issued = IssuedCertificate(certificate: certificate, caCertificate: ca)
            if let newKey {
                let bundle = try PKCS12Bundle.make(certificate: certificate, privateKey: newKey, chain: [ca],
                                                   friendlyName: user.name,
                                                   passphrase: SecretBytes(copying: Array(passphrase.utf8)),
                                                   iterations: CertificateAuthority.bundleIterations)
                // Which bundle carries the key: only its wrong passphrases count toward a lockout.
                let digest = try PKCS12Bundle.encryptedKeyDigests(bundle).first.map { Data($0) }
                try CertificateAuthority.recordBundleKeyDigest(digest, serial: certificate.serialHex, db)
                issued.bundle = bundle
                issued.transportPassphrase = passphrase
            }
            return (issued, [String(userID), certificate.serialHex])
        }
    }
    /// Revokes a user: effective at once in the vault; signs a new CRL when the CA key is given.
    /// Returns the key-holder entries that must go (the caller rotates the data key).
    public func revoke(_ id: Int64, reason: CRLReason, caKey: PrivateKey?) throws -> RevocationResult {
        let holders = try vault.holderCertificates()
        return try perform(.caManage, on: .vault, objectType: "user") { db in
            try UserDirectory.setStatus(id, .revoked, resetAttempts: false, action: "revoked", actor: principal, now: now, db)
            let serials = try CertificateAuthority.revokeCertificates(of: id, reason: reason, now: now, db)
            if let caKey { try CertificateAuthority.signCRL(caKey: caKey, now: now, db) }
            let all = try CertificateAuthority.serials(ofUser: id, db)
            let holderIDs = holders.filter { all.contains($0.serialHex) }.compactMap { vault.holderID(for: $0) }
            return (RevocationResult(serials: serials, crlSigned: caKey != nil, holderIDs: holderIDs), [String(id)] + serials)
        }
    }
    /// Signs a fresh CRL (monthly, or after a deferred revocation).
    public func signCRL(caKey: PrivateKey) throws -> CertificateRevocationList {
        try perform(.caManage, on: .vault, objectType: "ca") { db in
            let crl = try CertificateAuthority.signCRL(caKey: caKey, now: now, db)
            return (crl, [String(crl.crlNumber ?? 0)])
        }
    }
}
