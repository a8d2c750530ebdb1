import Foundation
import KarteiCore
import KarteiTesting
import Testing

@Suite("Synthetic people")
struct SyntheticPeopleTests {
    @Test("the same seed gives the same people; another seed other people")
    func deterministic() {
        let a = Array(SyntheticPeople(count: 500, seed: 11))
        let b = Array(SyntheticPeople(count: 500, seed: 11))
        let c = Array(SyntheticPeople(count: 500, seed: 12))
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a.map(\.number)).count == 500)
    }

    @Test("all 13 districts, plausible dates, an age profile skewed old")
    func distribution() {
        let people = Array(SyntheticPeople(count: 8000, seed: 1))
        #expect(Set(people.map(\.district)) == Set(SyntheticCatalog.districts.map(\.name)))
        #expect(SyntheticCatalog.districts.count == 13)
        for person in people {
            let birth = person.birthDate.year!
            let entry = person.entryDate.year!
            #expect(entry - birth >= 16, "entered at 16 or older")
            #expect(entry >= 1996 && entry <= 2026, "30 years of entries")
            if let exit = person.exitDate { #expect(exit.year! > entry) }
            #expect((person.exitDate == nil) == (person.status == .active))
        }
        let over65 = people.filter { 2026 - $0.birthDate.year! >= 65 }.count
        let under35 = people.filter { 2026 - $0.birthDate.year! < 35 }.count
        #expect(Double(over65) / 8000 > 0.45, "more than 45 % are 65 or older")
        #expect(under35 > 0 && under35 < over65)
        let leipzig = people.filter { $0.district == "Leipzig" }.count
        let nordsachsen = people.filter { $0.district == "Nordsachsen" }.count
        #expect(leipzig > 3 * nordsachsen, "city districts are larger")
    }
}

@Suite("Synthetic import file")
struct SyntheticImportFileTests {
    @Test("the same seed gives the same file, and it imports completely")
    func deterministicAndImportable() throws {
        let a = SyntheticImportFile.data(count: 400, seed: 9)
        #expect(a == SyntheticImportFile.data(count: 400, seed: 9))
        #expect(a != SyntheticImportFile.data(count: 400, seed: 10))
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(try treasurer.members.importFile(a, file: "generated").imported == 400)
        // The generator's dates reach to the end of its year: ask for that day.
        let endOfYear = CalendarDate(year: 2026, month: 12, day: 31)
        let everyone = try treasurer.members.list(MemberQuery(asOf: endOfYear, statuses: nil))
        #expect(everyone.count == 400)
        let expected = SyntheticPeople(count: 400, seed: 9).filter { $0.status == .active }.count
        #expect(try treasurer.members.list(MemberQuery(asOf: endOfYear)).count == expected)
    }
}

@Suite("Synthetic organisation")
struct SyntheticOrganisationTests {
    @Test("dues, bank statements, boards and mandates: deterministic, importable, most members paid up")
    func populated() throws {
        let people = Array(SyntheticPeople(count: 600, seed: 21))
        let until = CalendarDate(year: 2026, month: 12, day: 1)
        let bank = SyntheticOrganisation.bankStatement(people, seed: 21, until: until)
        #expect(bank == SyntheticOrganisation.bankStatement(people, seed: 21, until: until))
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.members.importFile(SyntheticImportFile.data(count: 600, seed: 21), file: "generated")
        _ = try treasurer.finance.setDuesTable(SyntheticOrganisation.duesTable, validFrom: SyntheticOrganisation.accountingStart)
        let imported = try treasurer.finance.importPayments(bank, file: "bank.csv")
        #expect(imported.payments > 100)
        let arrears = try treasurer.finance.arrears(asOf: until)
        let active = try treasurer.members.list(MemberQuery(asOf: until)).filter { $0.duesCents > 0 }.count
        #expect(arrears.total.membersInArrears > 0 && arrears.total.membersInArrears < active / 3,
                "\(arrears.total.membersInArrears) of \(active) in arrears")
        let (offices, mandates) = try SyntheticOrganisation.populate(treasurer, people: people, seed: 21, on: until)
        #expect(offices == 5 * (try treasurer.org.bodies().count) && offices > 0)
        #expect(mandates > 0)
    }
}
