import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// A district officer's reach follows the member's district of today: lists, exports, birthdays
/// and arrears as of an earlier day leave out whoever moved away since (grants aside).
@Suite("Scope follows today")
struct ScopeTodayTests {
    static let now = Date(timeIntervalSince1970: 1_795_168_800) // 20.11.2026
    static let yesterday = CalendarDate(year: 2026, month: 11, day: 19)

    @Test("someone who moved to Dresden today is gone from Leipzig's lists as of yesterday")
    func movedAway() throws {
        let install = try TestInstallation(now: { Self.now })
        let treasurer = try install.session(.treasurer)
        _ = try treasurer.finance.setDuesTable([DuesBracket(label: "A", incomeFromCents: 0, incomeToCents: nil, duesCents: 300)],
                                       validFrom: CalendarDate(year: 2026, month: 1, day: 1))
        func add(_ given: String) throws -> Int {
            try #require(try treasurer.members.add(MemberChange(givenName: given, familyName: "Umzug", birthDate: "1970-11-20",
                                                              gender: "f", street: "Hauptstraße", houseNumber: "1",
                                                              postalCode: "04109", city: "Leipzig", district: "Leipzig",
                                                              duesCents: 300),
                                                 entryDate: CalendarDate(year: 2020, month: 11, day: 19)).number)
        }
        let stays = try add("Bleibt"), leaves = try add("Geht")
        _ = try treasurer.members.change(.number(leaves), MemberChange(postalCode: "01067", city: "Dresden", district: "Dresden"),
                                       reason: "Umzug")
        try treasurer.close()

        let district = try install.session(.district)
        defer { try? district.close() }
        let listed = try district.members.list(MemberQuery(asOf: Self.yesterday)).compactMap(\.number)
        #expect(listed.contains(stays) && !listed.contains(leaves), "\(listed)")
        let export = try district.exports.export(ExportRequest(purpose: .contact, purposeText: "Liste", recipient: "OV",
                                                              query: MemberQuery(asOf: Self.yesterday)))
        #expect(export.people == 1)
        let birthdays = try district.members.anniversaries(from: Self.yesterday, days: 3).map(\.member.number)
        #expect(birthdays.contains(stays) && !birthdays.contains(leaves), "\(birthdays)")
        let arrears = try district.finance.arrears(asOf: Self.yesterday).members.map(\.number)
        #expect(!arrears.contains(leaves), "\(arrears)")
        // The treasurer still sees both as of yesterday.
        let treasurerAgain = try install.session(.treasurer)
        defer { try? treasurerAgain.close() }
        let all = try treasurerAgain.members.list(MemberQuery(district: "Leipzig", asOf: Self.yesterday)).compactMap(\.number)
        #expect(all.contains(stays) && all.contains(leaves))
    }
}
