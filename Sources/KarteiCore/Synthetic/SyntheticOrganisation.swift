import Foundation

/// The rest of a synthetic installation, for demos and benchmarks (docs/SYNTHETIC.md): a dues
/// table, bank statements with the members' payments (most pay, some fall behind), a board per
/// district with its offices, and mandates from the municipal council to the European Parliament.
/// Deterministic for a seed; written through the session's audited operations like real data.
public enum SyntheticOrganisation {
    /// The first month the demo's books cover.
    public static let accountingStart = CalendarDate(year: 2024, month: 1, day: 1)

    /// The dues table: the generator's dues classes as income brackets (and an exempt bracket).
    public static let duesTable: [DuesBracket] = [
        DuesBracket(label: "beitragsfrei", incomeFromCents: 0, incomeToCents: nil, duesCents: 0),
        DuesBracket(label: "bis 1.000 €", incomeFromCents: 0, incomeToCents: 100_000, duesCents: 150),
        DuesBracket(label: "bis 2.000 €", incomeFromCents: 100_001, incomeToCents: 200_000, duesCents: 300),
        DuesBracket(label: "bis 3.000 €", incomeFromCents: 200_001, incomeToCents: 300_000, duesCents: 500),
        DuesBracket(label: "bis 4.500 €", incomeFromCents: 300_001, incomeToCents: 450_000, duesCents: 1000),
        DuesBracket(label: "über 4.500 €", incomeFromCents: 450_001, incomeToCents: nil, duesCents: 2000),
    ]

    /// A bank export (German online banking CSV) of the members' dues payments from the accounting
    /// start to the month of `until` (each quarter paid in its first month). Four in five pay every quarter, one in ten once a year,
    /// one in ten stops paying at some point (arrears).
    public static func bankStatement(_ people: [SyntheticPerson], seed: UInt64, until: CalendarDate) -> Data {
        var random = SyntheticRandom(seed: seed ^ 0xBA4C)
        var lines = ["Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung"]
        let months = monthsBetween(accountingStart, until) + [CalendarDate(year: until.year, month: until.month, day: 1)]
        for person in people where person.monthlyDuesCents > 0 {
            let habit = random.weighted([(0, 0.8), (1, 0.1), (2, 0.1)])
            let stopAfter = Int.random(in: 0..<max(1, months.count), using: &random)
            var due: [CalendarDate] = []
            for (index, month) in months.enumerated() where isActive(person, on: month) {
                if habit == 2 && index >= stopAfter { break }
                due.append(month)
            }
            let groups: [[CalendarDate]] = switch habit {
            case 1: Dictionary(grouping: due, by: \.year).sorted { $0.key < $1.key }.map(\.value)
            default: Dictionary(grouping: due) { $0.year * 10 + ($0.month - 1) / 3 }.sorted { $0.key < $1.key }.map(\.value)
            }
            for group in groups {
                guard let first = group.first else { continue }
                let booked = CalendarDate(year: first.year, month: first.month, day: Int.random(in: 2...20, using: &random))
                let period = habit == 1 ? "\(first.year)" : "Q\((first.month - 1) / 3 + 1)/\(first.year)"
                let fields = [booked.german, booked.german, "\(person.givenName) \(person.familyName)",
                              "Mitgliedsbeitrag \(person.number) \(period)", GermanCSV.euros(person.monthlyDuesCents * group.count), "EUR"]
                lines.append(fields.map(GermanCSV.quote).joined(separator: ";"))
            }
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Boards with offices in every district and a few statewide, and mandates, through the
    /// session's audited operations. Returns how many offices and mandates were recorded.
    public static func populate(_ session: KarteiSession, people: [SyntheticPerson], seed: UInt64,
                                on date: CalendarDate) throws -> (offices: Int, mandates: Int) {
        var random = SyntheticRandom(seed: seed ^ 0x0FF1CE)
        let active = people.filter { isActive($0, on: date) }
        let byDistrict = Dictionary(grouping: active, by: \.district)
        var offices = 0, mandates = 0
        let boardStart = CalendarDate(year: max(accountingStart.year, date.year - 1), month: 3, day: 15)
        for district in SyntheticCatalog.districts.map(\.name) {
            guard var candidates = byDistrict[district]?.filter({ isActive($0, on: boardStart) }), candidates.count >= 5 else {
                continue
            }
            let board = try session.org.addBody(name: "Kreisvorstand \(district)", kind: .board, district: district, from: boardStart)
            for title in ["Vorsitz", "stellv. Vorsitz", "Schatzmeister/in", "Beisitz", "Beisitz"] {
                let index = Int.random(in: 0..<candidates.count, using: &random)
                let person = candidates.remove(at: index)
                _ = try session.org.addOffice(.number(person.number), body: board.id, title: title, from: boardStart)
                offices += 1
            }
        }
        let levels: [(Mandate.Level, Double, String)] = [
            (.municipal, 0.03, "Stadtrat"), (.county, 0.01, "Kreistag"), (.state, 0.002, "Landtag"),
            (.federal, 0.0005, "Bundestag"), (.european, 0.0002, "Europäisches Parlament"),
        ]
        let termStart = CalendarDate(year: 2024, month: 7, day: 1)
        for person in active where isActive(person, on: termStart) {
            for (level, share, name) in levels where random.chance(share) {
                let body = level == .municipal ? "\(name) \(person.town)" : level == .county ? "\(name) \(person.district)" : name
                _ = try session.org.addMandate(.number(person.number), level: level, name: body, from: termStart)
                mandates += 1
                break
            }
        }
        return (offices, mandates)
    }

    /// An active member on that day (entry on or before, no exit yet).
    static func isActive(_ person: SyntheticPerson, on day: CalendarDate) -> Bool {
        let entry = CalendarDate(year: person.entryDate.year ?? 0, month: person.entryDate.month ?? 1, day: person.entryDate.day ?? 1)
        guard entry <= day else { return false }
        guard let exit = person.exitDate else { return true }
        return CalendarDate(year: exit.year ?? 0, month: exit.month ?? 1, day: exit.day ?? 1) > day
    }

    /// The 1st of every month from `start` up to, not including, the month of `end`.
    static func monthsBetween(_ start: CalendarDate, _ end: CalendarDate) -> [CalendarDate] {
        var months: [CalendarDate] = []
        var year = start.year, month = start.month
        while (year, month) < (end.year, end.month) {
            months.append(CalendarDate(year: year, month: month, day: 1))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return months
    }
}
