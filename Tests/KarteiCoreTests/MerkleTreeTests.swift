import Foundation
import KarteiCore
import Testing

/// RFC 9162 / RFC 6962 Merkle trees against transparency-dev/merkle's vectors (Vectors/, Apache-2.0):
/// the 8-leaf reference tree of google/certificate-transparency and 196 inclusion and consistency
/// probes, mutated ones included.
@Suite("RFC 9162 Merkle tree")
struct MerkleTreeTests {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Vectors/transparency-dev-merkle/testdata")

    static func hex(_ s: String) -> [UInt8] {
        stride(from: 0, to: s.count, by: 2).map {
            UInt8(s[s.index(s.startIndex, offsetBy: $0)..<s.index(s.startIndex, offsetBy: $0 + 2)], radix: 16)!
        }
    }

    /// testonly/constants.go
    static let leafInputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                             "606162636465666768696a6b6c6d6e6f"].map(hex)
    static let roots = ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"].map(hex)

    @Test("the reference roots of sizes 0 to 8, recursively and incrementally")
    func referenceRoots() {
        let leaves = Self.leafInputs.map(MerkleTree.leafHash)
        var builder = RootBuilder()
        #expect(builder.root == Self.roots[0])
        for size in 1...8 {
            #expect(MerkleTree.root(of: leaves[0..<size]) == Self.roots[size], "size \(size)")
            builder.append(leaves[size - 1])
            #expect(builder.root == Self.roots[size], "incremental size \(size)")
        }
    }

    @Test("our proofs for every index and every pair of sizes verify, and verify only for their own inputs")
    func ownProofs() throws {
        let leaves = (0..<37).map { MerkleTree.leafHash([UInt8($0)]) }
        for size in 1...leaves.count {
            let root = MerkleTree.root(of: leaves[0..<size])
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(index: index, leafHashes: leaves[0..<size])
                try MerkleTree.verifyInclusion(index: UInt64(index), treeSize: UInt64(size), leafHash: leaves[index],
                                               proof: proof, root: root)
                #expect(throws: MerkleTree.ProofError.self) {
                    try MerkleTree.verifyInclusion(index: UInt64(index), treeSize: UInt64(size),
                                                   leafHash: leaves[(index + 1) % leaves.count], proof: proof, root: root)
                }
            }
            for old in 1..<size {
                let proof = MerkleTree.consistencyProof(oldSize: old, leafHashes: leaves[0..<size])
                try MerkleTree.verifyConsistency(size1: UInt64(old), size2: UInt64(size),
                                                 root1: MerkleTree.root(of: leaves[0..<old]), root2: root, proof: proof)
                #expect(throws: MerkleTree.ProofError.self) {
                    try MerkleTree.verifyConsistency(size1: UInt64(old), size2: UInt64(size),
                                                     root1: MerkleTree.root(of: leaves[1..<(old + 1)]), root2: root, proof: proof)
                }
            }
        }
    }

    struct InclusionProbe: Decodable { let leafIdx: UInt64; let treeSize: UInt64; let root: String?; let leafHash: String?
        let proof: [String]?; let desc: String; let wantErr: Bool }
    struct ConsistencyProbe: Decodable { let size1: UInt64; let size2: UInt64; let root1: String?; let root2: String?
        let proof: [String]?; let desc: String; let wantErr: Bool }

    static func files(_ kind: String) -> [String] {
        let base = vectors.appendingPathComponent(kind)
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.sorted()
            .map { base.appendingPathComponent($0).path }
    }

    static func b64(_ s: String?) -> [UInt8] { s.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? [] }

    @Test("transparency-dev inclusion probes", arguments: files("inclusion"))
    func inclusion(file: String) throws {
        let probe = try JSONDecoder().decode(InclusionProbe.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        let result = Result { () throws(MerkleTree.ProofError) in
            try MerkleTree.verifyInclusion(index: probe.leafIdx, treeSize: probe.treeSize,
                                           leafHash: Self.b64(probe.leafHash), proof: (probe.proof ?? []).map(Self.b64),
                                           root: Self.b64(probe.root))
        }
        if case .success = result { #expect(!probe.wantErr, "\(probe.desc) should fail") }
        if case .failure = result { #expect(probe.wantErr, "\(probe.desc) should pass") }
    }

    @Test("transparency-dev consistency probes", arguments: files("consistency"))
    func consistency(file: String) throws {
        let probe = try JSONDecoder().decode(ConsistencyProbe.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        let result = Result { () throws(MerkleTree.ProofError) in
            try MerkleTree.verifyConsistency(size1: probe.size1, size2: probe.size2,
                                             root1: Self.b64(probe.root1), root2: Self.b64(probe.root2),
                                             proof: (probe.proof ?? []).map(Self.b64))
        }
        if case .success = result { #expect(!probe.wantErr, "\(probe.desc) should fail") }
        if case .failure = result { #expect(probe.wantErr, "\(probe.desc) should pass") }
    }

    @Test("there are 196 probes")
    func probeCount() {
        #expect(Self.files("inclusion").count + Self.files("consistency").count == 196)
    }
}
