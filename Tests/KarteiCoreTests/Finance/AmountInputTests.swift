import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// Every place that reads money from a file reads it strictly (docs/FINANCE.md, "Amounts"): a
/// decimal point is a decimal point, `1.500` is refused with its line and column, and the whole
/// file is refused. Synthetic people only.
@Suite("Amounts in imports")
struct AmountInputTests {
    /// 15 December 2026, noon UTC.
    static let now = Date(timeIntervalSince1970: 1_797_336_000)

    static func places(_ error: MemberDataError) -> Set<String> {
        Set(error.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.message.key)" })
    }

    @Test("dues table: 3.00 is three euros, 1500.5 is 1.500,50 €; 1.500 and 3.000,001 are refused by line and column")
    func duesTable() throws {
        let good = "label;incomeFrom;incomeTo;dues\r\nA;0;1.500,00;3.00\r\nB;1500.01;;1500.5\r\nbefreit;0;;0\r\n"
        let brackets = try DuesTable.parse(Data(good.utf8), file: "t.csv")
        #expect(brackets.map(\.duesCents) == [3_00, 1_500_50, 0])
        #expect(brackets.map(\.incomeFromCents) == [0, 1_500_01, 0] && brackets.first?.incomeToCents == 1_500_00)

        let bad = "label;incomeFrom;incomeTo;dues\r\nA;0;1.500;3,00\r\nB;1.500,01;;3.000,001\r\nC;2.000,00;;-1\r\n"
        let error = try #require(throws: MemberDataError.self) { try DuesTable.parse(Data(bad.utf8), file: "t.csv") }
        #expect(Self.places(error) == ["2:3:problemAmountAmbiguous", "3:4:problemAmountDecimals", "4:4:problemAmountSign"],
                "\(Self.places(error).sorted())")
        #expect(error.file == "t.csv")
    }

    @Test("member import: dues 3.00 are 3 €; 1.500 is refused with line and column and nothing is imported")
    func memberImport() throws {
        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let header = "Mitgliedsnummer;Vorname;Nachname;Kreisverband;Eintritt;Beitrag\r\n"
        let good = header + "200001;Anna;Muster;Leipzig;01.02.2015;3.00\r\n200002;Bernd;Probe;Dresden;01.02.2015;1.500,00\r\n"
        _ = try treasurer.members.importFile(Data(good.utf8), file: "good.csv")
        #expect(try treasurer.members.show(.number(200001)).current.duesCents == 3_00)
        #expect(try treasurer.members.show(.number(200002)).current.duesCents == 1_500_00)

        let before = try treasurer.members.list(MemberQuery(statuses: nil)).count
        let bad = header + "300001;Clara;Neu;Leipzig;01.02.2015;1.500\r\n300002;Dora;Neu;Leipzig;01.02.2015;5,00\r\n"
            + "300003;Emil;Neu;Leipzig;01.02.2015;1,5,0\r\n300004;Fritz;Neu;Leipzig;01.02.2015;-3,00\r\n"
        let error = try #require(throws: MemberDataError.self) { try treasurer.members.importFile(Data(bad.utf8), file: "bad.csv") }
        #expect(Self.places(error) == ["2:6:problemAmountAmbiguous", "4:6:problemAmountGrouping", "5:6:problemAmountSign"],
                "\(Self.places(error).sorted())")
        #expect(try treasurer.members.list(MemberQuery(statuses: nil)).count == before, "the whole file is refused")
    }

    @Test("bank import: 12.50 is 12,50 €, 1.500 is refused, -5.00 is an outgoing payment; nothing is booked")
    func payments() throws {
        let members: [Int: Int64] = [100734: 1, 100735: 2]
        let header = "Buchungstag;Verwendungszweck;Betrag;Währung\r\n"
        let good = header + "02.03.2026;Beitrag 100734;12.50;EUR\r\n02.03.2026;Beitrag 100735;EUR 1.212,50;EUR\r\n"
            + "02.03.2026;Beitrag 100735;+7,00 €;EUR\r\n"
        #expect(try PaymentImport.lines(Data(good.utf8), file: "g.csv", members: members).map(\.amountCents)
                == [12_50, 1_212_50, 7_00])

        let bad = header + "02.03.2026;Beitrag 100734;1.500;EUR\r\n02.03.2026;Beitrag 100734;-5.00;EUR\r\n"
            + "02.03.2026;Beitrag 100734;12,5O;EUR\r\n02.03.2026;Beitrag 100734;99.999.999,00;EUR\r\n"
        let error = try #require(throws: MemberDataError.self) { try PaymentImport.lines(Data(bad.utf8), file: "b.csv", members: members) }
        #expect(Self.places(error) == ["2:3:problemAmountAmbiguous", "3:3:problemPaymentNotPositive", "4:3:problemAmount",
                                       "5:3:problemAmountTooLarge"], "\(Self.places(error).sorted())")
    }
}
