import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// Branches with their history, bodies, offices, mandates.
@Suite("Organisation")
struct OrganisationTests {
    static func pair(_ restructured: BranchRestructuring) -> (OrgUnit, [String]) {
        (restructured.successor, restructured.moved)
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    static func member(_ session: KarteiSession, _ given: String, branch: String = "", district: String = "Leipzig",
                       entry: String = "2010-01-01") throws -> Int {
        try session.members.add(MemberChange(givenName: given, familyName: "Beispiel", birthDate: "1970-01-01", district: district,
                                           branch: branch), entryDate: day(entry)).number!
    }

    @Test("branches: members must name a real one; a rename and a merger move members from that day")
    func branches() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.org.addUnit(.branch, name: "Süd", district: "Leipzig", from: Self.day("2000-01-01"))
        _ = try treasurer.org.addUnit(.branch, name: "Nord", district: "Leipzig", from: Self.day("2000-01-01"))
        #expect(throws: CoreError(.unitExists)) { try treasurer.org.addUnit(.branch, name: "Süd", district: "Leipzig", from: Self.day("2001-01-01")) }
        #expect(throws: CoreError(.districtUnknown)) { try treasurer.org.addUnit(.branch, name: "X", district: "Atlantis") }
        let anna = try Self.member(treasurer, "Anna", branch: "Süd")
        let bernd = try Self.member(treasurer, "Bernd", branch: "Nord")
        #expect(throws: MemberDataError.self) { try Self.member(treasurer, "Clara", branch: "Ost") }
        #expect(throws: MemberDataError.self) { try Self.member(treasurer, "Clara", branch: "Süd", district: "Dresden") }

        let (renamed, moved) = try Self.pair(treasurer.org.restructureBranch("Süd", district: "Leipzig", into: "Leipzig-Süd", merge: false,
                                                               on: Self.day("2020-01-01"), reason: "Umbenennung"))
        #expect(renamed.name == "Leipzig-Süd" && moved == [String(anna)])
        #expect(try treasurer.members.show(.number(anna), asOf: Self.day("2019-12-31")).current.branch == "Süd")
        #expect(try treasurer.members.show(.number(anna), asOf: Self.day("2020-01-01")).current.branch == "Leipzig-Süd")
        #expect(try treasurer.members.show(.number(anna)).current.event == .move)

        let (merged, movedTwo) = try Self.pair(treasurer.org.restructureBranch("Nord", district: "Leipzig", into: "Leipzig-Süd", merge: true,
                                                                 on: Self.day("2022-07-01"), reason: "Fusion"))
        #expect(merged.id == renamed.id && movedTwo == [String(bernd)])
        #expect(try treasurer.members.show(.number(bernd)).current.branch == "Leipzig-Süd")
        #expect(try treasurer.org.units(.branch, district: "Leipzig", asOf: Self.day("2021-01-01")).map(\.name).sorted() == ["Leipzig-Süd", "Nord"])
        #expect(try treasurer.org.units(.branch, district: "Leipzig", asOf: Self.day("2023-01-01")).map(\.name) == ["Leipzig-Süd"])
        #expect(try treasurer.org.units(.branch, district: "Leipzig").count == 3, "history kept")
        #expect(throws: CoreError(.unitNotFound)) {
            try treasurer.org.restructureBranch("Nord", district: "Leipzig", into: "X", merge: false, on: Self.day("2023-01-01"), reason: "")
        }
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(throws: AccessDenied.self) { try district.org.addUnit(.branch, name: "Y", district: "Leipzig") }
        #expect(try district.org.units(.branch, district: "Leipzig").count == 3, "structure is readable for every role that reads the org")
    }

    @Test("offices in bodies: only active members, as of a day, listed with the person, exported as the body's contact list")
    func offices() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let board = try treasurer.org.addBody(name: "Kreisvorstand Leipzig", kind: .board, district: "Leipzig")
        let chair = try Self.member(treasurer, "Anna")
        let treasurerOfBoard = try Self.member(treasurer, "Bernd")
        let late = try Self.member(treasurer, "Clara", entry: "2024-01-01")
        _ = try treasurer.org.addOffice(.number(chair), body: board.id, title: "Vorsitzende", from: Self.day("2019-03-01"))
        let second = try treasurer.org.addOffice(.number(treasurerOfBoard), body: board.id, title: "Schatzmeister", from: Self.day("2019-03-01"))
        #expect(throws: CoreError(.officeNeedsMember)) {
            try treasurer.org.addOffice(.number(late), body: board.id, title: "Beisitzerin", from: Self.day("2023-01-01"))
        }
        try treasurer.org.endTerm(.office, id: second.id, on: Self.day("2021-03-01"))
        #expect(throws: CoreError(.termNotFound)) { try treasurer.org.endTerm(.office, id: second.id, on: Self.day("2022-01-01")) }

        #expect(try treasurer.org.officeHolders(body: board.id, asOf: Self.day("2020-01-01")).compactMap(\.holder.number).sorted() == [chair, treasurerOfBoard])
        #expect(try treasurer.org.officeHolders(body: board.id, asOf: Self.day("2022-01-01")).map(\.holder.number) == [chair])
        let detail = try treasurer.members.show(.number(chair))
        #expect(detail.offices.map(\.title) == ["Vorsitzende"] && detail.offices.first?.bodyName == "Kreisvorstand Leipzig")

        let export = try treasurer.exports.export(ExportRequest(purpose: .contact, purposeText: "Vorstandssitzung",
                                                               recipient: "Geschäftsstelle", query: MemberQuery(asOf: Self.day("2020-01-01")),
                                                               body: board.id))
        #expect(export.people == 2 && export.rows.count == 3, "two holders and the canary")

        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(try district.org.officeHolders(body: board.id, asOf: Self.day("2020-01-01")).count == 2)
        #expect(throws: AccessDenied.self) { try district.org.addOffice(.number(chair), body: board.id, title: "X") }
        let dresdenBoard = try treasurer.org.addBody(name: "Kreisvorstand Dresden", kind: .board, district: "Dresden")
        #expect(throws: AccessDenied.self) { try district.org.officeHolders(body: dresdenBoard.id) }
    }

    @Test("mandates: dated, by level, in the principal's scope")
    func mandates() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let anna = try Self.member(treasurer, "Anna")
        let bernd = try Self.member(treasurer, "Bernd", district: "Dresden")
        let council = try treasurer.org.addMandate(.number(anna), level: .municipal, name: "Stadtrat Leipzig", from: Self.day("2019-07-01"))
        _ = try treasurer.org.addMandate(.number(bernd), level: .state, name: "Landtag", from: Self.day("2019-10-01"))
        try treasurer.org.endTerm(.mandate, id: council.id, on: Self.day("2024-07-01"))
        #expect(try treasurer.org.mandates(asOf: Self.day("2020-01-01")).count == 2)
        #expect(try treasurer.org.mandates(level: .state, asOf: Self.day("2020-01-01")).map(\.holder.number) == [bernd])
        #expect(try treasurer.org.mandates(asOf: Self.day("2025-01-01")).map(\.holder.number) == [bernd])
        #expect(try treasurer.members.show(.number(anna)).mandates.first?.validTo == "2024-07-01")
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(try district.org.mandates(asOf: Self.day("2020-01-01")).map(\.holder.number) == [anna])
    }

    @Test("caucuses are statewide and take members and non-members")
    func caucuses() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let caucus = try treasurer.org.addUnit(.caucus, name: "AG Senioren", district: nil, from: Self.day("2000-01-01"))
        let anna = try Self.member(treasurer, "Anna")
        let reader = try treasurer.members.add(MemberChange(kind: .subscriber, givenName: "Otto", familyName: "Leser", district: "Dresden"),
                                             entryDate: Self.day("2015-01-01"))
        try treasurer.org.joinCaucus(caucus.id, .number(anna), from: Self.day("2012-01-01"))
        try treasurer.org.joinCaucus(caucus.id, .number(reader.number!), from: Self.day("2016-01-01"))
        #expect(try treasurer.org.caucusMembers(caucus.id, asOf: Self.day("2013-01-01")).compactMap(\.number) == [anna])
        #expect(Set(try treasurer.org.caucusMembers(caucus.id, asOf: Self.day("2017-01-01")).compactMap(\.number)) == [anna, reader.number!])
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(throws: AccessDenied.self) { try district.org.caucusMembers(caucus.id) }
    }
}
