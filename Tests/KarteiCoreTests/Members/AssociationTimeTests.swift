import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// "Today" is the association's day (Europe/Berlin unless the vault says otherwise), not the UTC
/// day: between midnight and 1 or 2 a.m. in Leipzig, UTC still says yesterday.
@Suite("Association time")
struct AssociationTimeTests {
    /// 2026-12-04T23:30:00Z: 00:30 on 5 December in Leipzig (CET, UTC+1).
    static let afterMidnightInWinter = Date(timeIntervalSince1970: 1_796_427_000)
    /// 2027-06-30T22:30:00Z: 00:30 on 1 July in Leipzig (CEST, UTC+2).
    static let afterMidnightInSummer = Date(timeIntervalSince1970: 1_814_394_600)
    /// 2026-12-31T23:30:00Z: 00:30 on New Year's Day 2027 in Leipzig.
    static let newYearsNight = Date(timeIntervalSince1970: 1_798_759_800)

    static func person(_ given: String) -> MemberChange {
        MemberChange(givenName: given, familyName: "Zeitzone", birthDate: "1980-01-01", gender: "f", street: "Hauptstraße",
                     houseNumber: "1", postalCode: "04109", city: "Leipzig", district: "Leipzig", duesCents: 300)
    }

    @Test("the fixture instants are what their names say")
    func fixtures() {
        #expect(AuditTime.format(Self.afterMidnightInWinter) == "2026-12-04T23:30:00.000Z")
        #expect(AuditTime.format(Self.afterMidnightInSummer) == "2027-06-30T22:30:00.000Z")
        #expect(AuditTime.format(Self.newYearsNight) == "2026-12-31T23:30:00.000Z")
    }

    @Test("an entry at 00:30 in Leipzig is dated today there, winter and summer",
          arguments: [(afterMidnightInWinter, "2026-12-05"), (afterMidnightInSummer, "2027-07-01"),
                      (newYearsNight, "2027-01-01")])
    func entryAfterMidnight(now: Date, expected: String) throws {
        let install = try TestInstallation(now: { now })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(treasurer.timeZone.identifier == "Europe/Berlin")
        #expect(treasurer.today.iso == expected)
        let added = try treasurer.members.add(Self.person("Nora"))
        #expect(added.entryDate == expected)
        let left = try treasurer.members.recordEvent(.number(try #require(added.number)), .resignation, reason: "Austritt")
        #expect(left.exitDate == expected)
        // The as-of default is the same day: the new member is listed.
        #expect(try treasurer.members.list(MemberQuery(district: "Leipzig", statuses: nil)).contains { $0.number == added.number })
    }

    @Test("the year boundary is the association's: at 00:30 on 1 January the audit retention counts from the new year")
    func yearBoundary() throws {
        let cutoff = AuditLog.retentionCutoff(now: Self.newYearsNight, years: 1, timeZone: AssociationTime.defaultZone)
        // Entries of 2025 and earlier may go; the year 2026 began at 23:00 UTC on 31 December 2025.
        #expect(cutoff == "2025-12-31T23:00:00.000Z")
        let utc = AuditLog.retentionCutoff(now: Self.newYearsNight, years: 1, timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc == "2025-01-01T00:00:00.000Z")
    }

    @Test("the zone is a vault setting; a zone the system does not know is refused")
    func setting() throws {
        let install = try TestInstallation(now: { Self.afterMidnightInWinter })
        let treasurer = try install.session(.treasurer)
        try treasurer.settings.setTimeZone("Europe/London")
        #expect(throws: CoreError(.settingInvalid)) { try treasurer.settings.setTimeZone("Mars/Olympus_Mons") }
        try treasurer.close()
        let again = try install.session(.treasurer)
        defer { try? again.close() }
        #expect(again.timeZone.identifier == "Europe/London")
        #expect(again.today.iso == "2026-12-04")
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(throws: AccessDenied.self) { try district.settings.setTimeZone("Europe/Berlin") }
    }

    @Test("audit filters by day use the association's day boundaries")
    func auditDays() throws {
        let install = try TestInstallation(now: { Self.afterMidnightInWinter })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.members.add(Self.person("Ida"))
        let today = try treasurer.audit.entries(AuditFilter(since: CalendarDate.parse("2026-12-05"), action: "memberWrite"))
        #expect(today.count == 1)
        let yesterday = try treasurer.audit.entries(AuditFilter(until: CalendarDate.parse("2026-12-04"), action: "memberWrite"))
        #expect(yesterday.isEmpty)
    }
}
