import Foundation
import GRDB
import KarteiCrypto

/// The tamper-evident audit log inside the vault (docs/FORMATS.md §9): entries are leaves of an
/// RFC 9162 tree; contents live apart from leaf hashes so retention can erase them; complete
/// aligned subtrees of 256+ leaves are stored so roots and proofs stay cheap at any size.
public enum AuditLog {
    /// Subtrees of 2^8 leaves and up are stored.
    static let storedLevel = 8
    static let blockSize = 1 << storedLevel

    // MARK: Appending

    /// Appends an entry in the caller's transaction; returns its sequence number.
    @discardableResult
    package static func append(_ event: AuditEvent, _ db: Database) throws -> Int64 {
        let seq = try size(db)
        // Time never goes back in the log: an entry is dated no earlier than the newest one (a
        // clock set back must not date a correction before a receipt run that printed earlier).
        var event = event
        if let newest = try latestTime(db), event.time < newest { event.time = newest }
        let salt = try SecureRandom.bytes(AuditEncoding.saltSize)
        let leaf = AuditEncoding.leafHash(seq: seq, event, salt: salt)
        try db.cachedStatement(sql: "INSERT INTO auditLeaf (seq, hash) VALUES (?, ?)").execute(arguments: [seq, Data(leaf)])
        try db.cachedStatement(sql: """
            INSERT INTO auditEntry (seq, salt, time, actorKind, actorCredential, actorName, actorRole, actorScope, action,
              objectType, objectIDs, purpose, outcome, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, Data(salt), event.time, event.actorKind, event.actorCredential, event.actorName,
                             event.actorRole, event.actorScope, event.action, event.objectType,
                             event.objectIDs.joined(separator: ","), event.purpose, event.outcome.rawValue, event.client])
        try storeCompletedSubtrees(after: seq, db)
        return seq
    }

    /// The time of the newest entry still stored (`AuditTime` text).
    static func latestTime(_ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT time FROM auditEntry ORDER BY seq DESC LIMIT 1"))
    }

    /// Entries from this sequence number on are not yet in `auditObject`.
    static func indexedUpTo(_ db: Database) throws -> Int64 {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'auditIndexedUpTo'").flatMap { Int64($0) } ?? 0
    }

    /// Adds the record ids of entries appended since the last call to the who-read index. Runs when
    /// a session closes (with the checkpoint), off the path of each audited write.
    package static func indexObjects(_ db: Database) throws {
        let from = try indexedUpTo(db)
        let end = try size(db)
        guard end > from else { return }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO auditObject (objectType, objectID, seq) VALUES (?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, objectType, objectIDs FROM auditEntry WHERE seq >= ? AND objectIDs != ''",
                                       arguments: [from])
        while let row = try rows.next() {
            let seq: Int64 = row[0], type: String = row[1], ids: String = row[2]
            for id in ids.split(separator: ",") { try insert.execute(arguments: [type, String(id), seq]) }
        }
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('auditIndexedUpTo', ?)", arguments: [String(end)])
    }

    /// When leaf `seq` completes a block of 256, stores its hash and every parent it completes.
    static func storeCompletedSubtrees(after seq: Int64, _ db: Database) throws {
        let count = seq + 1
        guard count % Int64(blockSize) == 0 else { return }
        var index = count / Int64(blockSize) - 1
        var hash = MerkleTree.root(of: try leafHashes(from: index * Int64(blockSize), count: blockSize, db))
        var level = storedLevel
        try storeNode(level, index, hash, db)
        while index % 2 == 1 {
            guard let left = try node(level, index - 1, db) else { break }
            hash = MerkleTree.nodeHash(left, hash)
            level += 1
            index /= 2
            try storeNode(level, index, hash, db)
        }
    }

    static func storeNode(_ level: Int, _ index: Int64, _ hash: [UInt8], _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO auditNode (level, idx, hash) VALUES (?, ?, ?)",
                       arguments: [level, index, Data(hash)])
    }

    static func node(_ level: Int, _ index: Int64, _ db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT hash FROM auditNode WHERE level = ? AND idx = ?", arguments: [level, index])
            .map { [UInt8]($0) }
    }

    // MARK: Reading the tree

    package static func size(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(seq) + 1, 0) FROM auditLeaf")) ?? 0
    }

    static func leafHashes(from start: Int64, count: Int, _ db: Database) throws -> [[UInt8]] {
        try Data.fetchAll(db, sql: "SELECT hash FROM auditLeaf WHERE seq >= ? AND seq < ? ORDER BY seq",
                          arguments: [start, start + Int64(count)]).map { [UInt8]($0) }
    }

    /// MTH of leaves [start, start + count): stored subtrees where they exist, leaves otherwise.
    static func mth(_ start: Int64, _ count: Int64, _ db: Database) throws -> [UInt8] {
        if count == 0 { return MerkleTree.emptyRoot }
        if count & (count - 1) == 0 && start % count == 0 && count >= Int64(blockSize) {
            let level = count.trailingZeroBitCount
            if let stored = try node(level, start / count, db) { return stored }
        }
        if count <= Int64(blockSize) {
            return MerkleTree.root(of: try leafHashes(from: start, count: Int(count), db))
        }
        let k = Int64(MerkleTree.split(Int(count)))
        return MerkleTree.nodeHash(try mth(start, k, db), try mth(start + k, count - k, db))
    }

    /// The root of the first `size` leaves.
    package static func root(size: Int64, _ db: Database) throws -> [UInt8] { try mth(0, size, db) }

    /// PROOF(m, D[n]) of RFC 9162 §2.1.4.1.
    package static func consistencyProof(from m: Int64, to n: Int64, _ db: Database) throws -> [[UInt8]] {
        guard m > 0, m < n else { return [] }
        func subproof(_ m: Int64, _ start: Int64, _ count: Int64, _ complete: Bool) throws -> [[UInt8]] {
            if m == count { return complete ? [] : [try mth(start, count, db)] }
            let k = Int64(MerkleTree.split(Int(count)))
            if m <= k { return try subproof(m, start, k, complete) + [try mth(start + k, count - k, db)] }
            return try subproof(m - k, start + k, count - k, false) + [try mth(start, k, db)]
        }
        return try subproof(m, 0, n, true)
    }

    /// PATH(index, D[n]) of RFC 9162 §2.1.3.1.
    package static func inclusionProof(index: Int64, size n: Int64, _ db: Database) throws -> [[UInt8]] {
        func path(_ index: Int64, _ start: Int64, _ count: Int64) throws -> [[UInt8]] {
            guard count > 1 else { return [] }
            let k = Int64(MerkleTree.split(Int(count)))
            if index < k { return try path(index, start, k) + [try mth(start + k, count - k, db)] }
            return try path(index - k, start + k, count - k) + [try mth(start, k, db)]
        }
        return try path(index, 0, n)
    }

    // MARK: Key and checkpoints

    /// "v….kartei.invalid/audit": the log's origin and the checkpoint key's name.
    public static func origin(vaultID: [UInt8]) -> String { CertificateAuthority.uriHost(vaultID: vaultID) + "/audit" }

    static func createKey(_ db: Database) throws {
        let key = try PrivateKey.generateEd25519()
        let der = try key.pkcs8DER()
        try der.withUnsafeBytes { bytes in
            try db.execute(sql: "INSERT INTO auditKey (id, privateKey, publicKey) VALUES (1, ?, ?)",
                           arguments: [Data(bytes), Data(try key.rawPublicKey)])
        }
    }

    package static func publicKey(_ db: Database) throws -> [UInt8] {
        guard let raw = try Data.fetchOne(db, sql: "SELECT publicKey FROM auditKey WHERE id = 1") else {
            throw CoreError(.auditKeyMissing)
        }
        return [UInt8](raw)
    }

    static func privateKey(_ db: Database) throws -> PrivateKey {
        guard let der = try Data.fetchOne(db, sql: "SELECT privateKey FROM auditKey WHERE id = 1") else {
            throw CoreError(.auditKeyMissing)
        }
        return try PrivateKey(der: SecretBytes(copying: [UInt8](der)))
    }

    /// Signs a checkpoint of the current tree unless the newest one already covers it.
    @discardableResult
    package static func signCheckpoint(vaultID: [UInt8], now: Date, _ db: Database) throws -> Checkpoint {
        try indexObjects(db)
        let n = try size(db)
        if let latest = try latestCheckpoint(db), latest.size == UInt64(n) { return latest }
        let checkpoint = try Checkpoint.sign(origin: origin(vaultID: vaultID), size: UInt64(n), root: root(size: n, db),
                                             key: privateKey(db))
        try db.execute(sql: "INSERT OR REPLACE INTO auditCheckpoint (size, root, note, signedAt) VALUES (?, ?, ?, ?)",
                       arguments: [n, Data(checkpoint.root), checkpoint.note, now])
        return checkpoint
    }

    package static func latestCheckpoint(_ db: Database) throws -> Checkpoint? {
        try String.fetchOne(db, sql: "SELECT note FROM auditCheckpoint ORDER BY size DESC LIMIT 1").flatMap { try? Checkpoint.parse($0) }
    }

    package static func checkpoints(_ db: Database) throws -> [(note: String, checkpoint: Checkpoint?)] {
        try String.fetchAll(db, sql: "SELECT note FROM auditCheckpoint ORDER BY size").map { ($0, try? Checkpoint.parse($0)) }
    }

    /// Why a checkpoint kept outside the vault no longer describes its log, or nil if it does.
    package static func rollbackFinding(_ checkpoint: Checkpoint, vaultID: [UInt8], _ db: Database) throws -> String? {
        let origin = origin(vaultID: vaultID)
        guard checkpoint.origin == origin, checkpoint.isSigned(by: origin, rawPublicKey: try publicKey(db)) else {
            return "signature"
        }
        let n = try size(db)
        if UInt64(n) < checkpoint.size { return "truncated" }
        if try root(size: Int64(checkpoint.size), db) != checkpoint.root { return "rewritten" }
        return nil
    }

    // MARK: Entries

    /// A stored entry; `event` is nil once retention erased it.
    public struct StoredEntry: Sendable, Hashable {
        public var seq: Int64
        public var leafHash: [UInt8]
        public var event: AuditEvent?
        var salt: [UInt8]?
    }

    static func event(_ row: Row) -> AuditEvent? {
        guard let time: String = row["time"] else { return nil }
        let ids: String = row["objectIDs"] ?? ""
        return AuditEvent(time: time, actorKind: row["actorKind"], actorCredential: row["actorCredential"],
                          actorName: row["actorName"], actorRole: row["actorRole"], actorScope: row["actorScope"],
                          action: row["action"], objectType: row["objectType"],
                          objectIDs: ids.isEmpty ? [] : ids.split(separator: ",").map(String.init), purpose: row["purpose"],
                          outcome: AuditEvent.Outcome(rawValue: row["outcome"]) ?? .failed, client: row["client"])
    }

    /// Every leaf with its entry, oldest first, as a cursor (the log can hold millions).
    static func cursor(_ db: Database, where condition: String = "", arguments: StatementArguments = []) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT l.seq, l.hash, e.* FROM auditLeaf l LEFT JOIN auditEntry e ON e.seq = l.seq \(condition) ORDER BY l.seq
            """, arguments: arguments)
    }

    static func stored(_ row: Row) -> StoredEntry {
        let hash: Data = row[1]
        let salt: Data? = row["salt"]
        return StoredEntry(seq: row[0], leafHash: [UInt8](hash), event: event(row), salt: salt.map { [UInt8]($0) })
    }

    package static func entries(_ db: Database) throws -> [StoredEntry] {
        var result: [StoredEntry] = []
        let rows = try cursor(db)
        while let row = try rows.next() { result.append(stored(row)) }
        return result
    }

    /// Entries that name one object (who read member 100734?).
    package static func entries(objectType: String, objectID: String, _ db: Database) throws -> [StoredEntry] {
        // Indexed entries, then the few appended since the index was last brought up to date.
        let indexed = try Row.fetchAll(db, sql: """
            SELECT l.seq, l.hash, e.* FROM auditObject o JOIN auditLeaf l ON l.seq = o.seq JOIN auditEntry e ON e.seq = o.seq
            WHERE o.objectType = ? AND o.objectID = ? ORDER BY o.seq
            """, arguments: [objectType, objectID]).map(stored)
        let recent = try Row.fetchAll(db, sql: """
            SELECT l.seq, l.hash, e.* FROM auditEntry e JOIN auditLeaf l ON l.seq = e.seq
            WHERE e.seq >= ? AND e.objectType = ? ORDER BY e.seq
            """, arguments: [try indexedUpTo(db), objectType]).map(stored)
            .filter { $0.event?.objectIDs.contains(objectID) == true }
        return indexed + recent
    }

    // MARK: Retention

    /// Erases the contents (not the leaf hashes) of entries older than `cutoff`. Returns how many.
    package static func prune(before cutoff: String, dryRun: Bool, _ db: Database) throws -> Int {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry WHERE time < ?", arguments: [cutoff]) ?? 0
        guard !dryRun else { return count }
        try db.execute(sql: "DELETE FROM auditObject WHERE seq IN (SELECT seq FROM auditEntry WHERE time < ?)", arguments: [cutoff])
        try db.execute(sql: "DELETE FROM auditEntry WHERE time < ?", arguments: [cutoff])
        return count
    }

    /// Entries before this instant may be erased: contents are kept until the end of the
    /// `years`-th year after their own (years = 1: an entry of 2025 is kept until 31 December 2026).
    /// Year boundaries are the association's (`timeZone`): 1 January 00:00 in Leipzig, in UTC.
    public static func retentionCutoff(now: Date, years: Int, timeZone: TimeZone) -> String {
        let year = CalendarDate(now, in: timeZone).year - years
        return AuditTime.format(CalendarDate(year: year, month: 1, day: 1).start(in: timeZone))
    }
}
