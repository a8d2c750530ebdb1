import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiCore

/// A clock the test moves forward, so that what was recorded when can be told apart.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// Cancellations and corrections of the donations ledger (docs/FINANCE.md, "Corrections"): the
/// ledger is append-only, receipts count valid entries, and an earlier receipts run reproduces
/// exactly. Synthetic people only.
@Suite("Donation corrections")
struct DonationCorrectionTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    /// 15 December 2026, noon UTC.
    static let start = Date(timeIntervalSince1970: 1_797_336_000)

    struct Ledger {
        let clock: TestClock
        let install: TestInstallation
        let treasurer: KarteiSession
        let erika: Int
        /// 15.000,00 € from Erika, as the old reader made of "150.00".
        let typo: Donation
        let max: Donation
        let anonymous: Donation

        init() throws {
            let clock = TestClock(DonationCorrectionTests.start)
            self.clock = clock
            install = try TestInstallation(now: { clock.now })
            treasurer = try install.session(.treasurer)
            erika = try #require(try treasurer.members.add(MemberChange(givenName: "Erika", familyName: "Beispiel", street: "Hauptstraße",
                                                                      houseNumber: "1", postalCode: "04109", city: "Leipzig",
                                                                      district: "Leipzig"),
                                                         entryDate: DonationCorrectionTests.day("2020-01-01")).number)
            typo = try treasurer.finance.addDonation(DonationEntry(donor: .member(.number(erika)), amountCents: 15_000_00,
                                                           receivedOn: DonationCorrectionTests.day("2026-03-01")))
            max = try treasurer.finance.addDonation(DonationEntry(donor: .person(name: "Max Muster", street: "Ringstraße 9", postalCode: "01067",
                                                                         city: "Dresden"),
                                                          amountCents: 1_200_00, receivedOn: DonationCorrectionTests.day("2026-04-01"),
                                                          cash: true))
            anonymous = try treasurer.finance.addDonation(DonationEntry(donor: .anonymous, amountCents: 20_00,
                                                                receivedOn: DonationCorrectionTests.day("2026-05-01")))
        }

        /// Every row of the ledger, cancellations too.
        func rows(_ session: KarteiSession? = nil) throws -> [Row] {
            try (session ?? treasurer).vault.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM donation ORDER BY id")
                    + Row.fetchAll(db, sql: "SELECT * FROM donationCancellation ORDER BY id")
            }
        }
    }

    @Test("a correction cancels the entry and appends a new one; receipts count valid entries; earlier runs reproduce exactly")
    func correctAndReproduce() throws {
        let ledger = try Ledger()
        let treasurer = ledger.treasurer
        defer { try? treasurer.close() }
        ledger.clock.advance(3_600)
        let before = try treasurer.finance.receiptData(year: 2026)
        #expect(before.asRecorded == LedgerInstant(ledger.clock.now))
        let erikaBefore = try #require(before.donors.first { $0.memberNumber == ledger.erika })
        #expect(erikaBefore.totalCents == 15_000_00 && erikaBefore.listedInReport, "the typo put Erika into the report")
        let rowsBefore = try ledger.rows()

        // The next day: the typo is corrected, Max's cash donation turns out to be a returned one.
        ledger.clock.advance(86_400)
        let replacement = try treasurer.finance.correctDonation(ledger.typo.id, DonationCorrection(amountCents: 150_00),
                                                        reason: "150.00 war 150,00 €")
        #expect(replacement.id != ledger.typo.id && replacement.corrects == ledger.typo.id && replacement.amountCents == 150_00)
        #expect(replacement.donorName == "Erika Beispiel" && replacement.street == "Hauptstraße 1" && replacement.memberNumber == ledger.erika)
        #expect(replacement.receivedOn == "2026-03-01" && replacement.kind == .money && !replacement.cash)
        #expect(replacement.keepUntil == "2036-12-31" && replacement.recordedAt == AuditTime.format(ledger.clock.now))
        #expect(replacement.cancellation == nil)
        let afterCorrection = LedgerInstant(ledger.clock.now)
        ledger.clock.advance(60)
        let cancellation = try treasurer.finance.cancelDonation(ledger.max.id, reason: "Rücklastschrift")
        #expect(cancellation.replacementID == nil && cancellation.reason == "Rücklastschrift")
        #expect(cancellation.cancelledBy == String(treasurer.principal.credential.prefix(12)))
        #expect(cancellation.cancelledAt == AuditTime.format(ledger.clock.now))

        // Nothing was edited or deleted: the rows of before are still there, byte for byte.
        let rowsAfter = try ledger.rows()
        #expect(rowsAfter.count == rowsBefore.count + 3, "one new entry, two cancellations")
        #expect(Array(rowsAfter.prefix(rowsBefore.count)) == rowsBefore)
        let list = try treasurer.finance.donations(year: 2026)
        #expect(list.map(\.id) == [ledger.typo.id, replacement.id, ledger.max.id, ledger.anonymous.id])
        let original = try #require(list.first)
        #expect(original.amountCents == 15_000_00 && original.cancellation?.replacementID == replacement.id)
        #expect(original.cancellation?.reason == "150.00 war 150,00 €" && original.cancellation?.day(in: AssociationTime.defaultZone) == Self.day("2026-12-16"))
        #expect(list[2].cancellation?.replacementID == nil && list[1].corrects == ledger.typo.id && list[3].cancellation == nil)

        // Receipts now: only valid entries.
        let now = try treasurer.finance.receiptData(year: 2026)
        let erikaNow = try #require(now.donors.first { $0.memberNumber == ledger.erika })
        #expect(erikaNow.totalCents == 150_00 && !erikaNow.listedInReport && erikaNow.donations.map(\.id) == [replacement.id])
        #expect(now.donors.count == 1 && now.anonymousCents == 20_00 && now.totalCents == 170_00)

        // As recorded at the instant the first run printed: exactly that run.
        let reproduced = try treasurer.finance.receiptData(year: 2026, asRecorded: Date(timeIntervalSince1970:
            TimeInterval(before.asRecorded.millisecondsSince1970) / 1000))
        #expect(reproduced == before)
        // Between the correction and the cancellation: Erika corrected, Max still there.
        let between = try treasurer.finance.receiptData(year: 2026, asRecorded: Date(timeIntervalSince1970:
            TimeInterval(afterCorrection.millisecondsSince1970) / 1000))
        #expect(between.donors.map(\.totalCents).sorted() == [150_00, 1_200_00])
        // Before anything was recorded: nothing.
        let empty = try treasurer.finance.receiptData(year: 2026, asRecorded: Self.start.addingTimeInterval(-1))
        #expect(empty.donors.isEmpty && empty.totalCents == 0)

        // Both changes are audited financeWrite entries of the treasurer naming the entries.
        let events = try treasurer.vault.read { db in
            try AuditLog.entries(db).compactMap(\.event).filter { $0.objectType == "donation" }
        }
        #expect(events.map(\.action) == ["financeWrite", "financeWrite"] && events.allSatisfy { $0.outcome == .success })
        #expect(events.map(\.objectIDs) == [[String(ledger.typo.id), String(replacement.id)], [String(ledger.max.id)]])
        #expect(events.allSatisfy { $0.actorCredential == treasurer.principal.credential && $0.purpose.isEmpty })
    }

    @Test("unknown, cancelled twice, corrected twice, unchanged, a bad amount or day, no reason: a clear error and nothing changes")
    func refused() throws {
        let ledger = try Ledger()
        let treasurer = ledger.treasurer
        defer { try? treasurer.close() }
        let replacement = try treasurer.finance.correctDonation(ledger.typo.id, DonationCorrection(amountCents: 150_00), reason: "Tippfehler")
        _ = try treasurer.finance.cancelDonation(ledger.max.id, reason: "Rücklastschrift")
        let rows = try ledger.rows()
        func successes() throws -> Int {
            try treasurer.vault.read { db in
                try AuditLog.entries(db).compactMap(\.event).filter { $0.objectType == "donation" && $0.outcome == .success }.count
            }
        }
        let before = try successes()

        #expect(throws: CoreError(.donationNotFound)) { try treasurer.finance.cancelDonation(999, reason: "x") }
        let twice = try #require(throws: CoreError.self) { try treasurer.finance.cancelDonation(ledger.max.id, reason: "x") }
        #expect(twice == CoreError(.donationCancelled) && twice.message.arguments == ["id": String(ledger.max.id), "date": "15.12.2026"])
        let corrected = try #require(throws: CoreError.self) {
            try treasurer.finance.correctDonation(ledger.typo.id, DonationCorrection(amountCents: 1_50), reason: "x")
        }
        #expect(corrected == CoreError(.donationCorrected) && corrected.message.arguments["replacement"] == String(replacement.id))
        #expect(throws: CoreError(.donationCorrected)) { try treasurer.finance.cancelDonation(ledger.typo.id, reason: "x") }
        #expect(throws: CoreError(.donationUnchanged)) {
            try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(amountCents: 20_00, cash: false), reason: "x")
        }
        let zero = try #require(throws: MemberDataError.self) {
            try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(amountCents: 0), reason: "x")
        }
        #expect(zero.problems.map(\.message.key) == [.problemAmountNotPositive])
        let future = try #require(throws: MemberDataError.self) {
            try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(receivedOn: Self.day("2027-01-01")), reason: "x")
        }
        #expect(future.problems.map(\.message.key) == [.problemFuture])
        #expect(throws: CoreError(.donationReasonMissing)) { try treasurer.finance.cancelDonation(ledger.anonymous.id, reason: " \n") }
        #expect(throws: CoreError(.donationReasonMissing)) {
            try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(amountCents: 30_00), reason: "")
        }
        #expect(try ledger.rows() == rows, "nothing was written")
        #expect(try successes() == before, "refused changes are logged as failed, never as done")
        #expect(try treasurer.vault.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM donationCancellation") } == 2)
    }

    @Test("a correction may move a donation into another year; a correction can itself be corrected")
    func anotherYear() throws {
        let ledger = try Ledger()
        let treasurer = ledger.treasurer
        defer { try? treasurer.close() }
        let moved = try treasurer.finance.correctDonation(ledger.anonymous.id, DonationCorrection(receivedOn: Self.day("2025-12-31")),
                                                  reason: "Eingang am 31.12.2025")
        #expect(moved.keepUntil == "2035-12-31" && moved.amountCents == 20_00)
        #expect(try treasurer.finance.receiptData(year: 2026).anonymousCents == 0)
        #expect(try treasurer.finance.receiptData(year: 2025).anonymousCents == 20_00)
        #expect(try treasurer.finance.donations(year: 2025).map(\.corrects) == [ledger.anonymous.id])
        let again = try treasurer.finance.correctDonation(moved.id, DonationCorrection(amountCents: 700_00, kind: .inKind), reason: "Sachspende")
        #expect(again.corrects == moved.id && again.flags == [.anonymousOverLimit] && again.kind == .inKind)
        #expect(try treasurer.finance.receiptData(year: 2025).anonymousOverLimit.map(\.id) == [again.id])
        let cash = try treasurer.finance.correctDonation(ledger.max.id, DonationCorrection(cash: false), reason: "Überweisung")
        #expect(cash.flags.isEmpty && !cash.cash && ledger.max.flags == [.cashOverLimit])
    }

    @Test("the schema keeps the ledger append-only: no update of what was recorded, no delete; erasure still works")
    func appendOnly() throws {
        let ledger = try Ledger()
        let treasurer = ledger.treasurer
        defer { try? treasurer.close() }
        _ = try treasurer.finance.cancelDonation(ledger.max.id, reason: "Rücklastschrift")
        let rows = try ledger.rows()
        for sql in ["UPDATE donation SET amountCents = 15000", "UPDATE donation SET donorName = 'X'", "DELETE FROM donation",
                    "UPDATE donationCancellation SET reason = 'anders'", "DELETE FROM donationCancellation",
                    "UPDATE donation SET corrects = 1"] {
            #expect(throws: (any Error).self, "\(sql)") { try treasurer.vault.write { db in try db.execute(sql: sql) } }
        }
        #expect(try ledger.rows() == rows)

        // Erasing the person (their row goes, § 24 PartG keeps the entries) still sets personID
        // to NULL, and the receipts group Erika's entries by her member number as before.
        _ = try treasurer.finance.correctDonation(ledger.typo.id, DonationCorrection(amountCents: 150_00), reason: "Tippfehler")
        _ = try treasurer.finance.addDonation(DonationEntry(donor: .member(.number(ledger.erika)), amountCents: 50_00,
                                                    receivedOn: Self.day("2026-06-01")))
        let before = try treasurer.finance.receiptData(year: 2026)
        try treasurer.vault.write { db in try db.execute(sql: "DELETE FROM person WHERE number = ?", arguments: [ledger.erika]) }
        let after = try treasurer.finance.receiptData(year: 2026)
        #expect(after.donors.map(\.totalCents) == before.donors.map(\.totalCents) && after.donors.count == 1)
        #expect(after.donors.first?.collective == true && after.donors.first?.memberNumber == ledger.erika)
    }

    @Test("only the treasurer cancels and corrects: district officers and the office are denied and logged")
    func treasurerOnly() throws {
        let ledger = try Ledger()
        try ledger.treasurer.close()
        for role in [Role.district, .office] {
            let session = try ledger.install.session(role)
            defer { try? session.close() }
            let rows = try ledger.rows(session)
            #expect(throws: AccessDenied.self) { try session.finance.cancelDonation(ledger.max.id, reason: "x") }
            #expect(throws: AccessDenied.self) {
                try session.finance.correctDonation(ledger.typo.id, DonationCorrection(amountCents: 150_00), reason: "x")
            }
            let denied = try session.vault.read { db in
                try AuditLog.entries(db).compactMap(\.event).filter { $0.outcome == .denied && $0.actorRole == role.rawValue }
            }
            #expect(denied.map(\.action) == ["financeWrite", "financeWrite"])
            #expect(try ledger.rows(session) == rows)
        }
    }
}
