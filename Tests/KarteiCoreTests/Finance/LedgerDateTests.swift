import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// The dates the donations ledger accepts, with the clock pinned to 15 December 2026: a donation
/// is kept ten years after the end of its year (§ 24 Abs. 2 PartG), so one whose retention has
/// already run out is not recorded; receipts "as recorded" at an instant after now are refused.
@Suite("Donation dates and receipt instants")
struct LedgerDateTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    @Test("received 31.12.2015 (kept until 31.12.2025) is refused; 01.01.2016 (kept until 31.12.2026) is recorded")
    func retentionBoundary() throws {
        let ledger = try DonationCorrectionTests.Ledger()
        let treasurer = ledger.treasurer
        defer { try? treasurer.close() }
        func add(_ date: String) throws -> Donation {
            try treasurer.finance.addDonation(DonationEntry(donor: .anonymous, amountCents: 20_00, receivedOn: Self.day(date)))
        }
        let rows = try ledger.rows()
        for date in ["2015-12-31", "1900-01-01"] {
            let refused = try #require(throws: MemberDataError.self) { try add(date) }
            #expect(refused.problems.map(\.message.key) == [.problemDonationRetentionOver], "\(date)")
            #expect(refused.problems.first?.field == "date")
        }
        let until = try #require(throws: MemberDataError.self) { try add("2015-12-31") }.problems.first?.message.arguments["until"]
        #expect(until == "31.12.2025")
        #expect(try ledger.rows() == rows, "nothing was written")
        #expect(try add("2016-01-01").keepUntil == "2026-12-31")

        let moved = try #require(throws: MemberDataError.self) {
            try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(receivedOn: Self.day("2015-06-30")), reason: "Datum")
        }
        #expect(moved.problems.map(\.message.key) == [.problemDonationRetentionOver])
        let kept = try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(receivedOn: Self.day("2016-06-30")),
                                                 reason: "Datum")
        #expect(kept.keepUntil == "2026-12-31")
    }

    @Test("receipts as recorded one millisecond after now are refused (after the access decision); now and before work")
    func asRecordedFuture() throws {
        let ledger = try DonationCorrectionTests.Ledger()
        let treasurer = ledger.treasurer
        defer { try? treasurer.close() }
        let now = ledger.clock.now
        let future = try #require(throws: CoreError.self) {
            try treasurer.finance.receiptData(year: 2026, asRecorded: now.addingTimeInterval(0.001))
        }
        #expect(future == CoreError(.asRecordedFuture) && future.exitCode.rawValue == 64)
        #expect(future.message.arguments["time"] == LedgerInstant(now.addingTimeInterval(0.001)).description)
        #expect(try !treasurer.finance.receiptData(year: 2026, asRecorded: now).donors.isEmpty)
        #expect(try treasurer.finance.receiptData(year: 2026, asRecorded: now.addingTimeInterval(-86_400)).donors.isEmpty)

        let officer = try ledger.install.session(.district)
        defer { try? officer.close() }
        #expect(throws: AccessDenied.self) { try officer.finance.receiptData(year: 2026, asRecorded: now.addingTimeInterval(86_400)) }
    }
}
