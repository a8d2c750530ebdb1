import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// `audit who-read` finds every read that showed a person: also lists of mandates and offices.
@Suite("Who read")
struct WhoReadTests {
    @Test("a mandate list and an office list are reads of the members they show")
    func mandatesAndOffices() throws {
        let install = try TestInstallation(now: { Date(timeIntervalSince1970: 1_795_168_800) })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let number = try #require(try treasurer.members.add(MemberChange(givenName: "Mara", familyName: "Mandat",
                                                                       birthDate: "1970-01-01", gender: "f", street: "Weg",
                                                                       houseNumber: "1", postalCode: "04109", city: "Leipzig",
                                                                       district: "Leipzig", duesCents: 300),
                                                          entryDate: CalendarDate(year: 2020, month: 1, day: 1)).number)
        _ = try treasurer.org.addMandate(.number(number), level: .municipal, name: "Stadtrat Leipzig",
                                     from: CalendarDate(year: 2024, month: 7, day: 1))
        let office = try install.session(.office)
        _ = try office.org.mandates()
        try office.close()
        let reads = try treasurer.audit.whoRead(member: String(number), purpose: "Auskunft").compactMap(\.event)
        #expect(reads.contains { $0.actorRole == "office" && $0.action == "memberRead" }, "\(reads.map(\.action))")
        #expect(reads.contains { $0.action == "memberWrite" && $0.objectType == "mandate" }, "the mandate itself")
    }
}
