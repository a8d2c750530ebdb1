import Foundation
import GRDB
import KarteiCrypto
import KarteiTesting
import Testing
@testable import KarteiCore

/// Every free text the session API takes is checked in the core, before anything is written
/// (finding M1): a refused text is a `CoreError` naming the field and the code point, and the log
/// and the data stay as they were — also for a read the caller may not make at all.
@Suite("Free text in the session API")
struct FreeTextSessionTests {
    static let fixed = Date(timeIntervalSince1970: 1_798_718_400)  // 2026-12-31 12:00 UTC
    static let bad = "S\u{1B}[2Kfake"

    static func logSize(_ session: KarteiSession) throws -> Int64 {
        try session.vault.read { db in try AuditLog.size(db) }
    }

    /// Expects `body` to be refused for `field` with exit 65, and nothing to reach the log.
    static func expectRefused(_ field: String, _ session: KarteiSession, code: CoreError.Code = .textControlCharacter,
                              _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try logSize(session)
        do {
            try body()
            Issue.record("\(field): accepted", sourceLocation: sourceLocation)
        } catch let error as CoreError {
            #expect(error.code == code, "\(field): \(error)", sourceLocation: sourceLocation)
            #expect(error.context["field"] == field, "\(field): \(error.context)", sourceLocation: sourceLocation)
            #expect(error.exitCode == .dataError, sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(field): \(error)", sourceLocation: sourceLocation)
        }
        #expect(try logSize(session) == before, "\(field): something was recorded", sourceLocation: sourceLocation)
    }

    @Test("every free text of the session API is refused before anything is recorded")
    func everyEntryPoint() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        let bad = Self.bad
        let member = try session.members.add(MemberChange(givenName: "Anna", familyName: "Probe", district: "Leipzig"))
        let reference = MemberReference.number(try #require(member.number))
        let day = CalendarDate(year: 2026, month: 12, day: 1)
        let donation = try session.finance.addDonation(DonationEntry(donor: .person(name: "Eva Gabe", street: "Weg 1", postalCode: "04109",
                                                                           city: "Leipzig"), amountCents: 50_00, receivedOn: day))
        let body = try session.org.addBody(name: "Kreisvorstand", kind: .board, district: "Leipzig")
        _ = try session.org.addUnit(.branch, name: "Mitte", district: "Leipzig")
        let signer = try install.members[.treasurer]!.source.load()
        let export = { (reason: String, recipient: String) in
            _ = try session.exports.export(ExportRequest(purpose: .mailing, purposeText: reason, recipient: recipient,
                                                        query: MemberQuery(district: "Leipzig")))
        }
        let cases: [(String, () throws -> Void)] = [
            ("purpose", { _ = try session.members.list(MemberQuery(), purpose: bad) }),
            ("purpose", { _ = try session.members.show(reference, purpose: bad) }),
            ("purpose", { _ = try session.members.search("Probe", purpose: bad) }),
            ("purpose", { _ = try session.audit.entries(AuditFilter(), purpose: bad) }),
            ("purpose", { _ = try session.finance.donations(year: 2026, purpose: bad) }),
            ("purpose", { try session.authorize(.memberRead, on: .vault, purpose: bad) }),
            ("purpose", { try session.record(action: "memberRead", objectType: "member", purpose: bad, outcome: .success) }),
            ("member", { _ = try session.audit.whoRead(member: "1\u{1B}[2K", purpose: "Auskunft") }),
            ("reason", { _ = try session.members.add(MemberChange(givenName: "Bea", familyName: "Probe", district: "Leipzig"),
                                                   reason: bad) }),
            ("reason", { _ = try session.members.change(reference, MemberChange(city: "Leipzig"), reason: bad) }),
            ("reason", { _ = try session.members.recordEvent(reference, .resignation, reason: bad) }),
            ("reason", { _ = try session.members.importFile(Data("Vorname;Nachname;Kreisverband;Eintritt\r\nC;P;Leipzig;01.12.2026\r\n".utf8),
                                                       file: "neu.csv", reason: bad) }),
            ("reason", { try export(bad, "Druckerei") }),
            ("recipient", { try export("Versand", bad) }),
            ("domain", { try session.settings.setCanaryMailDomain("kanari\u{1B}.example.org") }),
            ("name", { _ = try session.finance.addDonation(DonationEntry(donor: .person(name: bad, street: "Weg 1", postalCode: "04109",
                                                                               city: "Leipzig"), amountCents: 10_00, receivedOn: day)) }),
            ("street", { _ = try session.finance.addDonation(DonationEntry(donor: .person(name: "Eva", street: bad, postalCode: "04109",
                                                                                 city: "Leipzig"), amountCents: 10_00, receivedOn: day)) }),
            ("postalCode", { _ = try session.finance.addDonation(DonationEntry(donor: .person(name: "Eva", street: "Weg", postalCode: bad,
                                                                                     city: "Leipzig"), amountCents: 10_00, receivedOn: day)) }),
            ("city", { _ = try session.finance.addDonation(DonationEntry(donor: .person(name: "Eva", street: "Weg", postalCode: "04109",
                                                                               city: bad), amountCents: 10_00, receivedOn: day)) }),
            ("reason", { _ = try session.finance.cancelDonation(donation.id, reason: bad) }),
            ("reason", { _ = try session.finance.correctDonation(donation.id, DonationCorrection(amountCents: 60_00), reason: bad) }),
            ("label", { _ = try session.finance.setDuesTable([DuesBracket(label: bad, incomeFromCents: 0, incomeToCents: nil, duesCents: 5_00)],
                                                     validFrom: day) }),
            ("file", { _ = try session.finance.importPayments(Data(), file: "konto\u{1B}.csv") }),
            ("zone", { try session.settings.setTimeZone("Europe/Berlin\u{1B}") }),
            ("name", { _ = try session.org.addUnit(.branch, name: bad, district: "Leipzig") }),
            ("name", { _ = try session.org.addUnit(.caucus, name: bad, district: nil) }),
            ("to", { _ = try session.org.restructureBranch("Mitte", district: "Leipzig", into: bad, merge: false, on: day, reason: "") }),
            ("reason", { _ = try session.org.restructureBranch("Mitte", district: "Leipzig", into: "Zentrum", merge: false, on: day,
                                                           reason: bad) }),
            ("name", { _ = try session.org.addBody(name: bad, kind: .board, district: "Leipzig") }),
            ("title", { _ = try session.org.addOffice(reference, body: body.id, title: bad) }),
            ("name", { _ = try session.org.addMandate(reference, level: .municipal, name: bad) }),
            ("name", { _ = try session.users.add(name: bad, role: .office, scope: .all, declarationDate: day.iso) }),
            ("contact", { _ = try session.users.add(name: "Uta", role: .office, scope: .all, contact: bad, declarationDate: day.iso) }),
            ("dns", { _ = try session.authority.issue(userID: install.members[.server]!.userID, caKey: install.caKey,
                                                        dnsNames: ["local\u{1B}host"]) }),
            ("reason", { try session.users.addGrant(district: "Dresden", operation: .memberRead, memberNumber: member.number!, days: 30,
                                             reason: bad) }),
            ("name", { try session.org.addDistrict(bad) }),
            ("label", { _ = try session.vaultAdmin.addRecoveryCode(label: bad) }),
            ("label", { _ = try session.vaultAdmin.addPassphraseHolder(SecretBytes(copying: Array("eine lange Passphrase".utf8)), label: bad) }),
            ("name", { _ = try session.transfers.addPartner(name: bad, certificatePEM: "", file: "partner.pem") }),
            ("reason", { _ = try session.transfers.transferOut(reference, to: "LV Thüringen", signer: signer,
                                                      out: install.dir.file("out.kartei-transfer"), reason: bad) }),
            ("reason", { _ = try session.transfers.transferIn([0], file: "in.kartei-transfer", caKey: install.caKey, district: "Leipzig",
                                                     reason: bad) }),
        ]
        for (field, body) in cases { try Self.expectRefused(field, session, body) }
        // Nothing of it was stored: no second member, no new body, no holder, no district.
        #expect(try session.members.list(MemberQuery(statuses: nil, kind: nil)).count == 1)
        #expect(try session.org.bodies().count == 1)
        #expect(try session.vault.holders().count == 3)
        #expect(try !session.org.districts().contains(bad))
        #expect(!FileManager.default.fileExists(atPath: install.dir.file("out.kartei-transfer")))
    }

    @Test("an invisible character, an accent tower and an over-long text are refused the same way")
    func otherClasses() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        try Self.expectRefused("purpose", session, code: .textInvisibleCharacter) {
            _ = try session.members.list(MemberQuery(), purpose: "Versand\u{202E}dnasreV")
        }
        try Self.expectRefused("name", session, code: .textInvisibleCharacter) { try session.org.addDistrict("Leip\u{AD}zig") }
        try Self.expectRefused("name", session, code: .textCombiningMarks) {
            _ = try session.org.addUnit(.caucus, name: "T" + String(repeating: "\u{0301}", count: 500), district: nil)
        }
        try Self.expectRefused("purpose", session, code: .textTooLong) {
            _ = try session.members.list(MemberQuery(), purpose: String(repeating: "x", count: 120_000))
        }
        try Self.expectRefused("reason", session, code: .textTooLong) {
            _ = try session.members.add(MemberChange(givenName: "Bea", familyName: "Probe", district: "Leipzig"),
                                      reason: String(repeating: "ä", count: 501))
        }
    }

    @Test("a denied read with a bad purpose records nothing; with a good one the denial is recorded as before",
          arguments: [Role.statistician, .district])
    func deniedRead(role: Role) throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        let dresden = try treasurer.members.add(MemberChange(givenName: "Dora", familyName: "Probe", district: "Dresden"))
        try treasurer.close()
        let session = try install.session(role)
        defer { try? session.close() }
        let reference = MemberReference.number(try #require(dresden.number))
        try Self.expectRefused("purpose", session) { _ = try session.members.list(MemberQuery(district: "Dresden"), purpose: Self.bad) }
        try Self.expectRefused("purpose", session) { _ = try session.members.show(reference, purpose: Self.bad) }
        let before = try Self.logSize(session)
        #expect(throws: AccessDenied.self) { _ = try session.members.show(reference, purpose: "Nachfrage") }
        let entries = try session.vault.read { db in try AuditLog.entries(objectType: "member", objectID: reference.description, db) }
        #expect(try Self.logSize(session) == before + 1)
        #expect(entries.compactMap(\.event).map(\.outcome) == [.success, .denied])
        #expect(!entries.compactMap(\.event).contains { $0.purpose.unicodeScalars.contains("\u{1B}") })
    }

    @Test("accepted texts are stored as typed: umlauts, accents, Persian with ZWNJ, 500 characters")
    func accepted() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        let purposes = ["Einladung zur Mitgliederversammlung – Ortsverband Süd, Groß-Zschocher", "Nguyễn Thị Phượng: Rückfrage",
                        "پیگیری\u{200C}ها", String(repeating: "ß", count: 500)]
        for purpose in purposes { _ = try session.members.list(MemberQuery(), purpose: purpose) }
        let stored = try session.audit.entries(AuditFilter(action: "memberRead")).compactMap(\.event).map(\.purpose)
        #expect(Array(stored.suffix(purposes.count)) == purposes)
        try session.org.addDistrict("Łódź-Śródmieście")
        #expect(try session.org.districts().contains("Łódź-Śródmieście"))
    }

    @Test("init refuses a treasurer's name, contact or holder label that breaks the rule before it writes anything")
    func provisioning() throws {
        let dir = try TemporaryDirectory()
        let day = CalendarDate(year: 2026, month: 11, day: 1)
        let plans: [(String, VaultPlan)] = [
            ("treasurer", VaultPlan(path: dir.file("a.kartei"), label: "Schatzmeisterin",
                                    treasurer: .init(name: "Kim\u{1B}[2K", declarationDate: day))),
            ("contact", VaultPlan(path: dir.file("b.kartei"), label: "Schatzmeisterin",
                                  treasurer: .init(name: "Kim", contact: "kim\u{202E}@example.org", declarationDate: day))),
            ("label", VaultPlan(path: dir.file("c.kartei"), label: "Schatz\u{7}meisterin")),
        ]
        for (field, plan) in plans {
            #expect(throws: CoreError.self) { _ = try Provisioning.prepare(plan, now: Self.fixed) }
            do { _ = try Provisioning.prepare(plan, now: Self.fixed) } catch let error as CoreError {
                #expect(error.context["field"] == field, "\(error)")
            }
        }
        #expect(throws: CoreError(.textControlCharacter)) {
            _ = try KarteiSession.create(at: dir.file("d.kartei"), passphrase: TestVaults.passphrase, label: "a\u{1B}b",
                                         options: TestVaults.options())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
