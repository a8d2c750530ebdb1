import Foundation

/// The files docs/WALKTHROUGH.md hands the reader on a demo installation, dated from the demo's
/// day so that the walkthrough works on a demo made any day.
extension SyntheticOrganisation {
    /// An import file of `count` new members in `district` who entered on `day`: the entry
    /// declarations of the week. No numbers: the import allocates them.
    public static func newMembers(count: Int, seed: UInt64, district: String, on day: CalendarDate) -> Data {
        var text = "\u{FEFF}" + GermanCSV.line(MemberImport.header)
        let postalCode = SyntheticCatalog.districts.first { $0.name == district }?.towns.first?.postalCode ?? "04109"
        let town = SyntheticCatalog.districts.first { $0.name == district }?.towns.first?.name ?? district
        for person in SyntheticPeople(count: count, seed: seed ^ 0x4E45_5545, firstNumber: 900_001) {
            var fields = person.importFields
            let column = Dictionary(uniqueKeysWithValues: MemberImport.header.enumerated().map { ($1, $0) })
            func set(_ name: String, _ value: String) { if let index = column[name] { fields[index] = value } }
            set("number", "")
            set("status", MemberStatus.active.rawValue)
            set("district", district)
            set("postalCode", postalCode)
            set("city", town)
            set("entryDate", day.german)
            set("exitDate", "")
            text += GermanCSV.line(fields)
        }
        return Data(text.utf8)
    }

    /// The next bank statement: back payments booked on `day` by `count` members who pay dues,
    /// none of them a booking already in the books.
    public static func nextBankStatement(_ people: [SyntheticPerson], seed: UInt64, count: Int, on day: CalendarDate) -> Data {
        var random = SyntheticRandom(seed: seed ^ 0x4E45_5854)
        var lines = ["Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung"]
        let payers = people.filter { $0.monthlyDuesCents > 0 && isActive($0, on: day) }.shuffled(using: &random).prefix(count)
        for person in payers {
            let fields = [day.german, day.german, "\(person.givenName) \(person.familyName)",
                          "Mitgliedsbeitrag \(person.number) Nachzahlung \(day.german)",
                          GermanCSV.euros(person.monthlyDuesCents * 3), "EUR"]
            lines.append(fields.map(GermanCSV.quote).joined(separator: ";"))
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
