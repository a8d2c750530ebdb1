import Foundation

/// An export as the core hands it to the command line: the purpose's fields and one row per person,
/// with the canary among them. The export itself is recorded (`memberExport` table) and audited.
public struct MemberExport: Sendable, Codable {
    public var id: Int64
    public var purpose: ExportPurpose
    public var recipient: String
    public var fields: [String]
    public var rows: [[String]]
    /// Real people in the export (the canary not counted).
    public var people: Int
    /// Membership cards: the day they are valid until (ISO), by `MembershipCards.validUntil(issuedOn:)`
    /// from the day of the export; nil for lists.
    public var validUntil: String?

    /// The file: CSV (German conventions), address labels as text, or membership cards as HTML.
    public func rendered(association: String) -> [UInt8] {
        switch purpose {
        case .cards:
            let until = validUntil.flatMap(CalendarDate.parse) ?? CalendarDate(year: 1970, month: 12, day: 31)
            return Array(MembershipCards.html(self, association: association, validUntil: until).utf8)
        case .labels:
            return Array(rows.map { row in "\(row[0]) \(row[1])\n\(row[2]) \(row[3])\n\(row[4]) \(row[5])\n" }
                .joined(separator: "\n").utf8)
        default:
            return Array(GermanCSV.render(header: fields, rows: rows).utf8)
        }
    }
}

/// A canary: a made-up person, different for every export, placed among the real rows. If the list
/// turns up where it should not, the canary names the export it came from (`kartei member trace`).
/// Made by the synthetic generator, so it is no one's personal data.
public struct Canary: Sendable, Codable, Hashable {
    public var givenName: String
    public var familyName: String
    public var street: String
    public var houseNumber: String
    public var postalCode: String
    public var city: String
    public var email: String
    public var phone: String

    /// `near`: real addresses of the list; the canary takes a town and postal code from among them,
    /// so that it is not the one address from elsewhere.
    static func make(seed: UInt64, mailDomain: String, near addresses: [(city: String, postalCode: String)] = []) -> Canary {
        var people = SyntheticPeople(count: 1, seed: seed)
        var person = people.next()!
        var random = SyntheticRandom(seed: seed ^ 0x5EED)
        if !addresses.isEmpty {
            let local = addresses[Int(random.next() % UInt64(addresses.count))]
            if !local.city.isEmpty && !local.postalCode.isEmpty { (person.town, person.postalCode) = (local.city, local.postalCode) }
        }
        let tag = String(Int.random(in: 100...999, using: &random))
        let local = NameFolding.fold(person.givenName).replacingOccurrences(of: " ", with: "") + "."
            + NameFolding.fold(person.familyName).replacingOccurrences(of: " ", with: "") + tag
        return Canary(givenName: person.givenName, familyName: person.familyName, street: person.street,
                      houseNumber: String(Int.random(in: 1...150, using: &random)), postalCode: person.postalCode,
                      city: person.town, email: "\(local)@\(mailDomain)",
                      phone: "0\(Int.random(in: 300...399, using: &random)) \(Int.random(in: 1_000_000...9_999_999, using: &random))")
    }

    var asRecord: MemberRecord {
        MemberRecord(number: nil, givenName: givenName, familyName: familyName, street: street, houseNumber: houseNumber,
                     postalCode: postalCode, city: city, email: email, phone: phone, district: "", validFrom: "")
    }
}

/// One recorded export, as `kartei member trace` reports it.
public struct ExportRecord: Sendable, Codable {
    public var id: Int64
    public var createdAt: String
    public var purpose: String
    public var purposeText: String
    public var recipient: String
    public var district: String
    public var people: Int
    public var actor: String
    public var approver: String
}
