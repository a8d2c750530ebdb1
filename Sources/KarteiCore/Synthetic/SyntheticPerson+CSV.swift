import Foundation

extension SyntheticPerson {
    /// The person as a line of the member import (`MemberImport.header`), German conventions.
    public var importFields: [String] {
        func german(_ date: DateComponents) -> String {
            CalendarDate(year: date.year ?? 1900, month: date.month ?? 1, day: date.day ?? 1).german
        }
        let status: MemberStatus = switch self.status {
        case .active: .active
        case .resigned: .resigned
        case .deceased: .deceased
        case .expelled: .expelled
        }
        return [String(number), PersonKind.member.rawValue, status.rawValue, givenName, familyName, german(birthDate),
                gender.rawValue, street, houseNumber, postalCode, town, email ?? "", phone ?? "", district, "",
                german(entryDate), exitDate.map(german) ?? "", GermanCSV.euros(monthlyDuesCents)]
    }
}

/// `kartei generate`: synthetic people as an import file.
public enum SyntheticImportFile {
    /// The whole file for `count` people from `seed`.
    public static func data(count: Int, seed: UInt64) -> Data {
        var text = "\u{FEFF}" + GermanCSV.line(MemberImport.header)
        text.reserveCapacity(count * 160)
        for person in SyntheticPeople(count: count, seed: seed) {
            text += GermanCSV.line(person.importFields)
        }
        return Data(text.utf8)
    }
}

extension SyntheticPerson {
    /// A generator date as `yyyy-mm-dd`.
    public static func iso(_ date: DateComponents) -> String {
        CalendarDate(year: date.year ?? 1900, month: date.month ?? 1, day: date.day ?? 1).iso
    }
}
