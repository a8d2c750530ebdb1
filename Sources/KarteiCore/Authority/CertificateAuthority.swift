import Foundation
import GRDB
import KarteiCrypto

/// The vault's own certificate authority (docs/IDENTITIES.md): creates itself, issues, renews and
/// revokes user certificates, signs the CRL. Runs inside the caller's transaction; the caller has
/// authorised the principal and loaded the CA key.
public enum CertificateAuthority {
    public static let caValidityDays = 3652
    public static let userValidityDays = 365
    public static let crlValidityDays = 30
    /// PBKDF2 iterations of the PKCS#12 bundles: the transport passphrase carries 100 random bits.
    public static let bundleIterations = 200_000

    /// "kartei 1a2b…": every certificate of this vault carries it as O; the CA's name constraint permits only it.
    public static func organization(vaultID: [UInt8]) -> String {
        "kartei " + Hex.string(vaultID.prefix(8))
    }

    /// "v1a2b….kartei.invalid": the only URI host the CA's name constraint permits.
    public static func uriHost(vaultID: [UInt8]) -> String {
        "v" + Hex.string(vaultID.prefix(8)) + ".kartei.invalid"
    }

    /// "https://v….kartei.invalid/role/district/Leipzig": role and scope, readable in `openssl x509 -text`.
    public static func roleURI(vaultID: [UInt8], role: Role, scope: Scope) -> String {
        var uri = "https://\(uriHost(vaultID: vaultID))/role/\(role.rawValue)"
        if let district = scope.districtName {
            // RFC 3986 unreserved characters; everything else (umlauts, spaces) percent-encoded.
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
            uri += "/" + (district.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return uri
    }

    // MARK: - The CA itself

    /// Creates the CA in a vault that has none; returns its certificate and private key (the
    /// caller writes the key to an encrypted file and forgets it).
    static func create(vaultID: [UInt8], now: Date, _ db: Database) throws -> NewCertificateAuthority {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificateAuthority)") == true {
            throw CoreError(.caExists)
        }
        let key = try PrivateKey.generateP256()
        let certificate = try CertificateBuilder.makeCA(
            key: key, commonName: "kartei CA", organization: organization(vaultID: vaultID),
            uriHost: uriHost(vaultID: vaultID), serial: try serial(), notBefore: now, validityDays: caValidityDays)
        try db.execute(sql: "INSERT INTO certificateAuthority (id, certificate, createdAt, crlNumber) VALUES (1, ?, ?, 0)",
                       arguments: [Data(certificate.derEncoded), now])
        _ = try signCRL(caKey: key, now: now, db)
        return NewCertificateAuthority(certificate: certificate, key: key)
    }

    package static func certificate(_ db: Database) throws -> Certificate {
        guard let der = try Data.fetchOne(db, sql: "SELECT certificate FROM certificateAuthority WHERE id = 1") else {
            throw CoreError(.caMissing)
        }
        return try Certificate(derEncoded: [UInt8](der))
    }

    package static func currentCRL(_ db: Database) throws -> CertificateRevocationList? {
        guard let der = try Data.fetchOne(db, sql: "SELECT crl FROM certificateAuthority WHERE id = 1") else { return nil }
        return try CertificateRevocationList(derEncoded: [UInt8](der))
    }

    /// Reads the CA key file and checks that it belongs to this vault's CA.
    package static func loadKey(pem: String, passphrase: SecretBytes, _ db: Database) throws -> PrivateKey {
        let key: PrivateKey
        do {
            key = try EncryptedPrivateKey.decrypt(pem: pem, passphrase: passphrase)
        } catch let error as CryptoError where error.code == .wrongPassphrase {
            throw CoreError(.caKeyWrongPassphrase)
        } catch {
            throw CoreError(.caKeyUnreadable)
        }
        guard key.matches(try certificate(db).publicKey) else { throw CoreError(.caKeyMismatch) }
        return key
    }

    // MARK: - Issuing

    /// Checks a certificate request: its own signature, a P-256 key, and no requested extensions
    /// (the CA decides every extension). Returns its public key.
    public static func acceptRequest(_ request: CertificateSigningRequest) throws -> PublicKey {
        guard request.isSelfSignatureValid else { throw CoreError(.csrBadSignature) }
        let extensions = request.requestedExtensionOIDs
        guard extensions.isEmpty else {
            throw CoreError(.csrHasExtensions, ["oids": extensions.joined(separator: ", ")])
        }
        let key = try request.publicKey
        guard key.isP256 else { throw CoreError(.csrUnsupportedKey) }
        return key
    }

    /// Issues a one-year certificate for an active user with a declaration on file. A previous
    /// valid certificate is superseded (and listed on the next CRL).
    package static func issue(for user: UserRecord, subjectKey: PublicKey, caKey: PrivateKey, vaultID: [UInt8],
                             dnsNames: [String] = [], actor: Principal, now: Date, _ db: Database) throws -> Certificate {
        guard let userID = user.id else { throw CoreError(.userNotFound) }
        guard user.status == .active else { throw CoreError(.userNotActive, ["id": String(userID)]) }
        guard let declaration = user.declarationDate, !declaration.isEmpty else {
            throw CoreError(.declarationMissing, ["id": String(userID)])
        }
        try UserDirectory.checkScope(role: user.role, scope: user.scopeValue, db)
        let ca = try certificate(db)
        var usages: Set<ExtendedKeyUsage> = [.clientAuth]
        if user.role == .server { usages.insert(.serverAuth) }
        let certificate = try CertificateBuilder.makeLeaf(
            subjectKey: subjectKey, commonName: user.name, organization: organization(vaultID: vaultID),
            role: RoleExtension(role: user.role.rawValue, scope: user.scopeValue.districtName),
            uris: [roleURI(vaultID: vaultID, role: user.role, scope: user.scopeValue)],
            dnsNames: user.role == .server ? dnsNames : [], extendedKeyUsages: usages,
            serial: try serial(), notBefore: now.addingTimeInterval(-60), validityDays: userValidityDays,
            issuer: ca, issuerKey: caKey)
        try db.execute(sql: """
            UPDATE certificate SET status = 'superseded', revokedAt = ?, reason = ? WHERE userID = ? AND status = 'valid'
            """, arguments: [now, CRLReason.superseded.rawValue, userID])
        try CertificateRecord(serial: certificate.serialHex, userID: userID, der: Data(certificate.derEncoded),
                              notBefore: certificate.notBefore, notAfter: certificate.notAfter, issuedAt: now,
                              status: .valid, revokedAt: nil, reason: nil, bundleKeyDigest: nil).insert(db)
        try UserDirectory.record(userID, "certificate-issued", actor: actor,
                                 detail: "serial=\(certificate.serialHex) declaration=\(declaration)", now, db)
        return certificate
    }

    /// Marks every valid certificate of the user revoked (effective at once inside the vault).
    /// Returns the revoked serials.
    package static func revokeCertificates(of userID: Int64, reason: CRLReason, now: Date, _ db: Database) throws -> [String] {
        let serials = try String.fetchAll(db, sql: "SELECT serial FROM certificate WHERE userID = ? AND status = 'valid'",
                                          arguments: [userID])
        try db.execute(sql: "UPDATE certificate SET status = 'revoked', revokedAt = ?, reason = ? WHERE userID = ? AND status = 'valid'",
                       arguments: [now, reason.rawValue, userID])
        return serials
    }

    /// Signs a new CRL with every revoked and superseded certificate; next update in 30 days.
    @discardableResult
    /// Which bundle carries the certificate's key (its encrypted key's SHA-256).
    static func recordBundleKeyDigest(_ digest: Data?, serial: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE certificate SET bundleKeyDigest = ? WHERE serial = ?", arguments: [digest, serial])
    }

    /// Every certificate serial a user was ever issued.
    static func serials(ofUser id: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT serial FROM certificate WHERE userID = ?", arguments: [id])
    }

    package static func signCRL(caKey: PrivateKey, now: Date, _ db: Database) throws -> CertificateRevocationList {
        let ca = try certificate(db)
        let revoked = try Row.fetchAll(db, sql: """
            SELECT serial, revokedAt, reason FROM certificate WHERE status IN ('revoked', 'superseded') ORDER BY revokedAt
            """).map { row in
            RevokedCertificate(serial: Hex.bytes(row["serial"]) ?? [], revocationDate: row["revokedAt"],
                               reason: CRLReason(rawValue: row["reason"] ?? 0) ?? .unspecified)
        }
        let number = (try UInt64.fetchOne(db, sql: "SELECT crlNumber FROM certificateAuthority WHERE id = 1") ?? 0) + 1
        let crl = try CertificateRevocationList.make(
            issuer: ca, issuerKey: caKey, revoked: revoked, number: number, thisUpdate: now,
            nextUpdate: now.addingTimeInterval(TimeInterval(crlValidityDays * 86_400)))
        try db.execute(sql: "UPDATE certificateAuthority SET crlNumber = ?, crl = ? WHERE id = 1",
                       arguments: [number, Data(crl.derEncoded)])
        return crl
    }

    /// A random positive 128-bit serial number.
    static func serial() throws -> [UInt8] {
        var bytes = try SecureRandom.bytes(16)
        bytes[0] = (bytes[0] & 0x7f) | 0x01
        return bytes
    }
}

