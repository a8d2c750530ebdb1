import Foundation

/// Finds groups of records that probably describe the same person.
///
/// Two candidates are linked when either holds:
/// - **A**: same family key and (same folded given name or same given key), and (the same birth
///   date, or both birth dates missing and the same address key);
/// - **B**: same address key, same folded family name and same birth date (this also links, for
///   example, twins living together: the groups are for a person to review, not to merge blindly).
///
/// The family (given) key is the ``KoelnerPhonetik/code(_:)`` of the name folded with
/// ``NameFolding/fold(_:)``, or the folded name itself when it has no code (names in other
/// scripts). Empty names, birth dates and address keys (after trimming) count as missing and
/// never equal anything; birth dates are compared as strings, so pass one format (ISO 8601).
/// Address keys are typically ``AddressNormaliser/key(street:houseNumber:postalCode:city:)``.
///
/// Groups are the connected components of these links, so a chain a–b, b–c gives one group
/// {a, b, c}. Each rule is evaluated by hashing the candidates on the values it requires equal
/// (a union–find joins everyone with the same hash key), never by comparing pairs, so the work
/// is O(n) hash operations and memory is O(n).
public enum DuplicateFinder {
    /// One record to check for duplicates.
    public struct Candidate<ID: Hashable & Sendable>: Sendable {
        /// The record's identifier (assumed unique in the input).
        public var id: ID
        /// Given name(s) as stored.
        public var givenName: String
        /// Family name as stored.
        public var familyName: String
        /// Birth date, ISO 8601 ("1970-01-31"), or nil when unknown.
        public var birthDate: String?
        /// Normalised address, or nil when unknown.
        public var addressKey: String?

        /// Creates a candidate.
        public init(
            id: ID, givenName: String, familyName: String, birthDate: String? = nil, addressKey: String? = nil
        ) {
            self.id = id
            self.givenName = givenName
            self.familyName = familyName
            self.birthDate = birthDate
            self.addressKey = addressKey
        }
    }

    /// The groups of likely duplicates (each of at least two), members in input order, groups
    /// ordered by their first member's position in the input.
    public static func groups<ID: Hashable & Sendable>(_ people: [Candidate<ID>]) -> [[ID]] {
        components(people).map { $0.map { people[$0].id } }
    }

    /// The groups of likely duplicates (each of at least two), each sorted ascending, the groups
    /// sorted by their first (smallest) id.
    public static func groups<ID: Hashable & Comparable & Sendable>(_ people: [Candidate<ID>]) -> [[ID]] {
        components(people)
            .map { $0.map { people[$0].id }.sorted() }
            .sorted { $0[0] < $1[0] }
    }

    /// Hash key of one rule: the rule's number and up to three values that must be equal.
    private struct BlockKey: Hashable {
        let rule: UInt8
        let first: String
        let second: String
        let third: String
    }

    /// A folded name and its phonetic key; both nil for a name without letters or digits.
    private struct NameKey {
        let folded: String?
        let phonetic: String?

        init(_ name: String) {
            let folded = NameFolding.fold(name)
            guard !folded.isEmpty else {
                self.folded = nil
                phonetic = nil
                return
            }
            let code = KoelnerPhonetik.code(folded)
            self.folded = folded
            phonetic = code.isEmpty ? "=" + folded : code
        }
    }

    /// What the rules compare, computed once per candidate.
    private struct Features {
        let family: NameKey
        let given: NameKey
        let birthDate: String?
        let addressKey: String?

        /// `names` caches the keys of names already seen: real data repeats names a lot.
        init<ID>(_ candidate: Candidate<ID>, names: inout [String: NameKey]) {
            func present(_ s: String?) -> String? {
                let trimmed = s?.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed?.isEmpty == false ? trimmed : nil
            }
            func key(_ name: String) -> NameKey {
                if let known = names[name] { return known }
                let computed = NameKey(name)
                names[name] = computed
                return computed
            }
            family = key(candidate.familyName)
            given = key(candidate.givenName)
            birthDate = present(candidate.birthDate)
            addressKey = present(candidate.addressKey)
        }
    }

    /// Indices of each group of at least two, ascending, groups ordered by first index.
    private static func components<ID>(_ people: [Candidate<ID>]) -> [[Int]] {
        var names: [String: NameKey] = [:]
        let features = people.map { Features($0, names: &names) }
        var sets = UnionFind(count: people.count)
        for rule in UInt8(0)..<5 {
            var firstWithKey: [BlockKey: Int] = [:]
            firstWithKey.reserveCapacity(people.count)
            for (index, feature) in features.enumerated() {
                guard let key = blockKey(rule: rule, feature) else { continue }
                if let first = firstWithKey[key] {
                    sets.union(first, index)
                } else {
                    firstWithKey[key] = index
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in people.indices {
            members[sets.find(index), default: []].append(index)
        }
        return members.values.filter { $0.count >= 2 }.sorted { $0[0] < $1[0] }
    }

    /// The key under which `rule` puts a candidate, or nil when a value it needs is missing.
    private static func blockKey(rule: UInt8, _ f: Features) -> BlockKey? {
        let values: (String?, String?, String?)
        let noBirthDate = f.birthDate == nil
        switch rule {
        case 0: values = (f.family.phonetic, f.birthDate, f.given.folded)  // A, same birth date
        case 1: values = (f.family.phonetic, f.birthDate, f.given.phonetic)
        case 2 where noBirthDate: values = (f.family.phonetic, f.addressKey, f.given.folded)  // A, no dates
        case 3 where noBirthDate: values = (f.family.phonetic, f.addressKey, f.given.phonetic)
        case 2, 3: return nil
        default: values = (f.addressKey, f.family.folded, f.birthDate)  // B
        }
        guard let a = values.0, let b = values.1, let c = values.2 else { return nil }
        return BlockKey(rule: rule, first: a, second: b, third: c)
    }

    /// Disjoint sets over 0..<count with path halving and union by size.
    private struct UnionFind {
        private var parent: [Int]
        private var size: [Int]

        init(count: Int) {
            parent = Array(0..<count)
            size = [Int](repeating: 1, count: count)
        }

        mutating func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }

        mutating func union(_ a: Int, _ b: Int) {
            var rootA = find(a), rootB = find(b)
            guard rootA != rootB else { return }
            if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
            parent[rootB] = rootA
            size[rootA] += size[rootB]
        }
    }
}
