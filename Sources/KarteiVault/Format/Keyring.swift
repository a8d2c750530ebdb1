import KarteiCrypto

/// One key holder as stored in the keyring: an opaque id, its kind and kind-specific fields.
///
/// No names or other personal data: a holder's label lives inside the encrypted database.
public struct HolderEntry: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, CaseIterable, Codable {
        /// A passphrase protects the holder's private key (scrypt).
        case passphrase = 1
        /// A printed recovery code protects the holder's private key.
        case recoveryCode = 2
        /// A user certificate, stored whole; the data key is a CMS AuthEnvelopedData for it.
        /// Written by earlier versions only: the certificate names its holder in clear.
        case certificate = 3
        /// A user certificate known by its SHA-256 only (the certificate itself lives inside the
        /// encrypted database); the data key is a CMS AuthEnvelopedData for it.
        case certificateDigest = 4
        /// No holder: the SHA-256 of a certificate that was one and was removed (revoked, renewed,
        /// taken out), so that its owner is told so instead of being sent to configure a holder.
        case retiredCertificate = 5

        public var name: String {
            switch self {
            case .passphrase: "passphrase"
            case .recoveryCode: "recovery-code"
            case .certificate, .certificateDigest: "certificate"
            case .retiredCertificate: "retired-certificate"
            }
        }

        /// Whether entries of this kind hold the data key.
        public var holdsKey: Bool { self != .retiredCertificate }

        /// Unlocked by a certificate and its private key.
        public var isCertificate: Bool { self == .certificate || self == .certificateDigest }
    }

    /// 16 random bytes.
    public var id: [UInt8]
    public var kind: Kind
    /// Kind-specific byte strings (docs/FORMATS.md §2).
    var fields: [[UInt8]]

    /// The id as 32 lowercase hex digits.
    public var idHex: String { Hex.string(id) }
}

/// One copy of the keyring. Layout (big-endian):
///
///     0   8  magic "KRTKEYS1"
///     8   8  generation
///     16  4  body length n
///     20  n  body: entry count (u16), entries: id(16) kind(1) field count(1) fields(u32 length + bytes)
///     20+n 32 HMAC-SHA256 over superblock[0..64] ‖ slot[0..20+n], keyed from the data key
struct KeyringSlot: Sendable, Hashable {
    static let magic: [UInt8] = Array("KRTKEYS1".utf8)

    var generation: UInt64
    var entries: [HolderEntry]

    func body() -> [UInt8] {
        var writer = ByteWriter()
        writer.u16(UInt16(entries.count))
        for entry in entries {
            writer.raw(entry.id)
            writer.u8(entry.kind.rawValue)
            writer.u8(UInt8(entry.fields.count))
            for field in entry.fields { writer.field(field) }
        }
        return writer.bytes
    }

    /// The authenticated part (without the MAC).
    func unsigned() -> [UInt8] {
        let body = self.body()
        var writer = ByteWriter()
        writer.raw(KeyringSlot.magic)
        writer.u64(generation)
        writer.u32(UInt32(body.count))
        writer.raw(body)
        return writer.bytes
    }

    func encoded(superblock: Superblock, macKey: SecretBytes) throws -> [UInt8] {
        let unsigned = self.unsigned()
        let mac = HMACSHA256.authenticate(superblock.encoded + unsigned, key: macKey)
        let bytes = unsigned + mac
        guard bytes.count <= HeaderLayout.slotSize else { throw VaultError(.keyringFull) }
        return bytes + [UInt8](repeating: 0, count: HeaderLayout.slotSize - bytes.count)
    }

    /// A parsed slot and the bytes its MAC covers.
    struct Parsed {
        var slot: KeyringSlot
        var unsigned: [UInt8]
        var mac: [UInt8]
        /// The whole slot as on disk.
        var raw: [UInt8]

        /// The MAC matches and every byte after it is zero: no byte of the slot is unaccounted for.
        func isAuthentic(superblock: Superblock, macKey: SecretBytes) -> Bool {
            raw[(unsigned.count + mac.count)...].allSatisfy { $0 == 0 }
                && HMACSHA256.isValid(mac, for: superblock.encoded + unsigned, key: macKey)
        }
    }

    /// Parses a slot; nil if it is empty, torn or not a slot. Nothing is authenticated yet.
    static func parse(_ bytes: [UInt8]) -> Parsed? {
        var reader = ByteReader(bytes)
        do {
            guard try reader.raw(8) == magic else { return nil }
            let generation = try reader.u64()
            let length = Int(try reader.u32())
            guard length <= HeaderLayout.slotSize - 52 else { return nil }
            let bodyStart = reader.offset
            let body = try reader.raw(length)
            let mac = try reader.raw(32)
            var bodyReader = ByteReader(body)
            let count = Int(try bodyReader.u16())
            var entries: [HolderEntry] = []
            for _ in 0..<count {
                let id = try bodyReader.raw(16)
                guard let kind = HolderEntry.Kind(rawValue: try bodyReader.u8()) else { return nil }
                let fieldCount = Int(try bodyReader.u8())
                var fields: [[UInt8]] = []
                for _ in 0..<fieldCount { fields.append(try bodyReader.field()) }
                entries.append(HolderEntry(id: id, kind: kind, fields: fields))
            }
            guard bodyReader.remaining == 0 else { return nil }
            return Parsed(
                slot: KeyringSlot(generation: generation, entries: entries),
                unsigned: Array(bytes[0..<(bodyStart + length)]),
                mac: mac,
                raw: bytes
            )
        } catch {
            return nil
        }
    }
}


import Foundation
