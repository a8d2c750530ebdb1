import Foundation

/// One synthetic member record as the generator makes it (docs/SYNTHETIC.md).
public struct SyntheticPerson: Sendable, Hashable, Codable {
    public enum Gender: String, Sendable, Codable, CaseIterable { case female = "f", male = "m", diverse = "d" }
    public enum Status: String, Sendable, Codable, CaseIterable { case active, resigned, deceased, expelled }

    public var number: Int
    public var givenName: String
    public var familyName: String
    public var gender: Gender
    public var birthDate: DateComponents
    public var district: String
    public var town: String
    public var postalCode: String
    public var street: String
    public var houseNumber: String
    public var email: String?
    public var phone: String?
    public var entryDate: DateComponents
    public var exitDate: DateComponents?
    public var status: Status
    /// Monthly dues in euro cents; 0 = dues-exempt.
    public var monthlyDuesCents: Int
}

/// Makes synthetic members: realistic German names and addresses in the 13 districts, an age
/// profile skewed old, 30 years of entries and exits. The same seed gives the same people.
public struct SyntheticPeople: Sequence, IteratorProtocol, Sendable {
    private var random: SyntheticRandom
    private var nextNumber: Int
    private let remaining: Int
    private var produced = 0
    /// Entries start 30 years before this year.
    private let currentYear: Int

    public init(count: Int, seed: UInt64, currentYear: Int = 2026, firstNumber: Int = 100_001) {
        random = SyntheticRandom(seed: seed)
        remaining = count
        nextNumber = firstNumber
        self.currentYear = currentYear
    }

    public mutating func next() -> SyntheticPerson? {
        guard produced < remaining else { return nil }
        produced += 1
        defer { nextNumber += 1 }
        return make(number: nextNumber)
    }

    private mutating func make(number: Int) -> SyntheticPerson {
        let gender = random.weighted([(SyntheticPerson.Gender.female, 0.44), (.male, 0.545), (.diverse, 0.015)])
        let givenName = switch gender {
        case .female: SyntheticCatalog.femaleGivenNames.randomElement(using: &random)!
        case .male: SyntheticCatalog.maleGivenNames.randomElement(using: &random)!
        case .diverse: SyntheticCatalog.diverseGivenNames.randomElement(using: &random)!
        }
        // Common names for about half the people, a long tail of composed names for the rest,
        // and now and then a double name.
        var familyName = random.chance(0.5)
            ? SyntheticCatalog.familyNames.randomElement(using: &random)!
            : SyntheticCatalog.familyStems.randomElement(using: &random)! + SyntheticCatalog.familySuffixes.randomElement(using: &random)!
        if random.chance(0.02) { familyName += "-" + SyntheticCatalog.familyNames.randomElement(using: &random)! }
        let district = random.weighted(SyntheticCatalog.districts.map { ($0, $0.weight) })
        let town = district.towns.randomElement(using: &random)!
        // Age profile skewed old: a third born before 1950.
        let birthYear = random.weighted([
            (Int.random(in: 1930...1949, using: &random), 0.33),
            (Int.random(in: 1950...1964, using: &random), 0.27),
            (Int.random(in: 1965...1984, using: &random), 0.18),
            (Int.random(in: 1985...Swift.min(2008, currentYear - 18), using: &random), 0.22),
        ])
        let birth = DateComponents(year: birthYear, month: Int.random(in: 1...12, using: &random),
                                   day: Int.random(in: 1...28, using: &random))
        let earliestEntry = Swift.max(currentYear - 30, birthYear + 16)
        let entryYear = Int.random(in: earliestEntry...currentYear, using: &random)
        let entry = DateComponents(year: entryYear, month: Int.random(in: 1...12, using: &random),
                                   day: Int.random(in: 1...28, using: &random))
        var status = SyntheticPerson.Status.active
        var exit: DateComponents?
        if entryYear < currentYear, random.chance(birthYear < 1945 ? 0.35 : 0.18) {
            status = random.weighted([(.resigned, 0.6), (.deceased, birthYear < 1950 ? 0.38 : 0.05), (.expelled, 0.02)])
            let exitYear = Int.random(in: (entryYear + 1)...currentYear, using: &random)
            exit = DateComponents(year: exitYear, month: Int.random(in: 1...12, using: &random),
                                  day: Int.random(in: 1...28, using: &random))
        }
        let local = familyName.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
        let email = random.chance(0.55) ? "\(givenName.lowercased().folding(options: .diacriticInsensitive, locale: nil)).\(local)@example.org" : nil
        let phone = random.chance(0.6) ? "0\(Int.random(in: 300...399, using: &random)) \(Int.random(in: 100_000...999_999, using: &random))" : nil
        let dues = random.weighted([(0, 0.12), (150, 0.28), (300, 0.2), (500, 0.18), (1000, 0.14), (2000, 0.08)])
        return SyntheticPerson(
            number: number, givenName: givenName, familyName: familyName, gender: gender, birthDate: birth,
            district: district.name, town: town.name, postalCode: town.postalCode,
            street: SyntheticCatalog.streets.randomElement(using: &random)!,
            houseNumber: "\(Int.random(in: 1...120, using: &random))\(random.chance(0.1) ? "a" : "")",
            email: email, phone: phone, entryDate: entry, exitDate: exit, status: status, monthlyDuesCents: dues)
    }
}
