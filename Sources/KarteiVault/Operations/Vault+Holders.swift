import Foundation
import GRDB
import KarteiCrypto

/// Which certificates hold keys of a vault, and which held one and were removed (SHA-256 of the DER).
public struct HolderFingerprints: Sendable, Hashable {
    public var current: Set<[UInt8]>
    public var retired: Set<[UInt8]>
}

/// A key holder as the treasurer sees it.
public struct HolderInfo: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var label: String
    public var createdAt: Date?
}

extension Vault {
    /// The holders of the data key, with their labels.
    package func holders() throws -> [HolderInfo] {
        let labels = try read { db in try VaultSchema.labels(db) }
        return currentKeyring.entries.filter(\.kind.holdsKey).map { entry in
            let label = labels[entry.idHex]
            return HolderInfo(id: entry.idHex, kind: entry.kind.name, label: label?.label ?? "", createdAt: label?.createdAt)
        }
    }

    /// Adds a passphrase holder.
    ///
    /// `record` runs in the same transaction as the holder's label, after it (a higher layer's
    /// audit entry): the holder is added with its record or not at all.
    @discardableResult
    package func addPassphraseHolder(_ passphrase: SecretBytes, label: String,
                                    record: (Database, HolderInfo) throws -> Void = { _, _ in }) throws -> HolderInfo {
        try Vault.checkPassphrase(passphrase)
        let entry = try KeyHolder.makePassphrase(passphrase, dataKey: dataKey, vaultID: vaultID,
                                                 parameters: options.passphraseKDF)
        return try add(entry, label: label, record: record)
    }

    /// Adds a recovery-code holder and returns the code to print. It is shown once.
    package func addRecoveryCodeHolder(label: String,
                                      record: (Database, HolderInfo) throws -> Void = { _, _ in }) throws -> (RecoveryCode, HolderInfo) {
        let code = try RecoveryCode.generate()
        let entry = try KeyHolder.makeRecoveryCode(code, dataKey: dataKey, vaultID: vaultID)
        return (code, try add(entry, label: label, record: record))
    }

    /// Makes a certificate a key holder: the data key is sealed for it as CMS AuthEnvelopedData.
    @discardableResult
    package func addCertificateHolder(_ certificate: Certificate, label: String,
                                     record: (Database, HolderInfo) throws -> Void = { _, _ in }) throws -> HolderInfo {
        if currentKeyring.entries.contains(where: { CertificateHolder.matches($0, certificateDER: certificate.derEncoded) }) {
            throw VaultError(.holderExists)
        }
        return try add(CertificateHolder.make(certificate, dataKey: dataKey), label: label,
                       certificate: certificate.derEncoded, record: record)
    }

    /// The holder id of a certificate holder, if the certificate is one.
    package func holderID(for certificate: Certificate) -> String? {
        currentKeyring.entries.first { CertificateHolder.matches($0, certificateDER: certificate.derEncoded) }?.idHex
    }

    /// The CMS envelope of a certificate holder (what `openssl cms -decrypt` opens).
    package func holderEnvelope(for certificate: Certificate) -> [UInt8]? {
        currentKeyring.entries.first { CertificateHolder.matches($0, certificateDER: certificate.derEncoded) }?.fields.last
    }

    /// The certificates that hold keys of this vault (from the authenticated keyring and the
    /// encrypted database).
    package func holderCertificates() throws -> [Certificate] {
        let stored = try read { db in try VaultSchema.certificates(db) }
        return try currentKeyring.entries.compactMap { entry in
            try CertificateHolder.certificateDER(entry, certificates: stored).map { try Certificate(derEncoded: $0) }
        }
    }

    /// Whether the given bytes are this vault's data key (interop tests compare what openssl
    /// decrypted with it; constant-time).
    package func isDataKey(_ candidate: SecretBytes) -> Bool { dataKey.constantTimeEquals(candidate) }

    /// The SHA-256 fingerprints of the certificates that hold keys to the vault at path, and of
    /// those that held one and were removed, read from its header without a key
    /// (unauthenticated: only used to decide which identity to unlock with and what to tell the
    /// one that opens nothing). The header names no certificate: only these digests.
    package static func holderFingerprints(at path: String) throws -> HolderFingerprints {
        KarteiVFS.register()
        let path = try VaultPath.existing(path)
        let binding = try VaultBinding(path: path, create: false)
        defer { binding.detach() }
        let header = try binding.read(count: HeaderLayout.regionSize, at: 0)
        _ = try recognize(header, path: path)
        guard header.count == HeaderLayout.regionSize else { throw VaultError(.truncated, ["path": path]) }
        var current: Set<[UInt8]> = [], retired: Set<[UInt8]> = []
        for offset in HeaderLayout.slotOffsets {
            guard let parsed = KeyringSlot.parse(Array(header[offset..<(offset + HeaderLayout.slotSize)])) else { continue }
            for entry in parsed.slot.entries {
                guard let fingerprint = CertificateHolder.fingerprint(entry) else { continue }
                if entry.kind == .retiredCertificate { retired.insert(fingerprint) } else { current.insert(fingerprint) }
            }
        }
        return HolderFingerprints(current: current, retired: retired.subtracting(current))
    }

    func add(_ entry: HolderEntry, label: String, certificate: [UInt8]? = nil,
             record: (Database, HolderInfo) throws -> Void) throws -> HolderInfo {
        let now = options.now()
        let info = HolderInfo(id: entry.idHex, kind: entry.kind.name, label: label, createdAt: now)
        try write { db in
            // The keyring write comes last: if anything before it fails, nothing changed.
            try VaultSchema.recordHolder(db, id: entry.idHex, kind: entry.kind, label: label, at: now, certificate: certificate)
            try record(db, info)
            try updateKeyring(inTransactionWith: db) { $0.append(entry) }
        }
        options.logger.info("key holder added", metadata: ["holder": "\(entry.idHex.prefix(8))", "kind": "\(entry.kind.name)"])
        return info
    }
}
