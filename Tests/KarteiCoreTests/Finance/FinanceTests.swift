import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiCore

/// Dues and donations through the audited session API: arrears against a hand-computed history,
/// the all-or-nothing bank import, district scope, the § 25 PartG limits and the ledger surviving
/// an erasure. Synthetic people only.
@Suite("Finance")
struct FinanceTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    /// 15 December 2026, noon UTC: every date below lies before it.
    static let now = Date(timeIntervalSince1970: 1_797_336_000)

    static let brackets = [
        DuesBracket(label: "befreit", incomeFromCents: 0, incomeToCents: nil, duesCents: 0),
        DuesBracket(label: "A", incomeFromCents: 0, incomeToCents: 1_000_00, duesCents: 5_00),
        DuesBracket(label: "B", incomeFromCents: 1_000_01, incomeToCents: 2_000_00, duesCents: 10_00),
        DuesBracket(label: "C", incomeFromCents: 2_000_01, incomeToCents: nil, duesCents: 20_00),
    ]

    /// The people of the hand-computed history (docs/FINANCE.md's example), dues table from 1 Jan 2026:
    /// - Erika, Leipzig, enters 1 Jan 2026 with 10 €, resigns 1 Jul 2026: owes Jan–Jun = 60 €.
    /// - Jonas, Leipzig, enters 15 Feb 2026 with 5 €, 20 € from 1 May: owes Mar, Apr (2 × 5) and
    ///   May–Dec (8 × 20) = 170 € by December.
    /// - Emil, Leipzig, enters 1 Jan 2026 with 10 €, moves to Dresden on 1 Apr: 10 € every month.
    /// - Dora, Dresden, entered 2020 with 10 €: charged only from the accounting start, Jan 2026.
    /// - Clara, Dresden, exempt (0 €); Gustav, Leipzig, a guest with 5 € recorded: never charged.
    struct People {
        var erika = 0, jonas = 0, emil = 0, dora = 0, clara = 0, gustav = 0
    }

    static func setUp(_ treasurer: KarteiSession) throws -> People {
        _ = try treasurer.finance.setDuesTable(brackets, validFrom: day("2026-01-01"))
        func add(_ given: String, _ district: String, _ dues: Int, _ entry: String, kind: PersonKind = .member) throws -> Int {
            try #require(try treasurer.members.add(MemberChange(kind: kind, givenName: given, familyName: "Beispiel", street: "Hauptstraße",
                                                              houseNumber: "1", postalCode: "04109", city: "Leipzig",
                                                              district: district, duesCents: dues),
                                                 entryDate: day(entry)).number)
        }
        var people = People()
        people.erika = try add("Erika", "Leipzig", 10_00, "2026-01-01")
        _ = try treasurer.members.recordEvent(.number(people.erika), .resignation, on: day("2026-07-01"))
        people.jonas = try add("Jonas", "Leipzig", 5_00, "2026-02-15")
        _ = try treasurer.members.change(.number(people.jonas), MemberChange(duesCents: 20_00), validFrom: day("2026-05-01"))
        people.emil = try add("Emil", "Leipzig", 10_00, "2026-01-01")
        _ = try treasurer.members.change(.number(people.emil), MemberChange(district: "Dresden"), validFrom: day("2026-04-01"))
        people.dora = try add("Dora", "Dresden", 10_00, "2020-01-01")
        people.clara = try add("Clara", "Dresden", 0, "2025-06-01")
        people.gustav = try add("Gustav", "Leipzig", 5_00, "2026-01-01", kind: .guest)
        return people
    }

    static let bankHeader = """
        Kontonummer;DE00 1234 5678 9000 0000 00\r
        Zeitraum;01.01.2026 - 30.11.2026\r
        \r
        Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung\r

        """

    static func bank(_ lines: [String]) -> Data {
        Data((bankHeader + lines.map { $0 + "\r\n" }.joined()).utf8)
    }

    static func payments(_ p: People) -> Data {
        bank([
            "15.01.2026;15.01.2026;Erika Beispiel;Mitgliedsbeitrag \(p.erika) 01/2026;10,00;EUR",
            "16.02.2026;16.02.2026;Erika Beispiel;Mitgliedsbeitrag \(p.erika) 2026;10,00;EUR",
            "16.03.26;16.03.26;Erika Beispiel;Beitrag Mitgl.-Nr. \(p.erika);10,00;EUR",
            "01.06.2026;01.06.2026;Jonas Beispiel;\"Beitrag; \(p.jonas)\";100,00;EUR",
            "01.02.2026;01.02.2026;Dora Beispiel;MNR\(p.dora) Jahresbeitrag 2026;150,00;EUR",
        ])
    }

    @Test("arrears follow the history month by month; payments settle the oldest month first")
    func arrearsByHand() throws {
        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(throws: CoreError(.duesTableMissing)) { try treasurer.finance.arrears() }
        let p = try Self.setUp(treasurer)
        let summary = try treasurer.finance.importPayments(Self.payments(p), file: "umsaetze.csv")
        #expect(summary.payments == 5 && summary.totalCents == 280_00 && summary.members == 3)

        let december = try treasurer.finance.arrears()
        #expect(december.asOf == "2026-12-15" && december.accountingStart == CalendarMonth(year: 2026, month: 1))
        func member(_ report: ArrearsReport, _ number: Int) -> MemberArrears? { report.members.first { $0.number == number } }

        // Erika: Jan–Jun charged (active on the 1st), three months paid; April is open since 8 months.
        let erika = try #require(member(december, p.erika))
        #expect(erika.monthsCharged == 6 && erika.owedCents == 60_00 && erika.paidCents == 30_00 && erika.balanceCents == 30_00)
        #expect(erika.oldestUnpaidMonth == CalendarMonth(year: 2026, month: 4) && erika.ageMonths == 8)
        #expect(erika.status == .resigned && erika.district == "Leipzig")
        // Jonas: 2 × 5 + 8 × 20 = 170; 100 pays Mar, Apr, May–Aug and 10 € of September.
        let jonas = try #require(member(december, p.jonas))
        #expect(jonas.monthsCharged == 10 && jonas.owedCents == 170_00 && jonas.balanceCents == 70_00)
        #expect(jonas.oldestUnpaidMonth == CalendarMonth(year: 2026, month: 9) && jonas.ageMonths == 3)
        // Emil: 12 × 10, nothing paid, in Dresden now.
        let emil = try #require(member(december, p.emil))
        #expect(emil.owedCents == 120_00 && emil.district == "Dresden" && emil.ageMonths == 11)
        // Dora paid 150 for 120 owed: a credit, not in the list. Clara and Gustav owe nothing.
        #expect(member(december, p.dora) == nil && member(december, p.clara) == nil && member(december, p.gustav) == nil)
        #expect(december.members.map(\.number) == [p.emil, p.erika, p.jonas], "oldest debt first")

        let dresden = try #require(december.districts.first { $0.district == "Dresden" })
        #expect(dresden.members == 2 && dresden.membersInArrears == 1 && dresden.arrearsCents == 120_00 && dresden.creditCents == 30_00)
        #expect(dresden.oldestAgeMonths == 11 && dresden.byAge.months6to11 == 1)
        let leipzig = try #require(december.districts.first { $0.district == "Leipzig" })
        #expect(leipzig.members == 2 && leipzig.membersInArrears == 2 && leipzig.arrearsCents == 100_00)
        #expect(leipzig.byAge.months3to5 == 1 && leipzig.byAge.months6to11 == 1)
        #expect(december.total.arrearsCents == 220_00 && december.total.members == 4)

        // As of 30 June: Erika owes Jan–Jun, paid three; Emil counts in Dresden since April;
        // Jonas' June payment is booked, so he is even up to August… but only Mar–Jun are due.
        let june = try treasurer.finance.arrears(asOf: Self.day("2026-06-30"))
        #expect(member(june, p.erika)?.balanceCents == 30_00 && member(june, p.erika)?.ageMonths == 2)
        #expect(member(june, p.jonas) == nil, "Mar, Apr, May, Jun = 50 €, 100 € paid")
        #expect(member(june, p.emil)?.owedCents == 60_00)
        // As of 15 March: Emil is still in Leipzig; the Jonas payment is not yet booked.
        let march = try treasurer.finance.arrears(asOf: Self.day("2026-03-15"), district: "Leipzig")
        #expect(member(march, p.emil)?.owedCents == 30_00 && member(march, p.jonas)?.owedCents == 5_00)
        #expect(march.districts.map(\.district) == ["Leipzig"])

        // One member's account lists every month and payment.
        let account = try treasurer.finance.duesAccount(.number(p.erika))
        #expect(account.charges.map(\.month.month) == [1, 2, 3, 4, 5, 6] && account.payments.count == 3)
        #expect(account.payments.first?.file == "umsaetze.csv" && account.payments.first?.line == 5)
    }

    @Test("the dues rule: active on the 1st, exempt months are no charges, oldest month settled first")
    func duesRule() {
        let versions = [
            DuesRule.Version(validFrom: "2026-01-10", validTo: "2026-03-01", kind: .member, status: .pending, duesCents: 10_00),
            DuesRule.Version(validFrom: "2026-03-01", validTo: "2026-05-01", kind: .member, status: .active, duesCents: 10_00),
            DuesRule.Version(validFrom: "2026-05-01", validTo: "2026-06-15", kind: .member, status: .active, duesCents: 0),
            DuesRule.Version(validFrom: "2026-06-15", validTo: "2026-08-02", kind: .member, status: .active, duesCents: 8_00),
            DuesRule.Version(validFrom: "2026-08-02", validTo: nil, kind: .member, status: .resigned, duesCents: 8_00),
        ]
        let charges = DuesRule.charges(versions, from: CalendarMonth(year: 2025, month: 1), through: CalendarMonth(year: 2026, month: 12))
        #expect(charges.map { "\($0.month)=\($0.cents)" } == ["2026-03=1000", "2026-04=1000", "2026-07=800", "2026-08=800"])
        let settled = DuesRule.settle(charges, paidCents: 25_00)
        #expect(settled.owedCents == 36_00 && settled.balanceCents == 11_00 && settled.oldestUnpaid == CalendarMonth(year: 2026, month: 7))
        #expect(DuesRule.settle(charges, paidCents: 40_00).oldestUnpaid == nil)
        #expect(CalendarMonth.firstStarting(onOrAfter: Self.day("2026-12-02")) == CalendarMonth(year: 2027, month: 1))
    }

    @Test("a bad bank file names every problem by line and column and books nothing; a file is booked once")
    func importAllOrNothing() throws {
        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let p = try Self.setUp(treasurer)
        let before = try treasurer.finance.arrears()

        let bad = Self.bank([
            "15.01.2026;15.01.2026;X;Beitrag \(p.erika);10,00;EUR",                 // line 5: fine
            "31.02.2026;31.02.2026;X;Beitrag \(p.erika);10,00;EUR",                 // line 6: no such day
            "15.01.2026;15.01.2026;X;Beitrag \(p.erika);-10,00;EUR",                // line 7: outgoing
            "15.01.2026;15.01.2026;X;Beitrag Januar;10,00;EUR",                     // line 8: no member number
            "15.01.2026;15.01.2026;X;Beitrag \(p.erika) und \(p.jonas);20,00;EUR",  // line 9: two members
            "15.01.2026;15.01.2026;X;Beitrag \(p.erika);zehn;EUR",                  // line 10: not an amount
            "15.01.2026;15.01.2026;X;Beitrag \(p.erika);10,00;USD",                 // line 11: not euro
            "15.01.2026;15.01.2026;X;Beitrag 999999 2026;10,00;EUR",                // line 12: nobody has 999999
            "15.01.2026;X",                                                         // line 13: too short
        ])
        let error = try #require(throws: MemberDataError.self) { try treasurer.finance.importPayments(bad, file: "bad.csv") }
        let found = Set(error.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.message.key)" })
        #expect(found == ["6:1:problemDate", "7:5:problemPaymentNotPositive", "8:4:problemPaymentNoMember",
                          "9:4:problemPaymentAmbiguous", "10:5:problemAmount", "11:6:problemCurrency",
                          "12:4:problemPaymentNoMember", "13:0:problemColumns"], "\(found.sorted())")
        #expect(error.file == "bad.csv" && error.message.key == .memberImportInvalid)
        #expect(try treasurer.finance.arrears() == before, "nothing was booked")

        // The same bytes again (under any name) are refused; so is a line another file booked.
        let good = Self.payments(p)
        _ = try treasurer.finance.importPayments(good, file: "juni.csv")
        #expect(throws: CoreError(.paymentFileImported)) { try treasurer.finance.importPayments(good, file: "juni-kopie.csv") }
        let overlapping = Self.bank([
            "15.01.2026;15.01.2026;Erika Beispiel;Mitgliedsbeitrag \(p.erika) 01/2026;10,00;EUR",
            "01.12.2026;01.12.2026;Emil Beispiel;Beitrag \(p.emil);120,00;EUR",
        ])
        let overlap = try #require(throws: MemberDataError.self) { try treasurer.finance.importPayments(overlapping, file: "dez.csv") }
        #expect(overlap.problems.map { "\($0.line ?? 0):\($0.message.key)" } == ["5:problemPaymentBooked"])
        #expect(overlap.problems.first?.message.arguments == ["file": "juni.csv", "line": "5"])
        #expect(throws: CoreError(.paymentFileEmpty)) { try treasurer.finance.importPayments(Self.bank([]), file: "leer.csv") }
        #expect(throws: MemberDataError.self) { try treasurer.finance.importPayments(Data("a;b\r\n1;2\r\n".utf8), file: "x.csv") }
    }

    @Test("member numbers in a Verwendungszweck: years are dropped when another number matches")
    func matching() throws {
        let members: [Int: Int64] = [100734: 1, 2026: 2, 100735: 3]
        #expect(PaymentImport.candidates(in: "Mitgliedsbeitrag 100734 2026", members: members).map(\.0) == [100734])
        #expect(PaymentImport.candidates(in: "Beitrag 2026", members: members).map(\.0) == [2026])
        #expect(PaymentImport.candidates(in: "MNR100734/100735", members: members).map(\.0) == [100734, 100735])
        #expect(PaymentImport.candidates(in: "DE02100734000000 Spende", members: members).isEmpty)
        #expect(PaymentImport.bookingDate("03.04.26") == Self.day("2026-04-03"))

        // Sparkasse: Buchungstext is the kind of booking, Verwendungszweck the text; Commerzbank
        // has only Buchungstext. DKB writes "Betrag (€)".
        let sparkasse = "Auftragskonto;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;Betrag;Waehrung\r\n"
            + "DE00;02.03.26;02.03.26;GUTSCHR. UEBERWEISUNG 100735;Beitrag 100734;12,00;EUR\r\n"
        #expect(try PaymentImport.lines(Data(sparkasse.utf8), file: "s.csv", members: members).map(\.memberNumber) == [100734])
        let commerzbank = "Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung\r\n"
            + "02.03.2026;02.03.2026;Gutschrift;Beitrag 100735;12,00;EUR\r\n"
        #expect(try PaymentImport.lines(Data(commerzbank.utf8), file: "c.csv", members: members).map(\.memberNumber) == [100735])
        let dkb = "\"Buchungsdatum\";\"Zahlungspflichtige*r\";\"Verwendungszweck\";\"Betrag (€)\"\r\n"
            + "\"02.03.26\";\"X\";\"Mitgliedsbeitrag 100734\";\"1.212,50 €\"\r\n"
        #expect(try PaymentImport.lines(Data(dkb.utf8), file: "d.csv", members: members).map(\.amountCents) == [1_212_50])
    }

    @Test("district officers read finance of their own district only; writes are the treasurer's; denials are logged")
    func scope() throws {
        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        let p = try Self.setUp(treasurer)
        _ = try treasurer.finance.addDonation(DonationEntry(donor: .member(.number(p.erika)), amountCents: 50_00,
                                                    receivedOn: Self.day("2026-03-01")))
        try treasurer.close()

        let district = try install.session(.district)
        defer { try? district.close() }
        let own = try district.finance.arrears()
        #expect(own.districts.map(\.district) == ["Leipzig"] && own.members.allSatisfy { $0.district == "Leipzig" })
        #expect(try district.finance.duesAccount(.number(p.jonas)).arrears.number == p.jonas)
        #expect(try district.finance.duesTable()?.brackets.count == 4, "the dues table is the same everywhere")

        #expect(throws: AccessDenied.self) { try district.finance.arrears(district: "Dresden") }
        #expect(throws: AccessDenied.self) { try district.finance.duesAccount(.number(p.dora)) }
        #expect(throws: AccessDenied.self) { try district.finance.donations(year: 2026) }
        #expect(throws: AccessDenied.self) { try district.finance.receiptData(year: 2026) }
        #expect(throws: AccessDenied.self) { try district.finance.importPayments(Self.payments(p), file: "x.csv") }
        #expect(throws: AccessDenied.self) { try district.finance.setDuesTable(Self.brackets, validFrom: Self.day("2027-01-01")) }
        #expect(throws: AccessDenied.self) {
            try district.finance.addDonation(DonationEntry(donor: .anonymous, amountCents: 10_00, receivedOn: Self.day("2026-03-01")))
        }
        let denied = try district.vault.read { db in
            try AuditLog.entries(db).compactMap(\.event).filter { $0.outcome == .denied }
        }
        #expect(denied.map(\.action).sorted() == ["financeRead", "financeRead", "financeRead", "financeRead",
                                                  "financeWrite", "financeWrite", "financeWrite"])
        #expect(denied.contains { $0.action == "financeRead" && $0.objectIDs == [String(p.dora)] })
        // Reads name the members they returned, so who-read finds them.
        let read = try district.vault.read { db in
            try AuditLog.entries(db).compactMap(\.event).filter { $0.action == "financeRead" && $0.outcome == .success }
        }
        #expect(read.contains { Set($0.objectIDs) == Set(own.members.map { String($0.number) }) })

        // The office reads everything and writes nothing.
        let office = try install.session(.office)
        defer { try? office.close() }
        #expect(try office.finance.arrears().districts.count == 2)
        #expect(throws: AccessDenied.self) { try office.finance.importPayments(Self.payments(p), file: "x.csv") }
    }

    @Test("donations: § 25 PartG limits, receipts per donor, and the ledger outlives an erasure")
    func donations() throws {
        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let p = try Self.setUp(treasurer)
        func add(_ donor: Donor, _ cents: Int, _ date: String, cash: Bool = false) throws -> Donation {
            try treasurer.finance.addDonation(DonationEntry(donor: donor, amountCents: cents, receivedOn: Self.day(date), cash: cash))
        }
        let max = Donor.person(name: "Max Muster", street: "Ringstraße 9", postalCode: "01067", city: "Dresden")
        let erikaFirst = try add(.member(.number(p.erika)), 6_000_00, "2026-03-01")
        #expect(erikaFirst.donorName == "Erika Beispiel" && erikaFirst.street == "Hauptstraße 1" && erikaFirst.flags.isEmpty)
        #expect(erikaFirst.keepUntil == "2036-12-31")
        _ = try add(.member(.number(p.erika)), 5_000_00, "2026-09-01")
        #expect(try add(max, 36_000_00, "2026-05-05").flags == [.immediateReport])
        _ = try add(.person(name: "Hanna Probe", street: "Weg 2", postalCode: "09111", city: "Chemnitz"), 10_000_00, "2026-02-02")
        #expect(try add(.anonymous, 600_00, "2026-04-04").flags == [.anonymousOverLimit])
        #expect(try add(.anonymous, 20_00, "2026-04-05", cash: true).flags.isEmpty)
        #expect(try add(.person(name: "Otto Bar", street: "Markt 1", postalCode: "02625", city: "Bautzen"), 1_500_00, "2026-06-06",
                        cash: true).flags == [.cashOverLimit])
        _ = try add(max, 100_00, "2025-12-31")

        // A receipt needs name and address; amounts are positive; no date in the future.
        #expect(throws: MemberDataError.self) { try add(.person(name: "Ohne Anschrift", street: "", postalCode: "", city: ""), 10_00, "2026-01-01") }
        #expect(throws: MemberDataError.self) { try add(max, 0, "2026-01-01") }
        #expect(throws: MemberDataError.self) { try add(max, 10_00, "2027-01-01") }

        #expect(try treasurer.finance.donations(year: 2026).count == 7)
        let receipts = try treasurer.finance.receiptData(year: 2026)
        #expect(receipts.donors.map(\.donorName) == ["Erika Beispiel", "Hanna Probe", "Max Muster", "Otto Bar"])
        let erika = try #require(receipts.donors.first { $0.donorName == "Erika Beispiel" })
        #expect(erika.totalCents == 11_000_00 && erika.collective && erika.listedInReport && !erika.immediateReport)
        #expect(erika.memberNumber == p.erika && erika.donations.map(\.receivedOn) == ["2026-03-01", "2026-09-01"])
        let hanna = try #require(receipts.donors.first { $0.donorName == "Hanna Probe" })
        #expect(!hanna.listedInReport, "exactly 10.000 € does not exceed the limit")
        let maxReceipt = try #require(receipts.donors.first { $0.donorName == "Max Muster" })
        #expect(maxReceipt.totalCents == 36_000_00 && maxReceipt.immediateReport && maxReceipt.listedInReport && !maxReceipt.collective)
        #expect(receipts.anonymousCents == 620_00 && receipts.anonymousOverLimit.map(\.amountCents) == [600_00])
        #expect(receipts.totalCents == 11_000_00 + 10_000_00 + 36_000_00 + 1_500_00 + 620_00)

        // Erasing Erika (the person row; her versions go with it) leaves the ledger and the
        // booked payments intact with her name, address and member number (§ 24 Abs. 2 PartG).
        _ = try treasurer.finance.importPayments(Self.payments(p), file: "umsaetze.csv")
        try treasurer.vault.write { db in try db.execute(sql: "DELETE FROM person WHERE number = ?", arguments: [p.erika]) }
        let after = try treasurer.finance.receiptData(year: 2026)
        let kept = try #require(after.donors.first { $0.donorName == "Erika Beispiel" })
        #expect(kept.totalCents == 11_000_00 && kept.postalCode == "04109" && kept.memberNumber == p.erika)
        let payments = try treasurer.vault.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM payment WHERE memberNumber = ? AND personID IS NULL", arguments: [p.erika])
        }
        #expect(payments == 3)
        #expect(try treasurer.finance.arrears().members.allSatisfy { $0.number != p.erika })
    }

    @Test("the dues table: bands without overlap or gap, read back from German CSV, the one of the day holds")
    func duesTable() throws {
        let table = DuesTable(validFrom: "2026-01-01", brackets: Self.brackets)
        #expect(table.bracket(forIncomeCents: 1_000_00)?.label == "A")
        #expect(table.bracket(forIncomeCents: 1_000_01)?.label == "B")
        #expect(table.bracket(forIncomeCents: 9_999_99)?.label == "C")
        #expect(table.brackets.last?.isExempt == true)
        #expect(DuesTable.problems(Self.brackets).isEmpty)

        let csv = "\u{FEFF}Bezeichnung;Einkommen von;Einkommen bis;Beitrag\r\n"
            + "A;0;1.000,00;5,00\r\n"
            + "B;1.000,00;2.000,00;10,00\r\n"     // line 3: overlaps A by a cent
            + "C;2.500,00;;20,00\r\n"             // line 4: gap after B
            + "A;3.000,00;;x\r\n"                 // line 5: label twice, bad amount
        let error = try #require(throws: MemberDataError.self) { try DuesTable.parse(Data(csv.utf8), file: "t.csv") }
        let found = Set(error.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.message.key)" })
        #expect(found == ["5:4:problemAmount"], "line problems first")
        let fixedLast = csv.replacingOccurrences(of: "A;3.000,00;;x", with: "A;3.000,00;;30")
        let crossLine = try #require(throws: MemberDataError.self) { try DuesTable.parse(Data(fixedLast.utf8), file: "t.csv") }
        #expect(Set(crossLine.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.message.key)" })
                == ["3:2:problemDuesBandOverlap", "4:2:problemDuesBandGap", "5:1:problemDuesLabelTwice",
                    "5:2:problemDuesBandOverlap"])
        let good = "label;incomeFrom;incomeTo;dues\r\nA;0;1.000,00;5\r\nB;1.000,01;;10,00\r\nbefreit;0;;0\r\n"
        #expect(try DuesTable.parse(Data(good.utf8), file: "t.csv").count == 3)

        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(try treasurer.finance.duesTable() == nil)
        _ = try treasurer.finance.setDuesTable(Self.brackets, validFrom: Self.day("2026-01-01"))
        let raised = Self.brackets.map { var b = $0; b.duesCents += b.isExempt ? 0 : 1_00; return b }
        _ = try treasurer.finance.setDuesTable(raised, validFrom: Self.day("2026-07-01"))
        #expect(try treasurer.finance.duesTable(asOf: Self.day("2026-06-30"))?.bracket(forIncomeCents: 0)?.duesCents == 5_00)
        #expect(try treasurer.finance.duesTable()?.bracket(forIncomeCents: 0)?.duesCents == 6_00)
        #expect(try treasurer.finance.duesTables().map(\.validFrom) == ["2026-01-01", "2026-07-01"])
        #expect(throws: MemberDataError.self) {
            try treasurer.finance.setDuesTable([DuesBracket(label: "", incomeFromCents: 0, incomeToCents: nil, duesCents: 1)],
                                       validFrom: Self.day("2027-01-01"))
        }
    }
}
