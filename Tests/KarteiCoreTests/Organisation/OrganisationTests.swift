import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// Branches with their history, bodies, offices, mandates.
@Suite("Organisation")
struct OrganisationTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    static func member(_ session: KarteiSession, _ given: String, branch: String = "", district: String = "Leipzig",
                       entry: String = "2010-01-01") throws -> Int {
        try session.addMember(MemberChange(givenName: given, familyName: "Beispiel", birthDate: "1970-01-01", district: district,
                                           branch: branch), entryDate: day(entry)).number!
    }

    @Test("branches: members must name a real one; a rename and a merger move members from that day")
    func branches() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.addUnit(.branch, name: "Süd", district: "Leipzig", from: Self.day("2000-01-01"))
        _ = try treasurer.addUnit(.branch, name: "Nord", district: "Leipzig", from: Self.day("2000-01-01"))
        #expect(throws: CoreError(.unitExists)) { try treasurer.addUnit(.branch, name: "Süd", district: "Leipzig", from: Self.day("2001-01-01")) }
        #expect(throws: CoreError(.districtUnknown)) { try treasurer.addUnit(.branch, name: "X", district: "Atlantis") }
        let anna = try Self.member(treasurer, "Anna", branch: "Süd")
        let bernd = try Self.member(treasurer, "Bernd", branch: "Nord")
        #expect(throws: MemberDataError.self) { try Self.member(treasurer, "Clara", branch: "Ost") }
        #expect(throws: MemberDataError.self) { try Self.member(treasurer, "Clara", branch: "Süd", district: "Dresden") }

        let (renamed, moved) = try treasurer.restructureBranch("Süd", district: "Leipzig", into: "Leipzig-Süd", merge: false,
                                                               on: Self.day("2020-01-01"), reason: "Umbenennung")
        #expect(renamed.name == "Leipzig-Süd" && moved == [String(anna)])
        #expect(try treasurer.member(.number(anna), asOf: Self.day("2019-12-31")).current.branch == "Süd")
        #expect(try treasurer.member(.number(anna), asOf: Self.day("2020-01-01")).current.branch == "Leipzig-Süd")
        #expect(try treasurer.member(.number(anna)).current.event == .move)

        let (merged, movedTwo) = try treasurer.restructureBranch("Nord", district: "Leipzig", into: "Leipzig-Süd", merge: true,
                                                                 on: Self.day("2022-07-01"), reason: "Fusion")
        #expect(merged.id == renamed.id && movedTwo == [String(bernd)])
        #expect(try treasurer.member(.number(bernd)).current.branch == "Leipzig-Süd")
        #expect(try treasurer.units(.branch, district: "Leipzig", asOf: Self.day("2021-01-01")).map(\.name).sorted() == ["Leipzig-Süd", "Nord"])
        #expect(try treasurer.units(.branch, district: "Leipzig", asOf: Self.day("2023-01-01")).map(\.name) == ["Leipzig-Süd"])
        #expect(try treasurer.units(.branch, district: "Leipzig").count == 3, "history kept")
        #expect(throws: CoreError(.unitNotFound)) {
            try treasurer.restructureBranch("Nord", district: "Leipzig", into: "X", merge: false, on: Self.day("2023-01-01"), reason: "")
        }
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(throws: AccessDenied.self) { try district.addUnit(.branch, name: "Y", district: "Leipzig") }
        #expect(try district.units(.branch, district: "Leipzig").count == 3, "structure is readable for every role that reads the org")
    }

    @Test("offices in bodies: only active members, as of a day, listed with the person, exported as the body's contact list")
    func offices() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let board = try treasurer.addBody(name: "Kreisvorstand Leipzig", kind: .board, district: "Leipzig")
        let chair = try Self.member(treasurer, "Anna")
        let treasurerOfBoard = try Self.member(treasurer, "Bernd")
        let late = try Self.member(treasurer, "Clara", entry: "2024-01-01")
        _ = try treasurer.addOffice(.number(chair), body: board.id, title: "Vorsitzende", from: Self.day("2019-03-01"))
        let second = try treasurer.addOffice(.number(treasurerOfBoard), body: board.id, title: "Schatzmeister", from: Self.day("2019-03-01"))
        #expect(throws: CoreError(.officeNeedsMember)) {
            try treasurer.addOffice(.number(late), body: board.id, title: "Beisitzerin", from: Self.day("2023-01-01"))
        }
        try treasurer.endTerm("office", id: second.id, on: Self.day("2021-03-01"))
        #expect(throws: CoreError(.termNotFound)) { try treasurer.endTerm("office", id: second.id, on: Self.day("2022-01-01")) }

        #expect(try treasurer.officeHolders(body: board.id, asOf: Self.day("2020-01-01")).compactMap(\.1.number).sorted() == [chair, treasurerOfBoard])
        #expect(try treasurer.officeHolders(body: board.id, asOf: Self.day("2022-01-01")).map(\.1.number) == [chair])
        let detail = try treasurer.member(.number(chair))
        #expect(detail.offices.map(\.title) == ["Vorsitzende"] && detail.offices.first?.bodyName == "Kreisvorstand Leipzig")

        let export = try treasurer.exportMembers(ExportRequest(purpose: .contact, purposeText: "Vorstandssitzung",
                                                               recipient: "Geschäftsstelle", query: MemberQuery(asOf: Self.day("2020-01-01")),
                                                               body: board.id))
        #expect(export.people == 2 && export.rows.count == 3, "two holders and the canary")

        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(try district.officeHolders(body: board.id, asOf: Self.day("2020-01-01")).count == 2)
        #expect(throws: AccessDenied.self) { try district.addOffice(.number(chair), body: board.id, title: "X") }
        let dresdenBoard = try treasurer.addBody(name: "Kreisvorstand Dresden", kind: .board, district: "Dresden")
        #expect(throws: AccessDenied.self) { try district.officeHolders(body: dresdenBoard.id) }
    }

    @Test("mandates: dated, by level, in the principal's scope")
    func mandates() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let anna = try Self.member(treasurer, "Anna")
        let bernd = try Self.member(treasurer, "Bernd", district: "Dresden")
        let council = try treasurer.addMandate(.number(anna), level: .municipal, name: "Stadtrat Leipzig", from: Self.day("2019-07-01"))
        _ = try treasurer.addMandate(.number(bernd), level: .state, name: "Landtag", from: Self.day("2019-10-01"))
        try treasurer.endTerm("mandate", id: council.id, on: Self.day("2024-07-01"))
        #expect(try treasurer.mandates(asOf: Self.day("2020-01-01")).count == 2)
        #expect(try treasurer.mandates(level: .state, asOf: Self.day("2020-01-01")).map(\.1.number) == [bernd])
        #expect(try treasurer.mandates(asOf: Self.day("2025-01-01")).map(\.1.number) == [bernd])
        #expect(try treasurer.member(.number(anna)).mandates.first?.validTo == "2024-07-01")
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(try district.mandates(asOf: Self.day("2020-01-01")).map(\.1.number) == [anna])
    }

    @Test("caucuses are statewide and take members and non-members")
    func caucuses() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let caucus = try treasurer.addUnit(.caucus, name: "AG Senioren", district: nil, from: Self.day("2000-01-01"))
        let anna = try Self.member(treasurer, "Anna")
        let reader = try treasurer.addMember(MemberChange(kind: .subscriber, givenName: "Otto", familyName: "Leser", district: "Dresden"),
                                             entryDate: Self.day("2015-01-01"))
        try treasurer.joinCaucus(caucus.id, .number(anna), from: Self.day("2012-01-01"))
        try treasurer.joinCaucus(caucus.id, .number(reader.number!), from: Self.day("2016-01-01"))
        #expect(try treasurer.caucusMembers(caucus.id, asOf: Self.day("2013-01-01")).compactMap(\.number) == [anna])
        #expect(Set(try treasurer.caucusMembers(caucus.id, asOf: Self.day("2017-01-01")).compactMap(\.number)) == [anna, reader.number!])
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(throws: AccessDenied.self) { try district.caucusMembers(caucus.id) }
    }
}
