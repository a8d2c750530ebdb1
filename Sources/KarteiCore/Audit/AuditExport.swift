import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages

/// The export for auditors (docs/FORMATS.md §9.6): public fields, commitments and pseudonyms of
/// every entry, every checkpoint, the audit public key and a README of the byte encoding.
public enum AuditExport {
    public struct Summary: Sendable, Codable {
        public var entries: Int
        public var erased: Int
        public var checkpoints: Int
    }

    /// Writes the export into `directory`, which kartei creates (mode 0700; refused if anything
    /// exists under that name, a dangling link too), every file new and mode 0600 (`NewFile`).
    /// A failure removes what was written.
    package static func write(to directory: URL, vaultID: [UInt8], now: Date, _ db: Database) throws -> Summary {
        var written: [String] = []
        do {
            return try write(to: directory, vaultID: vaultID, now: now, written: &written, db)
        } catch {
            for path in written.reversed() { NewFile.remove(path) }
            throw error
        }
    }

    private static func write(to directory: URL, vaultID: [UInt8], now: Date, written: inout [String],
                              _ db: Database) throws -> Summary {
        do {
            try NewFile.createDirectory(directory.path)
        } catch let error as CoreError where error.code == .fileExists {
            throw CoreError(.exportDirectoryExists, ["path": directory.path])
        }
        written.append(directory.path)
        let checkpointsFolder = directory.appendingPathComponent("checkpoints")
        try NewFile.createDirectory(checkpointsFolder.path)
        written.append(checkpointsFolder.path)
        func write(_ data: Data, _ url: URL) throws {
            try NewFile.write([UInt8](data), to: url.path)
            written.append(url.path)
        }
        // The newest checkpoint must cover every exported entry (an entry beyond it would be unsigned).
        _ = try AuditLog.signCheckpoint(vaultID: vaultID, now: now, db)
        // Pseudonyms are stable within this export only; the key is not written anywhere.
        let exportKey = try SecretBytes(randomCount: 32)
        func pseudonym(_ kind: String, _ value: String) -> String {
            "p" + Hex.string(HMACSHA256.authenticate(Array("\(kind):\(value)".utf8), key: exportKey).prefix(6))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = Data()
        var summary = Summary(entries: 0, erased: 0, checkpoints: 0)
        let rows = try AuditLog.cursor(db)
        while let row = try rows.next() {
            let entry = AuditLog.stored(row)
            var record = ExportedEntry(seq: entry.seq, leafHash: hex(entry.leafHash))
            if let event = entry.event, let salt = entry.salt {
                let commitments = AuditEncoding.commitments(salt: salt, event).map(hex)
                record.time = event.time
                record.actorKind = event.actorKind
                record.actorRole = event.actorRole
                record.actorScope = event.actorScope
                record.action = event.action
                record.objectType = event.objectType
                record.purpose = event.purpose
                record.outcome = event.outcome.rawValue
                record.commitments = ExportedEntry.Commitments(credential: commitments[0], name: commitments[1],
                                                               objects: commitments[2], client: commitments[3])
                record.pseudonyms = ExportedEntry.Pseudonyms(
                    actor: pseudonym("actor", event.actorCredential), client: pseudonym("client", event.client),
                    objects: event.objectIDs.map { pseudonym("object:" + event.objectType, $0) })
            } else {
                record.erased = true
                summary.erased += 1
            }
            lines.append(try encoder.encode(record))
            lines.append(0x0a)
            summary.entries += 1
        }
        try write(lines, directory.appendingPathComponent("entries.jsonl"))
        for (note, checkpoint) in try AuditLog.checkpoints(db) {
            let name = String(format: "%012llu.checkpoint", checkpoint?.size ?? 0)
            try write(Data(note.utf8), checkpointsFolder.appendingPathComponent(name))
            summary.checkpoints += 1
        }
        try write(Data(try PublicKey.ed25519(raw: AuditLog.publicKey(db)).spkiDER), directory.appendingPathComponent("audit-key.der"))
        let origin = AuditLog.origin(vaultID: vaultID)
        try write(Data(Message(.auditExportReadme, ["origin": origin]).text(in: .english).utf8),
                  directory.appendingPathComponent("README.md"))
        try write(Data(Message(.auditExportReadme, ["origin": origin]).text(in: .german).utf8),
                  directory.appendingPathComponent("LIESMICH.md"))
        return summary
    }

    static func hex(_ bytes: [UInt8]) -> String { Hex.string(bytes) }

    struct ExportedEntry: Encodable {
        struct Commitments: Encodable { var credential, name, objects, client: String }
        struct Pseudonyms: Encodable {
            var actor: String
            var client: String
            var objects: [String]
        }

        var seq: Int64
        var leafHash: String
        var erased: Bool?
        var time: String?
        var actorKind: String?
        var actorRole: String?
        var actorScope: String?
        var action: String?
        var objectType: String?
        var purpose: String?
        var outcome: String?
        var commitments: Commitments?
        var pseudonyms: Pseudonyms?
    }
}
