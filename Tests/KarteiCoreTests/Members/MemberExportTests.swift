import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiCore

/// Exports carry only their purpose's fields and a canary, need a second key holder above the
/// threshold, and show up in the data-subject access report.
@Suite("Member exports")
struct MemberExportTests {
    static func filled() throws -> (TestInstallation, KarteiSession) {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        _ = try treasurer.members.importFile(SyntheticImportFile.data(count: 400, seed: 11), file: "generated")
        return (install, treasurer)
    }

    @Test("a list has exactly its purpose's fields, its people plus one canary, and one audit entry naming them",
          arguments: ExportPurpose.allCases)
    func purposeFields(purpose: ExportPurpose) throws {
        let (install, treasurer) = try Self.filled()
        defer { withExtendedLifetime(install) { try? treasurer.close() } }
        let query = MemberQuery(district: "Leipzig", asOf: CalendarDate(year: 2026, month: 12, day: 31))
        let people = try treasurer.members.list(query)
        let export = try treasurer.exports.export(ExportRequest(purpose: purpose, purposeText: "Einladung", recipient: "Vorstand",
                                                               query: query))
        #expect(export.fields == purpose.fields)
        #expect(export.rows.allSatisfy { $0.count == purpose.fields.count })
        #expect(export.people == people.count)
        #expect(export.rows.count == people.count + (purpose.carriesCanary ? 1 : 0))
        if !purpose.fields.contains("phone") { #expect(!export.rows.joined().contains { $0.hasPrefix("0") && $0.contains(" ") }) }
        let entry = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.last?.event)
        #expect(entry.action == "memberExport" && entry.purpose == "Einladung")
        #expect(Set(entry.objectIDs) == Set(people.map(\.reference)))
    }

    @Test("the canary differs per export and traces back to it")
    func canary() throws {
        let (install, treasurer) = try Self.filled()
        defer { withExtendedLifetime(install) { try? treasurer.close() } }
        let request = ExportRequest(purpose: .email, purposeText: "Newsletter", recipient: "Presse",
                                    query: MemberQuery(district: "Dresden"))
        let first = try treasurer.exports.export(request)
        let second = try treasurer.exports.export(ExportRequest(purpose: .email, purposeText: "Newsletter", recipient: "Agentur",
                                                               query: MemberQuery(district: "Dresden")))
        let real = Set(try treasurer.members.list(MemberQuery(district: "Dresden")).map(\.email))
        let canaryOne = try #require(first.rows.first { !real.contains($0[2]) })
        let canaryTwo = try #require(second.rows.first { !real.contains($0[2]) })
        #expect(canaryOne != canaryTwo)
        #expect(try treasurer.exports.trace(canaryOne[2]).map(\.id) == [first.id])
        #expect(try treasurer.exports.trace("\(canaryTwo[0]) \(canaryTwo[1])").map(\.recipient).contains("Agentur"))
        #expect(try treasurer.exports.trace("nobody@example.org").isEmpty)
    }

    @Test("above the threshold a second key holder must approve; the same person, a non-holder or a statistician cannot")
    func approval() throws {
        let (install, treasurer) = try Self.filled()
        defer { try? treasurer.close() }
        try treasurer.settings.setExportApprovalThreshold(50)
        let request = ExportRequest(purpose: .mailing, purposeText: "Wahlkampf", recipient: "Druckerei")
        #expect(throws: CoreError(.exportNeedsApproval)) { try treasurer.exports.export(request) }
        #expect(throws: CoreError(.exportApproverInvalid)) {
            try treasurer.exports.export(request, approver: install.members[.treasurer]!.source)
        }
        #expect(throws: CoreError(.exportApproverInvalid)) {
            try treasurer.exports.export(request, approver: install.members[.office]!.source)
        }
        #expect(throws: CoreError(.exportApproverInvalid)) {
            try treasurer.exports.export(request, approver: install.members[.statistician]!.source)
        }
        _ = try treasurer.vaultAdmin.addKeyHolder(userID: install.members[.office]!.userID)
        let export = try treasurer.exports.export(request, approver: install.members[.office]!.source)
        #expect(export.people > 50)
        let record = try #require(try treasurer.vault.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM memberExport WHERE id = ?", arguments: [export.id]).map(ExportStore.record)
        })
        #expect(record.approver == String(try install.members[.office]!.source.certificate().serialHex.prefix(12)))
        #expect(throws: CoreError(.exportNeedsPurpose)) {
            try treasurer.exports.export(ExportRequest(purpose: .mailing, purposeText: " ", recipient: "x"))
        }
    }

    @Test("a district officer exports only their district")
    func scope() throws {
        let (install, treasurer) = try Self.filled()
        try treasurer.close()
        let district = try install.session(.district)
        defer { try? district.close() }
        let export = try district.exports.export(ExportRequest(purpose: .phone, purposeText: "Telefonkette", recipient: "OV"))
        let own = try district.members.list(MemberQuery())
        #expect(export.people == own.count)
        #expect(throws: AccessDenied.self) {
            try district.exports.export(ExportRequest(purpose: .phone, purposeText: "x", recipient: "y",
                                                     query: MemberQuery(district: "Dresden")))
        }
    }

    @Test("the access report shows every version, every access and every export of the person")
    func subjectAccessReport() throws {
        let (install, treasurer) = try Self.filled()
        let person = try #require(try treasurer.members.list(MemberQuery(district: "Leipzig")).first)
        let number = try #require(person.number)
        _ = try treasurer.members.change(.number(number), MemberChange(email: "neu@example.org"), reason: "Mitteilung")
        _ = try treasurer.exports.export(ExportRequest(purpose: .email, purposeText: "Einladung", recipient: "Vorstand",
                                                      query: MemberQuery(district: "Leipzig")))
        try treasurer.close()
        let district = try install.session(.district)
        _ = try district.members.show(.number(number), purpose: "Rückruf")
        try district.close()

        let office = try install.session(.office)
        defer { try? office.close() }
        let report = try office.members.report(.number(number), purpose: "Auskunftsersuchen")
        #expect(report.person.history.count == 2)
        #expect(report.exports.map(\.purposeText) == ["Einladung"])
        #expect(report.accesses.contains { $0.role == "district" && $0.purpose == "Rückruf" && $0.action == "memberRead" })
        #expect(report.accesses.contains { $0.action == "memberContactWrite" || $0.action == "memberWrite" })
        let statistician = try install.session(.statistician)
        defer { try? statistician.close() }
        #expect(throws: AccessDenied.self) { try statistician.members.report(.number(number)) }
    }
}
