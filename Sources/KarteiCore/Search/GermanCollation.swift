import Foundation

/// The one order of people in every sorted output (member list, search, anniversaries, arrears,
/// duplicates, office holders, caucus members, exports, donation receipts): German dictionary
/// order after DIN 5007, variant 1 (docs/MEMBERS.md, "Order of lists").
///
/// The primary key of a text is ``key(_:)``: case-insensitive, umlauts as their base vowel
/// (ä = a, ö = o, ü = u), ß = ss, other accents dropped; unlike the search key
/// (``NameFolding/fold(_:)``) the spellings ae, oe, ue stay as written, as DIN 5007-1 wants
/// ("Mueller" sorts as "mueller", before "Muff"; "Müller" as "muller", after it). People compare
/// by family name, then given name (both primary keys), then, where those are equal, by the names
/// as written (code points: "Muller" before "Müller") and finally by member number and person id,
/// so that every list has one stable order.
public enum GermanCollation {
    /// The primary collation key: ``NameFolding`` steps 1–4 (compatibility decomposition,
    /// lowercasing, marks dropped, ß → ss and the other special letters, every run of characters
    /// that are neither letters nor digits one space, none at either end), without step 5.
    public static func key(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in NameFolding.baseScalars(text) {
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// Where a person sorts. Compare with `<`; equal only for the same person.
    public struct PersonKey: Sendable, Hashable, Comparable {
        var family: String
        var given: String
        var familyAsWritten: String
        var givenAsWritten: String
        /// Member number (people without one last), then person id.
        var number: Int
        var personID: Int64

        public static func < (a: PersonKey, b: PersonKey) -> Bool {
            if a.family != b.family { return precedes(a.family, b.family) }
            if a.given != b.given { return precedes(a.given, b.given) }
            if a.familyAsWritten != b.familyAsWritten { return precedes(a.familyAsWritten, b.familyAsWritten) }
            if a.givenAsWritten != b.givenAsWritten { return precedes(a.givenAsWritten, b.givenAsWritten) }
            return (a.number, a.personID) < (b.number, b.personID)
        }

        /// Code point order, whatever the normalisation form (Swift's `<` on strings would make
        /// composed and decomposed spellings equal).
        static func precedes(_ a: String, _ b: String) -> Bool {
            a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }

    /// Keys of names already seen: a list repeats the same names again and again.
    final class Keys {
        private var known: [String: String] = [:]

        func key(_ text: String) -> String {
            if let found = known[text] { return found }
            let value = GermanCollation.key(text)
            known[text] = value
            return value
        }

        func person(familyName: String, givenName: String, number: Int?, personID: Int64) -> PersonKey {
            PersonKey(family: key(familyName), given: key(givenName), familyAsWritten: familyName, givenAsWritten: givenName,
                      number: number ?? Int.max, personID: personID)
        }

        func person(_ record: MemberRecord) -> PersonKey {
            person(familyName: record.familyName, givenName: record.givenName, number: record.number, personID: record.personID)
        }
    }

    /// The sort key of one person.
    public static func personKey(familyName: String, givenName: String, number: Int? = nil, personID: Int64 = 0) -> PersonKey {
        Keys().person(familyName: familyName, givenName: givenName, number: number, personID: personID)
    }

    /// The sort key of one person's record.
    public static func personKey(_ record: MemberRecord) -> PersonKey { Keys().person(record) }

    /// The names by which an item sorts.
    struct Names {
        var family: String
        var given: String
        var number: Int?
        var personID: Int64
    }

    /// Items in German order of the person each names; `before` sorts first by something else (a
    /// date, a quality), people only break its ties. Every distinct name is keyed and ranked once,
    /// so that sorting compares integers: the same order as ``PersonKey``, at the cost of a
    /// district list's distinct names rather than of its rows.
    static func sorted<Item, Before: Comparable>(_ items: [Item], before: (Item) -> Before,
                                                 names: (Item) -> Names) -> [Item] {
        let all = items.map(names)
        let keys = Keys()
        func ranks(_ texts: [String]) -> (primary: [String: Int], written: [String: Int]) {
            let distinct = Array(Set(texts))
            let primary = Array(Set(distinct.map(keys.key))).sorted(by: PersonKey.precedes)
            let written = distinct.sorted(by: PersonKey.precedes)
            let primaryRank = Dictionary(uniqueKeysWithValues: primary.enumerated().map { ($1, $0) })
            return (Dictionary(uniqueKeysWithValues: distinct.map { ($0, primaryRank[keys.key($0)] ?? 0) }),
                    Dictionary(uniqueKeysWithValues: written.enumerated().map { ($1, $0) }))
        }
        let family = ranks(all.map(\.family)), given = ranks(all.map(\.given))
        let order = all.map { n in
            (family.primary[n.family] ?? 0, given.primary[n.given] ?? 0, family.written[n.family] ?? 0,
             given.written[n.given] ?? 0, n.number ?? Int.max, Int(n.personID))
        }
        let firsts = items.map(before)
        return items.indices.sorted { a, b in
            if firsts[a] != firsts[b] { return firsts[a] < firsts[b] }
            return order[a] < order[b]
        }.map { items[$0] }
    }

    /// Items in German order of the person each names.
    static func sorted<Item>(_ items: [Item], names: (Item) -> Names) -> [Item] {
        sorted(items, before: { _ in 0 }, names: names)
    }

    /// Records in German order.
    static func sorted(_ records: [MemberRecord]) -> [MemberRecord] {
        sorted(records) { Names(family: $0.familyName, given: $0.givenName, number: $0.number, personID: $0.personID) }
    }

    /// Records with something else first, people breaking its ties.
    static func sorted<Item, Before: Comparable>(_ items: [Item], before: (Item) -> Before,
                                                 record: (Item) -> MemberRecord) -> [Item] {
        sorted(items, before: before) { item in
            let r = record(item)
            return Names(family: r.familyName, given: r.givenName, number: r.number, personID: r.personID)
        }
    }
}
