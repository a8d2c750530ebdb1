import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiCore

/// Tests for the findings of the security review of the member file (stop 7).
@Suite("Review findings")
struct ReviewFindingsTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    @Test("a certificate presented with someone else's key is refused, also as an approver")
    func certificateBoundToKey() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let victim = try install.members[.treasurer]!.source.certificate()
        let attacker = try install.members[.office]!.source.load()
        let verdict = try treasurer.vault.write { db in
            try Authenticator.judge(victim, loaded: .success(attacker), keyDigests: [], client: "local", now: Date(), db)
        }
        #expect(throws: CoreError(.identityKeyMismatch)) { try verdict.get() }
        let honest = try treasurer.vault.write { db in
            try Authenticator.judge(attacker.certificate, loaded: .success(attacker), keyDigests: [], client: "local", now: Date(), db)
        }
        #expect(try honest.get().role == .office)
    }

    @Test("grants name an existing member; a holder who moved away leaves the body's list for the old district")
    func grantsAndBodies() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        #expect(throws: CoreError(.memberNotFound)) {
            try treasurer.users.addGrant(district: "Leipzig", operation: .memberRead, memberNumber: 0, days: 30, reason: "x")
        }
        #expect(throws: CoreError(.memberNotFound)) {
            try treasurer.users.addGrant(district: "Leipzig", operation: .memberRead, memberNumber: 999_999, days: 30, reason: "x")
        }
        let board = try treasurer.org.addBody(name: "Kreisvorstand Leipzig", kind: .board, district: "Leipzig", from: Self.day("2020-01-01"))
        let anna = try treasurer.members.add(MemberChange(givenName: "Anna", familyName: "Zieht", district: "Leipzig"),
                                           entryDate: Self.day("2010-01-01")).number!
        let bernd = try treasurer.members.add(MemberChange(givenName: "Bernd", familyName: "Bleibt", district: "Leipzig"),
                                            entryDate: Self.day("2010-01-01")).number!
        _ = try treasurer.org.addOffice(.number(anna), body: board.id, title: "Beisitz", from: Self.day("2020-03-01"))
        _ = try treasurer.org.addOffice(.number(bernd), body: board.id, title: "Vorsitz", from: Self.day("2020-03-01"))
        _ = try treasurer.members.change(.number(anna), MemberChange(district: "Dresden"), validFrom: Self.day("2026-01-01"))
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(try district.org.officeHolders(body: board.id).compactMap(\.holder.number) == [bernd])
        let export = try district.exports.export(ExportRequest(purpose: .contact, purposeText: "Sitzung", recipient: "KV",
                                                              body: board.id))
        #expect(export.people == 2, "the export lists the body as recorded; officers see only their own district's holders")
    }

    @Test("a district officer cannot date a change into the future; an erased person cannot be changed")
    func datesAndErased() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let number = try treasurer.members.add(MemberChange(givenName: "Lena", familyName: "Datum", district: "Leipzig"),
                                             entryDate: Self.day("2010-01-01")).number!
        let district = try install.session(.district)
        let tomorrow = CalendarDate(Date(), in: AssociationTime.defaultZone).adding(days: 1)
        #expect(throws: CoreError(.invalidDate)) {
            try district.members.change(.number(number), MemberChange(email: "x@example.org"), validFrom: tomorrow)
        }
        _ = try district.members.change(.number(number), MemberChange(email: "x@example.org"))
        try district.close()
        #expect(throws: CoreError(.invalidDate)) {
            try treasurer.members.change(.number(number), MemberChange(email: "y@example.org"), validFrom: Self.day("2150-01-01"))
        }
        let body = try treasurer.org.addBody(name: "AG", kind: .commission, district: "Leipzig", from: Self.day("2010-01-01"))
        _ = try treasurer.org.addOffice(.number(number), body: body.id, title: "Sprecherin", from: Self.day("2010-06-01"))
        _ = try treasurer.members.recordEvent(.number(number), .resignation)
        _ = try treasurer.vaultAdmin.addKeyHolder(userID: install.members[.office]!.userID)
        _ = try treasurer.members.erase(only: [.number(number)], dryRun: false, approver: install.members[.office]!.source)
        #expect(throws: CoreError(.memberErased)) { try treasurer.members.change(.number(number), MemberChange(email: "z@example.org")) }
        #expect(throws: CoreError(.memberErased)) { try treasurer.members.recordEvent(.number(number), .reentry) }
        #expect(try treasurer.members.show(.number(number)).offices.isEmpty, "offices go with the identity")
    }

    @Test("the canary sorts like every other row and lives where the list lives")
    func canaryBlendsIn() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.members.importFile(SyntheticImportFile.data(count: 400, seed: 8), file: "generated")
        try treasurer.settings.setCanaryMailDomain("kontrolle.example.net")
        let query = MemberQuery(district: "Leipzig", asOf: Self.day("2026-12-31"))
        let real = try treasurer.members.list(query)
        let export = try treasurer.exports.export(ExportRequest(purpose: .mailing, purposeText: "Test", recipient: "Test", query: query))
        let keys = export.rows.map { NameFolding.fold($0[1]) }
        #expect(keys == keys.sorted(), "no row out of order")
        let towns = Set(real.map(\.city))
        #expect(export.rows.allSatisfy { towns.contains($0[5]) }, "every town is one of the list's own")
        let mail = try treasurer.exports.export(ExportRequest(purpose: .email, purposeText: "Test", recipient: "Test", query: query))
        #expect(mail.rows.contains { $0[2].hasSuffix("@kontrolle.example.net") })
        #expect(throws: CoreError(.settingInvalid)) { try treasurer.settings.setCanaryMailDomain("not a domain") }
    }

    @Test("a move recorded for later hands the member over on the day of the move, not before")
    func futureMoveKeepsScope() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let number = try treasurer.members.add(MemberChange(givenName: "Mia", familyName: "Umzug", district: "Dresden"),
                                             entryDate: Self.day("2015-01-01")).number!
        _ = try treasurer.members.change(.number(number), MemberChange(district: "Leipzig"),
                                       validFrom: CalendarDate(Date(), in: AssociationTime.defaultZone).adding(days: 30), reason: "Umzug angekündigt")
        let leipzig = try install.session(.district)
        defer { try? leipzig.close() }
        #expect(throws: AccessDenied.self) { try leipzig.members.show(.number(number)) }
    }
}
