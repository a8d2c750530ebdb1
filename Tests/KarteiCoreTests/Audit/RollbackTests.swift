import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// Rollback detection holds against a link put where the vault was, and accepting a rollback is
/// the treasurer's decision, taken by the policy before it has any effect.
@Suite("Rollback detection")
struct RollbackTests {
    static let start = Date(timeIntervalSince1970: 1_795_168_800)

    static func person() -> MemberChange {
        MemberChange(givenName: "Rolf", familyName: "Rückwärts", birthDate: "1970-01-01", gender: "m", street: "Hauptstraße",
                     houseNumber: "1", postalCode: "04109", city: "Leipzig", district: "Leipzig", duesCents: 300)
    }

    /// An installation with a member, a copy of the vault as it was then, and one more change.
    static func withOlderCopy() throws -> (TestInstallation, String) {
        let install = try TestInstallation(now: { start })
        let treasurer = try install.session(.treasurer)
        let number = try #require(try treasurer.members.add(person()).number)
        try treasurer.close()
        let older = install.dir.file("older.kartei")
        try FileManager.default.copyItem(atPath: install.vaultPath, toPath: older)
        let again = try install.session(.treasurer)
        _ = try again.members.change(.number(number), MemberChange(city: "Dresden", district: "Dresden"), reason: "Umzug")
        try again.close()
        return (install, older)
    }

    @Test("a symbolic link at the vault's place that leads to an older copy is a rollback")
    func linkToOlderCopy() throws {
        let (install, older) = try Self.withOlderCopy()
        try FileManager.default.moveItem(atPath: install.vaultPath, toPath: install.dir.file("current.bak"))
        try FileManager.default.createSymbolicLink(atPath: install.vaultPath, withDestinationPath: older)
        #expect(throws: CoreError(.rollbackDetected)) { try install.session(.treasurer) }
        #expect(throws: CoreError(.rollbackDetected)) { try install.session(.district) }
    }

    @Test("only the treasurer accepts a rollback; anyone else is denied and the client's baseline stays",
          arguments: [Role.district, .auditor, .statistician, .office])
    func acceptIsTheTreasurers(role: Role) throws {
        let (install, older) = try Self.withOlderCopy()
        try FileManager.default.removeItem(atPath: install.vaultPath)
        try FileManager.default.copyItem(atPath: older, toPath: install.vaultPath)
        #expect(throws: AccessDenied.self) { try install.session(role, acceptRollback: true) }
        // Still detected: the denied acceptance changed nothing.
        #expect(throws: CoreError(.rollbackDetected)) { try install.session(.treasurer) }
        let treasurer = try install.session(.treasurer, acceptRollback: true)
        try treasurer.close()
        try install.session(role).close()
    }
}

/// Time in the log only moves forward: a clock set back does not date a correction before an
/// earlier receipt run, and `audit verify` names entries that go back in time.
@Suite("Recorded time")
struct RecordedTimeTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Date
        init(_ value: Date) { self.value = value }
        var now: Date { lock.withLock { value } }
        func set(_ date: Date) { lock.withLock { value = date } }
    }

    @Test("a clock set back two minutes still records after the newest entry; receipts stay reproducible")
    func clockSetBack() throws {
        let start = Date(timeIntervalSince1970: 1_795_168_800)
        let clock = Clock(start)
        let install = try TestInstallation(now: { clock.now })
        let treasurer = try install.session(.treasurer)
        let donation = try treasurer.finance.addDonation(DonationEntry(donor: .anonymous, amountCents: 200_00,
                                                               receivedOn: CalendarDate(year: 2026, month: 11, day: 20),
                                                               kind: .money, cash: false))
        clock.set(start.addingTimeInterval(60))
        let printed = try treasurer.finance.receiptData(year: 2026)
        try treasurer.close()
        clock.set(start.addingTimeInterval(-120))
        let later = try install.session(.treasurer)
        _ = try later.finance.correctDonation(donation.id, DonationCorrection(amountCents: 20_00), reason: "Tippfehler")
        let again = try later.finance.receiptData(year: 2026, asRecorded: Date(timeIntervalSince1970:
            TimeInterval(printed.asRecorded.millisecondsSince1970) / 1000))
        #expect(again.anonymousCents == printed.anonymousCents)
        let verification = try later.audit.verify()
        #expect(verification.isValid, "\(verification.problems)")
        try later.close()
    }
}
