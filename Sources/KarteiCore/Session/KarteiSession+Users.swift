import Foundation
import GRDB
import KarteiCrypto
import KarteiVault

/// A user as `kartei user list` shows them.
public struct UserSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var role: String
    public var scope: String
    public var contact: String
    public var declarationDate: String?
    public var status: String
    public var failedAttempts: Int
    /// The current certificate's serial ("" if none).
    public var serial: String
    public var notAfter: Date?
    public var keyHolder: Bool
}

/// What issuing produced: the certificate and, when kartei made the key, the bundle and its
/// one-time transport passphrase.
public struct IssuedCertificate: @unchecked Sendable {
    public var certificate: Certificate
    public var caCertificate: Certificate
    public var bundle: [UInt8]?
    public var transportPassphrase: String?
}

/// What a revocation did.
public struct RevocationResult: Sendable {
    public var serials: [String]
    public var crlSigned: Bool
    /// Vault key-holder entries of the revoked certificates: the caller must rotate the data key.
    public var holderIDs: [String]
}

extension KarteiSession {
    // MARK: Users

    public func addUser(name: String, role: Role, scope: Scope, contact: String = "", declarationDate: String?) throws -> UserRecord {
        try FreeText.check([(name, .name, "name"), (contact, .contact, "contact")])
        return try perform(.userManage, on: .vault, objectType: "user") { db in
            let user = try UserDirectory.add(name: name, role: role, scope: scope, contact: contact,
                                             declarationDate: declarationDate, actor: principal, now: now, today: today, db)
            return (user, [String(user.id!)])
        }
    }

    public func users() throws -> [UserSummary] {
        let holderCertificates = Set(try vault.holderCertificates().map(\.serialHex))
        return try perform(.userRead, on: .vault, objectType: "user") { db in
            let summaries = try UserDirectory.all(db).map { try summary($0, holders: holderCertificates, db) }
            return (summaries, summaries.map { String($0.id) })
        }
    }

    public func user(_ id: Int64) throws -> (UserSummary, [CertificateRecord], [UserEvent]) {
        let holderCertificates = Set(try vault.holderCertificates().map(\.serialHex))
        return try perform(.userRead, on: .vault, objectType: "user") { db in
            let user = try UserDirectory.find(id, db)
            let certificates = try CertificateRecord.filter(Column("userID") == id).order(Column("issuedAt")).fetchAll(db)
            return ((try summary(user, holders: holderCertificates, db), certificates, try UserDirectory.history(id, db)),
                    [String(id)])
        }
    }

    private func summary(_ user: UserRecord, holders: Set<String>, _ db: Database) throws -> UserSummary {
        let current = try UserDirectory.currentCertificate(user.id!, db)
        return UserSummary(id: user.id!, name: user.name, role: user.role.rawValue, scope: user.scope, contact: user.contact,
                           declarationDate: user.declarationDate, status: user.status.rawValue,
                           failedAttempts: user.failedAttempts, serial: current?.serial ?? "", notAfter: current?.notAfter,
                           keyHolder: current.map { holders.contains($0.serial) } ?? false)
    }

    public func setDeclaration(_ id: Int64, date: String) throws {
        try perform(.userManage, on: .vault, objectType: "user") { db in
            try UserDirectory.setDeclaration(id, date, actor: principal, now: now, today: today, db)
            return ((), [String(id)])
        }
    }

    /// Locks a user (refused until unlocked), unlocks them, or clears their failed attempts.
    public func setUserStatus(_ id: Int64, _ change: UserStatusChange) throws {
        try perform(.userManage, on: .vault, objectType: "user") { db in
            switch change {
            case .lock: try UserDirectory.setStatus(id, .locked, resetAttempts: false, action: "locked", actor: principal, now: now, db)
            case .unlock: try UserDirectory.setStatus(id, .active, resetAttempts: true, action: "unlocked", actor: principal, now: now, db)
            case .resetAttempts:
                let user = try UserDirectory.find(id, db)
                try UserDirectory.setStatus(id, user.status == .locked ? .active : user.status, resetAttempts: true,
                                            action: "attempts-reset", actor: principal, now: now, db)
            }
            return ((), [String(id)])
        }
    }

    public enum UserStatusChange: Sendable { case lock, unlock, resetAttempts }

    /// After how many failed attempts a user is locked.
    public func setLockoutThreshold(_ attempts: Int) throws {
        try perform(.userManage, on: .vault, objectType: "setting") { db in
            try Settings.setLockoutThreshold(attempts, db)
            return ((), ["lockoutThreshold"])
        }
    }

    // MARK: Certificate authority

    /// Creates the vault's CA (once). The caller writes the returned key to an encrypted file.
    public func createCertificateAuthority() throws -> (Certificate, PrivateKey) {
        try perform(.caManage, on: .vault, objectType: "ca") { db in
            let (certificate, key) = try CertificateAuthority.create(vaultID: vault.vaultID, now: now, db)
            return ((certificate, key), [certificate.serialHex])
        }
    }

    /// The CA certificate: public, needs no right.
    public func caCertificate() throws -> Certificate {
        try vault.read { db in try CertificateAuthority.certificate(db) }
    }

    /// The current signed CRL: public, needs no right.
    public func currentCRL() throws -> CertificateRevocationList? {
        try vault.read { db in try CertificateAuthority.currentCRL(db) }
    }

    /// Reads and checks the CA key file.
    public func loadCAKey(pem: String, passphrase: SecretBytes) throws -> PrivateKey {
        try vault.read { db in try CertificateAuthority.loadKey(pem: pem, passphrase: passphrase, db) }
    }

    /// Issues a certificate for a user: for the public key of a request, or for a new key pair
    /// delivered as a PKCS#12 bundle under a one-time transport passphrase.
    public func issueCertificate(userID: Int64, caKey: PrivateKey, request: CertificateSigningRequest? = nil,
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
                try db.execute(sql: "UPDATE certificate SET bundleKeyDigest = ? WHERE serial = ?",
                               arguments: [digest, certificate.serialHex])
                issued.bundle = bundle
                issued.transportPassphrase = passphrase
            }
            return (issued, [String(userID), certificate.serialHex])
        }
    }

    /// Revokes a user: effective at once in the vault; signs a new CRL when the CA key is given.
    /// Returns the key-holder entries that must go (the caller rotates the data key).
    public func revokeUser(_ id: Int64, reason: CRLReason, caKey: PrivateKey?) throws -> RevocationResult {
        let holders = try vault.holderCertificates()
        return try perform(.caManage, on: .vault, objectType: "user") { db in
            try UserDirectory.setStatus(id, .revoked, resetAttempts: false, action: "revoked", actor: principal, now: now, db)
            let serials = try CertificateAuthority.revokeCertificates(of: id, reason: reason, now: now, db)
            if let caKey { try CertificateAuthority.signCRL(caKey: caKey, now: now, db) }
            let all = try String.fetchAll(db, sql: "SELECT serial FROM certificate WHERE userID = ?", arguments: [id])
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

    // MARK: Grants

    /// Grants a district time-limited access to one member (for example read access for 90 days
    /// after the member transferred to another district).
    @discardableResult
    public func addGrant(district: String, operation: AccessOperation, memberNumber: Int, days: Int, reason: String) throws -> Grant {
        try FreeText.check(reason, .reason, field: "reason")
        return try perform(.userManage, on: .vault, objectType: "grant") { db in
            guard try Districts.exists(district, db) else { throw CoreError(.districtUnknown, ["district": district]) }
            guard (1...3650).contains(days) else { throw CoreError(.settingInvalid, ["value": String(days)]) }
            // A grant names one member who exists: never 0 (pending entries) or a number not yet issued.
            guard memberNumber > 0, try MemberStore.numberTaken(memberNumber, db) else {
                throw CoreError(.memberNotFound, ["member": String(memberNumber)])
            }
            var grant = Grant(district: district, operation: operation, memberNumber: memberNumber, validFrom: now,
                              validUntil: now.addingTimeInterval(TimeInterval(days) * 86_400), reason: reason)
            try db.execute(
                sql: "INSERT INTO accessGrant (district, operation, memberNumber, validFrom, validUntil, reason) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [district, operation.rawValue, memberNumber, grant.validFrom, grant.validUntil, reason])
            grant.id = db.lastInsertedRowID
            return (grant, [String(memberNumber)])
        }
    }

    public func grants() throws -> [Grant] {
        try perform(.userRead, on: .vault, objectType: "grant") { db in
            let grants = try Row.fetchAll(db, sql: "SELECT * FROM accessGrant ORDER BY validUntil").compactMap { row -> Grant? in
                guard let operation = AccessOperation(rawValue: row["operation"]) else { return nil }
                return Grant(id: row["id"], district: row["district"], operation: operation, memberNumber: row["memberNumber"],
                             validFrom: row["validFrom"], validUntil: row["validUntil"], reason: row["reason"])
            }
            return (grants, grants.map { String($0.memberNumber) })
        }
    }

    // MARK: Districts

    public func districts() throws -> [String] {
        try perform(.orgRead, on: .vault, objectType: "district") { db in (try Districts.all(db), []) }
    }

    public func addDistrict(_ name: String) throws {
        try FreeText.check(name, .name, field: "name")
        try perform(.orgWrite, on: .vault, objectType: "district") { db in
            try Districts.add(name, at: now, db)
            return ((), [name])
        }
    }
}

/// A one-time passphrase for a PKCS#12 bundle: 100 random bits, five groups of four characters.
public enum TransportPassphrase {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func generate() throws -> String {
        let characters = try (0..<20).map { _ in alphabet[Int(try SecureRandom.uniform(UInt64(alphabet.count)))] }
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<($0 + 4)]) }.joined(separator: "-")
    }
}
