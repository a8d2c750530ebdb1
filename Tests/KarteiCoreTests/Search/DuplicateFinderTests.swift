import Foundation
@testable import KarteiCore
import Testing

/// DuplicateFinder: rules, grouping and order, and a run over 200,000 generated candidates.
/// Only synthetic people.
@Suite("Duplicate finder")
struct DuplicateFinderTests {
    typealias Person = DuplicateFinder.Candidate<Int>

    static let home = AddressNormaliser.key(street: "Beispielstr.", houseNumber: "1", postalCode: "04103", city: "Leipzig")
    static let flat = AddressNormaliser.key(street: "Musterweg", houseNumber: "7 b", postalCode: "01067", city: "Dresden")

    static let people: [Person] = [
        Person(id: 1, givenName: "Anna", familyName: "Müller", birthDate: "1980-05-01", addressKey: home),
        Person(id: 2, givenName: "Anna", familyName: "Mueller", birthDate: "1980-05-01", addressKey: flat),  // moved
        Person(id: 3, givenName: "Ana", familyName: "Möller", birthDate: "1980-05-01"),   // given and family phonetic
        Person(id: 4, givenName: "Anna", familyName: "Müller", birthDate: "1981-05-01", addressKey: home),  // other birth date
        Person(id: 5, givenName: "Jörg", familyName: "Schmidt", addressKey: flat),        // no birth dates, same address
        Person(id: 6, givenName: "Joerg", familyName: "Schmitt", addressKey: " \(flat) "),
        Person(id: 7, givenName: "Jörg", familyName: "Schmidt", addressKey: home),        // no birth date, other address
        Person(id: 8, givenName: "Eva", familyName: "Meier", birthDate: "1990-01-01", addressKey: home),
        Person(id: 9, givenName: "Hannelore", familyName: "Meier", birthDate: "1990-01-01", addressKey: home),  // rule B
        Person(id: 10, givenName: "Karl", familyName: "Meier", birthDate: "1960-01-01", addressKey: home),
        Person(id: 11, givenName: "Petra", familyName: "Weber", birthDate: "1975-03-03", addressKey: flat),
        Person(id: 12, givenName: "Petra", familyName: "Weber", birthDate: "1975-03-03"),
        Person(id: 13, givenName: "Petra", familyName: "Weber", birthDate: "", addressKey: flat),  // one date missing
        Person(id: 14, givenName: "Kai", familyName: "Wagner", birthDate: "1970-01-01"),
        Person(id: 15, givenName: "Kay", familyName: "Wagener", birthDate: "1970-01-01"),
        Person(id: 16, givenName: "", familyName: "", birthDate: "2000-01-01", addressKey: home),  // empty names
        Person(id: 17, givenName: " ", familyName: "-", birthDate: "2000-01-01", addressKey: home),
        Person(id: 18, givenName: "Иван", familyName: "Петров", birthDate: "1985-01-01"),  // no Kölner code
        Person(id: 19, givenName: "Иван", familyName: "Петров", birthDate: "1985-01-01"),
        Person(id: 20, givenName: "Ольга", familyName: "Смирнова", birthDate: "1985-01-01"),
    ]

    @Test("near-duplicates are grouped by the documented rules")
    func rules() {
        #expect(DuplicateFinder.groups(Self.people) == [[1, 2, 3], [5, 6], [8, 9], [11, 12], [14, 15], [18, 19]])
    }

    @Test("order: sorted for comparable ids whatever the input order, input order otherwise")
    func order() {
        #expect(DuplicateFinder.groups(Self.people.reversed()) == [[1, 2, 3], [5, 6], [8, 9], [11, 12], [14, 15], [18, 19]])
        struct Ref: Hashable, Sendable { let name: String }
        let refs = Self.people.reversed().map {
            DuplicateFinder.Candidate(id: Ref(name: "p\($0.id)"), givenName: $0.givenName, familyName: $0.familyName,
                                      birthDate: $0.birthDate, addressKey: $0.addressKey)
        }
        let names = DuplicateFinder.groups(refs).map { $0.map(\.name) }
        #expect(names == [["p19", "p18"], ["p15", "p14"], ["p12", "p11"], ["p9", "p8"], ["p6", "p5"], ["p3", "p2", "p1"]])
        #expect(DuplicateFinder.groups([Person]()) == [])
    }

    @Test("200,000 generated candidates with 1,000 planted respellings: finishes, groups the plants")
    func large() {
        var random = Generator(seed: 2026)
        let given = ["Anna", "Jörg", "Eva", "Karl", "Petra", "Kai", "Lena", "Udo", "Ida", "Tom", "Jürgen", "Bärbel",
                     "Günther", "Renée", "Łucja", "Søren", "Ines", "Olaf", "Uwe", "Nele"]
        let family = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                      "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
                      "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
                      "Krause", "Meier", "Lehmann", "Köhler", "Huber", "Kaiser", "Fuchs", "Beispiel", "Muster"]
        var people: [Person] = []
        people.reserveCapacity(200_000)
        for id in 0..<199_000 {
            let year = 1930 + random.below(80), month = 1 + random.below(12), day = 1 + random.below(28)
            let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            let address = random.below(4) == 0
                ? nil
                : AddressNormaliser.key(street: "Musterweg", houseNumber: "\(random.below(500))",
                                        postalCode: "\(10000 + random.below(89_999))", city: "Musterstadt")
            people.append(Person(id: id, givenName: given[random.below(given.count)], familyName: family[random.below(family.count)],
                                 birthDate: random.below(10) == 0 ? nil : date, addressKey: address))
        }
        for original in 0..<1_000 {  // respell: umlauts as digraphs, upper case, stray spaces
            let p = people[original * 150]
            let respelt = p.familyName.replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ö", with: "oe")
                .replacingOccurrences(of: "ä", with: "ae").uppercased()
            people.append(Person(id: 199_000 + original, givenName: " \(p.givenName) ", familyName: respelt,
                                 birthDate: p.birthDate, addressKey: p.addressKey))
        }
        let groups = DuplicateFinder.groups(people)
        var groupOf: [Int: Int] = [:]
        for (index, group) in groups.enumerated() {
            #expect(group.count >= 2 && group == group.sorted())
            for id in group { #expect(groupOf.updateValue(index, forKey: id) == nil) }
        }
        #expect(groups.map { $0[0] } == groups.map { $0[0] }.sorted())
        var planted = 0
        for original in 0..<1_000 {
            let p = people[original * 150]
            let a = groupOf[original * 150], b = groupOf[199_000 + original]
            if p.birthDate == nil && p.addressKey == nil {
                #expect(b == nil, "plant \(original) has nothing to compare but names")
            } else {
                #expect(a != nil && a == b, "plant \(original)")
                planted += 1
            }
        }
        #expect(planted > 950)
    }
}

/// A small deterministic generator for test data (SplitMix64).
private struct Generator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
