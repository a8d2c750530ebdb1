import KarteiCrypto

/// The Merkle tree of RFC 9162 §2.1 (unchanged from RFC 6962): SHA-256, leaves hashed with a 0x00
/// prefix, nodes with 0x01, the split at the largest power of two below n, the empty tree's root
/// SHA-256 of nothing. Proof construction follows §2.1.3.1 and §2.1.4.1, verification §2.1.3.2
/// and §2.1.4.2 with the edge cases of transparency-dev/merkle (proof/verify.go).
public enum MerkleTree {
    public static let hashSize = 32

    public static func leafHash(_ entry: [UInt8]) -> [UInt8] { SHA256.hash([0x00] + entry) }

    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] { SHA256.hash([0x01] + left + right) }

    public static let emptyRoot: [UInt8] = SHA256.hash([UInt8]())

    /// The largest power of two smaller than n (n ≥ 2).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// MTH(D[n]) from the leaf hashes, without recursion: a stack of complete subtrees.
    public static func root(of leafHashes: ArraySlice<[UInt8]>) -> [UInt8] {
        var builder = RootBuilder()
        for hash in leafHashes { builder.append(hash) }
        return builder.root
    }

    public static func root(of leafHashes: [[UInt8]]) -> [UInt8] { root(of: leafHashes[...]) }

    /// PATH(m, D[n]) of §2.1.3.1.
    public static func inclusionProof(index: Int, leafHashes: ArraySlice<[UInt8]>) -> [[UInt8]] {
        let n = leafHashes.count
        guard n > 1 else { return [] }
        let k = split(n)
        let start = leafHashes.startIndex
        if index < k {
            return inclusionProof(index: index, leafHashes: leafHashes[start..<(start + k)])
                + [root(of: leafHashes[(start + k)...])]
        }
        return inclusionProof(index: index - k, leafHashes: leafHashes[(start + k)...])
            + [root(of: leafHashes[start..<(start + k)])]
    }

    /// PROOF(m, D[n]) of §2.1.4.1.
    public static func consistencyProof(oldSize m: Int, leafHashes: ArraySlice<[UInt8]>) -> [[UInt8]] {
        guard m > 0, m < leafHashes.count else { return [] }
        return subproof(m, leafHashes, complete: true)
    }

    private static func subproof(_ m: Int, _ d: ArraySlice<[UInt8]>, complete: Bool) -> [[UInt8]] {
        let n = d.count
        if m == n { return complete ? [] : [root(of: d)] }
        let k = split(n)
        let start = d.startIndex
        if m <= k {
            return subproof(m, d[start..<(start + k)], complete: complete) + [root(of: d[(start + k)...])]
        }
        return subproof(m - k, d[(start + k)...], complete: false) + [root(of: d[start..<(start + k)])]
    }

    /// A failed proof verification.
    public struct ProofError: Error, Hashable, CustomStringConvertible {
        public let reason: String
        public init(reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    /// §2.1.3.2: verifies that `leafHash` is at `index` in the tree of `treeSize` with `root`.
    public static func verifyInclusion(index: UInt64, treeSize: UInt64, leafHash: [UInt8], proof: [[UInt8]],
                                       root: [UInt8]) throws(ProofError) {
        guard index < treeSize else { throw ProofError(reason: "index \(index) beyond tree size \(treeSize)") }
        guard leafHash.count == hashSize, root.count == hashSize, proof.allSatisfy({ $0.count == hashSize }) else {
            throw ProofError(reason: "a hash is not 32 bytes")
        }
        var fn = index
        var sn = treeSize - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { throw ProofError(reason: "proof too long") }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw ProofError(reason: "proof too short") }
        guard r == root else { throw ProofError(reason: "root mismatch") }
    }

    /// §2.1.4.2: verifies that the tree of `size2` with `root2` extends the one of `size1` with `root1`.
    public static func verifyConsistency(size1: UInt64, size2: UInt64, root1: [UInt8], root2: [UInt8],
                                         proof: [[UInt8]]) throws(ProofError) {
        guard size2 >= size1 else { throw ProofError(reason: "size \(size2) is smaller than \(size1)") }
        guard size1 > 0 else { throw ProofError(reason: "consistency from an empty tree proves nothing") }
        if size1 == size2 {
            guard proof.isEmpty else { throw ProofError(reason: "equal sizes need an empty proof") }
            guard root1 == root2 else { throw ProofError(reason: "equal sizes, different roots") }
            return
        }
        guard root1.count == hashSize, root2.count == hashSize, proof.allSatisfy({ $0.count == hashSize }) else {
            throw ProofError(reason: "a hash is not 32 bytes")
        }
        guard !proof.isEmpty else { throw ProofError(reason: "empty proof") }
        var path = proof
        if size1 & (size1 - 1) == 0 { path.insert(root1, at: 0) }
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { throw ProofError(reason: "proof too long") }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw ProofError(reason: "proof too short") }
        guard fr == root1 else { throw ProofError(reason: "first root mismatch") }
        guard sr == root2 else { throw ProofError(reason: "second root mismatch") }
    }
}

/// Computes a tree root incrementally: appending a leaf is O(log n) amortised, memory O(log n).
public struct RootBuilder: Sendable {
    /// Roots of complete subtrees, largest first, with their sizes.
    private var stack: [(hash: [UInt8], size: UInt64)] = []
    public private(set) var size: UInt64 = 0

    public init() {}

    public mutating func append(_ leafHash: [UInt8]) {
        var hash = leafHash
        var height: UInt64 = 1
        while let last = stack.last, last.size == height {
            stack.removeLast()
            hash = MerkleTree.nodeHash(last.hash, hash)
            height <<= 1
        }
        stack.append((hash, height))
        size += 1
    }

    /// The root of everything appended (RFC 9162 for any size, not only powers of two).
    public var root: [UInt8] {
        guard var hash = stack.last?.hash else { return MerkleTree.emptyRoot }
        for entry in stack.dropLast().reversed() { hash = MerkleTree.nodeHash(entry.hash, hash) }
        return hash
    }
}
