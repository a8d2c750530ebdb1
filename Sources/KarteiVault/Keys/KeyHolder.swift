import Foundation
import KarteiCrypto

/// How a user unlocks a vault.
public enum Unlocker: Sendable {
    case passphrase(SecretBytes)
    case recoveryCode(RecoveryCode)
    /// A key-holder certificate and its private key (the identities issue adds these holders).
    case holderKey(certificateDER: [UInt8], privateKey: PrivateKey)

    var kind: HolderEntry.Kind {
        switch self {
        case .passphrase: .passphrase
        case .recoveryCode: .recoveryCode
        case .holderKey: .certificateDigest
        }
    }

    /// Whether this unlocker is for entries of that kind.
    func opens(_ kind: HolderEntry.Kind) -> Bool {
        switch self {
        case .passphrase: kind == .passphrase
        case .recoveryCode: kind == .recoveryCode
        case .holderKey: kind.isCertificate
        }
    }
}

/// Creates holder entries and recovers the data key from them (docs/FORMATS.md §2).
///
/// Passphrase and recovery-code holders own a P-256 key pair: the data key is wrapped to the
/// public key (DataKeyWrap), the private key is sealed with a key derived from the secret.
/// Fields: [public key SPKI, wrapped data key, KDF parameters, salt, sealed private key].
enum KeyHolder {
    /// A new passphrase holder for the data key.
    static func makePassphrase(_ passphrase: SecretBytes, dataKey: SecretBytes, vaultID: [UInt8],
                               parameters: ScryptParameters) throws -> HolderEntry {
        let id = try SecureRandom.bytes(16)
        let salt = try SecureRandom.bytes(16)
        let kek = try Scrypt.deriveKey(passphrase: passphrase, salt: salt, parameters: parameters)
        var kdf = ByteWriter()
        kdf.u8(1) // scrypt
        kdf.u8(parameters.logN)
        kdf.u32(parameters.r)
        kdf.u32(parameters.p)
        return try make(kind: .passphrase, id: id, kek: kek, kdf: kdf.bytes, salt: salt, dataKey: dataKey, vaultID: vaultID)
    }

    /// A new recovery-code holder for the data key.
    static func makeRecoveryCode(_ code: RecoveryCode, dataKey: SecretBytes, vaultID: [UInt8]) throws -> HolderEntry {
        let id = try SecureRandom.bytes(16)
        let salt = try SecureRandom.bytes(16)
        let kek = try recoveryKEK(code, salt: salt, vaultID: vaultID, holderID: id)
        return try make(kind: .recoveryCode, id: id, kek: kek, kdf: [2], salt: salt, dataKey: dataKey, vaultID: vaultID)
    }

    private static func make(kind: HolderEntry.Kind, id: [UInt8], kek: SecretBytes, kdf: [UInt8], salt: [UInt8],
                             dataKey: SecretBytes, vaultID: [UInt8]) throws -> HolderEntry {
        let holderKey = try PrivateKey.generateP256()
        let publicKey = try holderKey.publicKey
        let sealed = try AES256GCM.seal(holderKey.pkcs8DER(), key: kek,
                                        authenticating: sealAAD(kind: kind, vaultID: vaultID, holderID: id))
        let wrapped = try DataKeyWrap.wrap(dataKey, to: publicKey, vaultID: vaultID, holderID: id)
        return HolderEntry(id: id, kind: kind, fields: [publicKey.spkiDER, wrapped, kdf, salt, sealed.combined])
    }

    private static func recoveryKEK(_ code: RecoveryCode, salt: [UInt8], vaultID: [UInt8], holderID: [UInt8]) throws -> SecretBytes {
        try HKDF.deriveKey(from: code.payload, salt: salt,
                           info: Array("kartei/v1/recovery-code".utf8) + vaultID + holderID, outputByteCount: 32)
    }

    private static func sealAAD(kind: HolderEntry.Kind, vaultID: [UInt8], holderID: [UInt8]) -> [UInt8] {
        Array("kartei/v1/holder-key".utf8) + [kind.rawValue] + vaultID + holderID
    }

    /// The data key, if this unlocker opens this entry; nil if it does not (wrong secret).
    /// Throws only for a damaged entry.
    static func unlock(_ entry: HolderEntry, with unlocker: Unlocker, vaultID: [UInt8]) throws -> SecretBytes? {
        switch (entry.kind, unlocker) {
        case (.passphrase, .passphrase(let passphrase)):
            guard entry.fields.count == 5 else { throw VaultError(.headerDamaged) }
            var reader = ByteReader(entry.fields[2])
            let parameters: ScryptParameters
            do {
                guard try reader.u8() == 1 else { throw VaultError(.headerDamaged) }
                parameters = ScryptParameters(logN: try reader.u8(), r: try reader.u32(), p: try reader.u32())
            } catch {
                throw VaultError(.headerDamaged)
            }
            guard parameters.isAcceptable else { throw VaultError(.headerDamaged) }
            let kek = try Scrypt.deriveKey(passphrase: passphrase, salt: entry.fields[3], parameters: parameters)
            return try openSealedKey(entry, kek: kek, vaultID: vaultID)
        case (.recoveryCode, .recoveryCode(let code)):
            guard entry.fields.count == 5 else { throw VaultError(.headerDamaged) }
            let kek = try recoveryKEK(code, salt: entry.fields[3], vaultID: vaultID, holderID: entry.id)
            return try openSealedKey(entry, kek: kek, vaultID: vaultID)
        case (.certificate, .holderKey(let certificateDER, let privateKey)),
             (.certificateDigest, .holderKey(let certificateDER, let privateKey)):
            return try CertificateHolder.unlock(entry, certificateDER: certificateDER, privateKey: privateKey, vaultID: vaultID)
        default:
            return nil
        }
    }

    private static func openSealedKey(_ entry: HolderEntry, kek: SecretBytes, vaultID: [UInt8]) throws -> SecretBytes? {
        let box: AES256GCM.SealedBox
        do { box = try AES256GCM.SealedBox(combined: entry.fields[4]) } catch { throw VaultError(.headerDamaged) }
        let der: SecretBytes
        do {
            der = try AES256GCM.open(box, key: kek, authenticating: sealAAD(kind: entry.kind, vaultID: vaultID, holderID: entry.id))
        } catch let error as CryptoError where error.code == .authenticationFailed {
            return nil
        }
        let holderKey = try PrivateKey(der: der)
        guard holderKey.matches(try PublicKey(spkiDER: entry.fields[0])) else { throw VaultError(.headerDamaged) }
        do {
            return try DataKeyWrap.unwrap(entry.fields[1], with: holderKey, vaultID: vaultID, holderID: entry.id)
        } catch let error as CryptoError where error.code == .authenticationFailed {
            throw VaultError(.headerTampered)
        }
    }

    /// The same holder with the data key re-wrapped (rekey): needs only public keys. Certificate
    /// holders need their certificate (`certificates`: holder id → DER, from the database).
    static func rewrap(_ entry: HolderEntry, dataKey: SecretBytes, vaultID: [UInt8],
                       certificates: [String: [UInt8]]) throws -> HolderEntry {
        var copy = entry
        switch entry.kind {
        case .passphrase, .recoveryCode:
            copy.fields[1] = try DataKeyWrap.wrap(dataKey, to: PublicKey(spkiDER: entry.fields[0]), vaultID: vaultID,
                                                  holderID: entry.id)
        case .certificate, .certificateDigest:
            guard let der = CertificateHolder.certificateDER(entry, certificates: certificates) else {
                throw VaultError(.headerDamaged)
            }
            copy = try CertificateHolder.rewrap(entry, dataKey: dataKey, certificate: Certificate(derEncoded: der))
        case .retiredCertificate:
            break
        }
        return copy
    }
}

/// Certificate holders: the data key as a CMS AuthEnvelopedData for the holder's certificate,
/// which `openssl cms -decrypt` opens with the holder's key. Fields: [SHA-256 of the certificate
/// DER, CMS DER] (kind 4; the recipient is named by subject key identifier, so no field names
/// anybody); earlier versions wrote [certificate DER, CMS DER] (kind 3), read still.
enum CertificateHolder {
    static func make(_ certificate: Certificate, dataKey: SecretBytes) throws -> HolderEntry {
        guard try certificate.publicKey.isP256 else { throw VaultError(.unsupportedHolder) }
        let envelope = try CMSEnvelope.seal(dataKey, to: [certificate])
        return HolderEntry(id: try SecureRandom.bytes(16), kind: .certificateDigest,
                           fields: [SHA256.hash(certificate.derEncoded), envelope])
    }

    /// The SHA-256 of the holder's certificate.
    static func fingerprint(_ entry: HolderEntry) -> [UInt8]? {
        switch entry.kind {
        case .certificate where entry.fields.count == 2: return SHA256.hash(entry.fields[0])
        case .certificateDigest where entry.fields.count == 2, .retiredCertificate where entry.fields.count == 1:
            return entry.fields[0].count == 32 ? entry.fields[0] : nil
        default: return nil
        }
    }

    /// How many retired certificates the keyring remembers (the newest; 54 bytes each).
    static let retiredLimit = 32

    /// The entry that remembers a removed certificate holder.
    static func retired(_ entry: HolderEntry) throws -> HolderEntry? {
        guard entry.kind == .certificate || entry.kind == .certificateDigest, let fingerprint = fingerprint(entry) else {
            return nil
        }
        return HolderEntry(id: try SecureRandom.bytes(16), kind: .retiredCertificate, fields: [fingerprint])
    }

    /// Whether the entry is this certificate's.
    static func matches(_ entry: HolderEntry, certificateDER: [UInt8]) -> Bool {
        switch entry.kind {
        case .certificate: entry.fields.first == certificateDER
        case .certificateDigest: fingerprint(entry) == SHA256.hash(certificateDER)
        case .passphrase, .recoveryCode, .retiredCertificate: false
        }
    }

    /// The holder's certificate: in the entry (kind 3) or in the database (kind 4).
    static func certificateDER(_ entry: HolderEntry, certificates: [String: [UInt8]]) -> [UInt8]? {
        switch entry.kind {
        case .certificate: entry.fields.first
        case .certificateDigest: certificates[entry.idHex].flatMap { matches(entry, certificateDER: $0) ? $0 : nil }
        case .passphrase, .recoveryCode, .retiredCertificate: nil
        }
    }

    static func unlock(_ entry: HolderEntry, certificateDER: [UInt8], privateKey: PrivateKey, vaultID: [UInt8]) throws -> SecretBytes? {
        guard entry.fields.count == 2 else { throw VaultError(.headerDamaged) }
        guard matches(entry, certificateDER: certificateDER) else { return nil }
        let certificate = try Certificate(derEncoded: certificateDER)
        do {
            let key = try CMSEnvelope.open(entry.fields[1], certificate: certificate, privateKey: privateKey)
            guard key.count == 32 else { throw VaultError(.headerDamaged) }
            return key
        } catch let error as CryptoError where error.code == .authenticationFailed {
            return nil
        }
    }

    /// The same holder (same id) for a new data key, always written as kind 4.
    static func rewrap(_ entry: HolderEntry, dataKey: SecretBytes, certificate: Certificate) throws -> HolderEntry {
        HolderEntry(id: entry.id, kind: .certificateDigest,
                    fields: [SHA256.hash(certificate.derEncoded), try CMSEnvelope.seal(dataKey, to: [certificate])])
    }
}
