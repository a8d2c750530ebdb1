import KarteiCrypto

/// Wraps the vault data key to a holder's P-256 public key (ECIES, docs/FORMATS.md §2.1):
/// ephemeral ECDH → HKDF-SHA256 → AES-256-GCM. Anyone can wrap to a public key, so a rekey
/// re-wraps the new data key for every holder without knowing their passphrases.
enum DataKeyWrap {
    static func wrap(_ dataKey: SecretBytes, to holderKey: PublicKey, vaultID: [UInt8], holderID: [UInt8]) throws -> [UInt8] {
        let ephemeral = try PrivateKey.generateP256()
        let ephemeralPublic = try ephemeral.publicKey
        let wrapKey = try derive(
            shared: ephemeral.sharedSecret(with: holderKey),
            ephemeral: ephemeralPublic, holder: holderKey, vaultID: vaultID, holderID: holderID)
        let box = try AES256GCM.seal(dataKey, key: wrapKey, authenticating: aad(vaultID: vaultID, holderID: holderID))
        var writer = ByteWriter()
        writer.field(ephemeralPublic.spkiDER)
        writer.field(box.combined)
        return writer.bytes
    }

    static func unwrap(_ wrapped: [UInt8], with holderKey: PrivateKey, vaultID: [UInt8], holderID: [UInt8]) throws -> SecretBytes {
        var reader = ByteReader(wrapped)
        let ephemeralPublic: PublicKey
        let box: AES256GCM.SealedBox
        do {
            ephemeralPublic = try PublicKey(spkiDER: try reader.field())
            box = try AES256GCM.SealedBox(combined: try reader.field())
        } catch {
            throw VaultError(.headerDamaged)
        }
        let wrapKey = try derive(
            shared: holderKey.sharedSecret(with: ephemeralPublic),
            ephemeral: ephemeralPublic, holder: try holderKey.publicKey, vaultID: vaultID, holderID: holderID)
        let dataKey = try AES256GCM.open(box, key: wrapKey, authenticating: aad(vaultID: vaultID, holderID: holderID))
        guard dataKey.count == 32 else { throw VaultError(.headerDamaged) }
        return dataKey
    }

    private static func derive(shared: SecretBytes, ephemeral: PublicKey, holder: PublicKey, vaultID: [UInt8],
                               holderID: [UInt8]) throws -> SecretBytes {
        try HKDF.deriveKey(
            from: shared,
            salt: SHA256.hash(ephemeral.spkiDER + holder.spkiDER),
            info: Array("kartei/v1/wrap-data-key".utf8) + vaultID + holderID,
            outputByteCount: 32)
    }

    private static func aad(vaultID: [UInt8], holderID: [UInt8]) -> [UInt8] {
        Array("kartei/v1/data-key".utf8) + vaultID + holderID
    }
}
