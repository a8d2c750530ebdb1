import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiCore

/// Erasure of former members: dry run first, four eyes, identity gone, statistics and numbers kept.
@Suite("Erasure")
struct ErasureTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    @Test("dry run, then with a second key holder: names and contacts gone, numbers, dates and counts kept")
    func eraseFormerMembers() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        func add(_ given: String, _ family: String, exit: String?) throws -> Int {
            let record = try treasurer.members.add(MemberChange(givenName: given, familyName: family, birthDate: "1950-06-15",
                                                              gender: "f", street: "Lindenweg", houseNumber: "4",
                                                              postalCode: "04109", city: "Leipzig", email: "x@example.org",
                                                              phone: "0341 123", district: "Leipzig"),
                                                 entryDate: Self.day("2001-01-01"), reason: "Beitritt")
            if let exit { _ = try treasurer.members.recordEvent(.number(record.number!), .resignation, on: Self.day(exit), reason: "Brief") }
            return record.number!
        }
        let old = try add("Wilhelmine", "Zwiebelhauser", exit: "2015-03-31")   // past retention
        let recent = try add("Hedwig", "Zwiebelhauser", exit: "\(CalendarDate(Date(), in: AssociationTime.defaultZone).year - 1)-06-30")
        let active = try add("Gertrud", "Quastenberg", exit: nil)
        let before2016 = try treasurer.members.list(MemberQuery(district: "Leipzig", asOf: Self.day("2014-12-31"))).count

        let dry = try treasurer.members.erase(dryRun: true)
        #expect(dry.members == [String(old)])
        #expect(try treasurer.members.show(.number(old)).current.familyName == "Zwiebelhauser", "a dry run changes nothing")
        #expect(throws: CoreError(.erasureNeedsApproval)) { try treasurer.members.erase(dryRun: false) }
        #expect(throws: CoreError(.exportApproverInvalid)) {
            try treasurer.members.erase(dryRun: false, approver: install.members[.office]!.source)
        }
        #expect(throws: CoreError(.erasureNotFormer)) { try treasurer.members.erase(only: [.number(active)], dryRun: true) }

        _ = try treasurer.vaultAdmin.addKeyHolder(userID: install.members[.office]!.userID)
        let done = try treasurer.members.erase(dryRun: false, approver: install.members[.office]!.source)
        #expect(done.members == [String(old)])

        let erased = try treasurer.members.show(.number(old))
        for version in erased.history {
            #expect(version.givenName.isEmpty && version.familyName.isEmpty && version.street.isEmpty && version.email.isEmpty)
            #expect(version.phone.isEmpty && version.birthDate == nil && version.reason.isEmpty && version.erasedAt != nil)
            #expect(version.district == "Leipzig" && version.gender == "f")
        }
        #expect(erased.history.map(\.event) == [.entry, .resignation])
        #expect(erased.current.entryDate == "2001-01-01" && erased.current.exitDate == "2015-03-31")
        #expect(try treasurer.members.list(MemberQuery(district: "Leipzig", asOf: Self.day("2014-12-31"))).count == before2016,
                "past counts are unchanged")
        #expect(try treasurer.members.search("Wilhelmine Zwiebelhauser").matches.isEmpty)
        #expect(try treasurer.members.search("Zwiebelhauser").matches.map(\.record.number) == [recent], "the other namesake stays")
        // Nothing identifying is left in the tables, and the birth year is.
        let (left, birthYear) = try treasurer.vault.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM personVersion WHERE givenName = 'Wilhelmine'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT birthYear FROM personVersion v JOIN person p ON p.id = v.personID WHERE p.number = ? LIMIT 1",
                              arguments: [old]))
        }
        #expect(left == 0 && birthYear == 1950)
        #expect(try treasurer.members.erase(dryRun: true).members.isEmpty, "erased people are not erased twice")
    }

    @Test("only the treasurer may erase; the attempt of anyone else is recorded")
    func onlyTreasurer() throws {
        let install = try TestInstallation()
        let office = try install.session(.office)
        defer { try? office.close() }
        #expect(throws: AccessDenied.self) { try office.members.erase(dryRun: true) }
        let last = try office.vault.read { db in try AuditLog.entries(db) }.last?.event
        #expect(last?.action == "memberErase" && last?.outcome == .denied)
    }

    @Test("erasure keeps ledger totals: dues owed and paid, arrears, donations and receipt data")
    func ledgersStay() throws {
        // 15 June 2020: the 2014 donation is still kept (until 31.12.2024), the 2014 exit is past erasure.
        let install = try TestInstallation(now: { Date(timeIntervalSince1970: 1_592_222_400) })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.finance.setDuesTable([DuesBracket(label: "Standard", incomeFromCents: 0, incomeToCents: nil, duesCents: 500)],
                                       validFrom: Self.day("2013-01-01"))
        let former = try treasurer.members.add(MemberChange(givenName: "Wilma", familyName: "Altmitglied", birthDate: "1940-01-01",
                                                          street: "Weg", houseNumber: "1", postalCode: "04109", city: "Leipzig",
                                                          district: "Leipzig", duesCents: 500),
                                             entryDate: Self.day("2012-06-01")).number!
        _ = try treasurer.members.recordEvent(.number(former), .resignation, on: Self.day("2014-12-31"))
        let stays = try treasurer.members.add(MemberChange(givenName: "Paul", familyName: "Bleibt", district: "Leipzig", duesCents: 500),
                                            entryDate: Self.day("2013-01-01")).number!
        let bank = "Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung\r\n"
            + "15.03.2013;15.03.2013;W. A.;Mitgliedsbeitrag \(former) 2013;30,00;EUR\r\n"
            + "15.03.2013;15.03.2013;P. B.;Mitgliedsbeitrag \(stays) 2013;60,00;EUR\r\n"
        _ = try treasurer.finance.importPayments(Data(bank.utf8), file: "bank-2013.csv")
        _ = try treasurer.finance.addDonation(DonationEntry(donor: .member(.number(former)), amountCents: 12_000,
                                                    receivedOn: Self.day("2014-05-05")))
        let asOf = Self.day("2016-01-01")
        let before = try treasurer.finance.arrears(asOf: asOf)
        let receiptsBefore = try treasurer.finance.receiptData(year: 2014)

        _ = try treasurer.vaultAdmin.addKeyHolder(userID: install.members[.office]!.userID)
        let erased = try treasurer.members.erase(dryRun: false, approver: install.members[.office]!.source)
        #expect(erased.members == [String(former)])

        let after = try treasurer.finance.arrears(asOf: asOf)
        #expect(after.total == before.total, "owed, paid, arrears and age of debt are unchanged")
        #expect(after.districts == before.districts)
        // By hand: active on the 1st of every month from January 2013 to December 2014 = 24 months.
        let formerBefore = try #require(before.members.first { $0.number == former })
        #expect(formerBefore.monthsCharged == 24 && formerBefore.owedCents == 12_000)
        let formerAfter = try #require(after.members.first { $0.number == former })
        #expect(formerAfter.owedCents == 12_000 && formerAfter.familyName.isEmpty, "the debt stays, the name goes")
        let receiptsAfter = try treasurer.finance.receiptData(year: 2014)
        #expect(receiptsAfter.donors.map(\.totalCents) == receiptsBefore.donors.map(\.totalCents))
        #expect(receiptsAfter.donors.first?.donorName == "Wilma Altmitglied", "§25 PartG: the receipt data keeps the donor")
    }
}
