import Foundation
import GRDB
import KarteiCrypto

/// What `kartei audit verify` found (docs/FORMATS.md §9.4).
public struct AuditVerification: Sendable, Codable {
    public enum ProblemKind: String, Sendable, Codable {
        /// A leaf is missing: the sequence numbers have a gap (an entry was deleted).
        case missingLeaf
        /// An entry's content does not give its leaf hash (changed, reordered or inserted).
        case contentMismatch
        /// A stored subtree hash does not match its leaves.
        case nodeMismatch
        /// A checkpoint's signature does not verify with the audit key.
        case checkpointSignature
        /// A checkpoint names another log: it is of another vault (or this vault was replaced).
        case checkpointOrigin
        /// A checkpoint's root is not the root of the log's first `size` leaves.
        case checkpointRoot
        /// A checkpoint is larger than the log (the log was cut short).
        case checkpointBeyondLog
        /// Consecutive checkpoints are not consistent.
        case consistency
        /// An entry is dated before the one before it: the clock was set back, or entries were
        /// moved (kartei never writes a time earlier than the newest in the log).
        case timeOrder
    }

    public struct Problem: Sendable, Codable, Hashable {
        public var kind: ProblemKind
        /// The first leaf index concerned.
        public var index: Int64
        /// For checkpoints: their size; "external" for a checkpoint given with --checkpoint.
        public var detail: String
    }

    public var size: Int64
    public var entriesWithContent: Int
    public var erasedEntries: Int
    public var checkpointsVerified: Int
    public var problems: [Problem]

    public var isValid: Bool { problems.isEmpty }
    /// The problem with the smallest index.
    public var firstProblem: Problem? { problems.min { ($0.index, $0.kind.rawValue) < ($1.index, $1.kind.rawValue) } }
}

public enum AuditVerifier {
    /// Recomputes the whole log in one pass: leaves from contents, subtree hashes from leaves,
    /// every checkpoint's root and signature, consistency between consecutive checkpoints, and the
    /// external checkpoints given (kept by users or auditors outside the vault).
    package static func verify(vaultID: [UInt8], external: [Checkpoint] = [], _ db: Database) throws -> AuditVerification {
        let origin = AuditLog.origin(vaultID: vaultID)
        let publicKey = try AuditLog.publicKey(db)
        var problems: [AuditVerification.Problem] = []
        var checkpoints: [(checkpoint: Checkpoint, external: Bool)] = []
        for (note, parsed) in try AuditLog.checkpoints(db) {
            guard let parsed else {
                problems.append(.init(kind: .checkpointSignature, index: 0, detail: String(note.prefix(40))))
                continue
            }
            checkpoints.append((parsed, false))
        }
        checkpoints += external.map { ($0, true) }
        let wanted = Set(checkpoints.map { Int64($0.checkpoint.size) })
        var roots: [Int64: [UInt8]] = [0: MerkleTree.emptyRoot]

        var expected: Int64 = 0
        var withContent = 0
        var erased = 0
        var builder = RootBuilder()
        var block = RootBuilder()
        var blockRoots: [[UInt8]] = []
        var lastTime = ""
        let rows = try AuditLog.cursor(db)
        while let row = try rows.next() {
            let entry = AuditLog.stored(row)
            if let time = entry.event?.time {
                if time < lastTime { problems.append(.init(kind: .timeOrder, index: entry.seq, detail: time)) }
                lastTime = max(lastTime, time)
            }
            if entry.seq != expected {
                problems.append(.init(kind: .missingLeaf, index: expected, detail: ""))
                expected = entry.seq
            }
            if let event = entry.event, let salt = entry.salt {
                withContent += 1
                if AuditEncoding.leafHash(seq: entry.seq, event, salt: salt) != entry.leafHash {
                    problems.append(.init(kind: .contentMismatch, index: entry.seq, detail: ""))
                }
            } else {
                erased += 1
            }
            builder.append(entry.leafHash)
            block.append(entry.leafHash)
            if block.size == UInt64(AuditLog.blockSize) {
                blockRoots.append(block.root)
                block = RootBuilder()
            }
            expected += 1
            if wanted.contains(expected) { roots[expected] = builder.root }
        }
        let size = expected

        // Stored subtree hashes: level 8 from the blocks, higher levels from the level below. A
        // subtree over a leaf already found bad is explained by that leaf and not reported again.
        let badLeaves = problems.map(\.index).sorted()
        func explained(_ level: Int, _ index: Int) -> Bool {
            let first = Int64(index) << level
            let end = Int64(index + 1) << level
            return badLeaves.contains { $0 >= first && $0 < end }
        }
        var level = AuditLog.storedLevel
        var computed = blockRoots
        while !computed.isEmpty {
            for (index, hash) in computed.enumerated() where !explained(level, index) {
                if let stored = try AuditLog.node(level, Int64(index), db), stored != hash {
                    problems.append(.init(kind: .nodeMismatch, index: Int64(index) << level, detail: "level \(level)"))
                }
            }
            computed = stride(from: 0, to: computed.count - 1, by: 2).map { MerkleTree.nodeHash(computed[$0], computed[$0 + 1]) }
            level += 1
        }
        let storedNodes = try Int.fetchOne(db, sql: "SELECT count(*) FROM auditNode") ?? 0
        let expectedNodes = (0..<64).reduce(0) { $0 + Int(size >> Int64(AuditLog.storedLevel + $1)) }
        if storedNodes != expectedNodes && badLeaves.isEmpty {
            problems.append(.init(kind: .nodeMismatch, index: 0, detail: "\(storedNodes) stored, \(expectedNodes) expected"))
        }

        var verified = 0
        for (checkpoint, isExternal) in checkpoints {
            let label = isExternal ? "external \(checkpoint.size)" : String(checkpoint.size)
            let index = Int64(min(checkpoint.size, UInt64(Int64.max)))
            guard checkpoint.origin == origin else {
                problems.append(.init(kind: .checkpointOrigin, index: max(index - 1, 0), detail: label))
                continue
            }
            guard checkpoint.isSigned(by: origin, rawPublicKey: publicKey) else {
                problems.append(.init(kind: .checkpointSignature, index: max(index - 1, 0), detail: label))
                continue
            }
            guard index <= size else {
                problems.append(.init(kind: .checkpointBeyondLog, index: size, detail: label))
                continue
            }
            if roots[index] != checkpoint.root {
                problems.append(.init(kind: .checkpointRoot, index: max(index - 1, 0), detail: label))
                continue
            }
            verified += 1
        }

        // Consistency proofs between consecutive good internal checkpoints.
        let good = checkpoints.filter { !$0.external && roots[Int64($0.checkpoint.size)] == $0.checkpoint.root }
            .map(\.checkpoint).sorted { $0.size < $1.size }
        if problems.isEmpty {
            for (older, newer) in zip(good, good.dropFirst()) where older.size > 0 && older.size < newer.size {
                let proof = try AuditLog.consistencyProof(from: Int64(older.size), to: Int64(newer.size), db)
                do {
                    try MerkleTree.verifyConsistency(size1: older.size, size2: newer.size, root1: older.root,
                                                     root2: newer.root, proof: proof)
                } catch {
                    problems.append(.init(kind: .consistency, index: Int64(older.size), detail: "\(older.size)→\(newer.size)"))
                }
            }
        }
        return AuditVerification(size: size, entriesWithContent: withContent, erasedEntries: erased,
                                 checkpointsVerified: verified, problems: problems)
    }
}
