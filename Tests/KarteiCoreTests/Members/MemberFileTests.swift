import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// The member file through the audited session API: as-of queries against a hand-computed
/// history, the lifecycle, all-or-nothing imports, scope enforcement, audit entries.
@Suite("Member file")
struct MemberFileTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    /// A person with a known history:
    /// 2010-05-01 entry in Leipzig (Hauptstraße 1) · 2015-01-01 new address (Ringstraße 9)
    /// · 2018-03-01 moves to Dresden · 2020-06-30 resigns.
    static func historied(_ treasurer: KarteiSession) throws -> Int {
        let added = try treasurer.members.add(MemberChange(givenName: "Erika", familyName: "Beispiel", birthDate: "1970-02-03",
                                                         gender: "f", street: "Hauptstraße", houseNumber: "1",
                                                         postalCode: "04109", city: "Leipzig", district: "Leipzig"),
                                            entryDate: day("2010-05-01"), reason: "Beitrittserklärung")
        let number = try #require(added.number)
        _ = try treasurer.members.change(.number(number), MemberChange(street: "Ringstraße", houseNumber: "9"),
                                       validFrom: day("2015-01-01"), reason: "neue Anschrift")
        _ = try treasurer.members.change(.number(number), MemberChange(postalCode: "01067", city: "Dresden", district: "Dresden"),
                                       validFrom: day("2018-03-01"), reason: "Umzug")
        _ = try treasurer.members.recordEvent(.number(number), .resignation, on: day("2020-06-30"), reason: "Austritt")
        return number
    }

    @Test("as-of queries give exactly the state of that day")
    func asOf() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let number = try Self.historied(treasurer)

        #expect(throws: CoreError(.memberNotYet)) { try treasurer.members.show(.number(number), asOf: Self.day("2010-04-30")) }
        let cases: [(String, String, String, MemberStatus, MemberEvent)] = [
            ("2010-05-01", "Hauptstraße", "Leipzig", .active, .entry),
            ("2014-12-31", "Hauptstraße", "Leipzig", .active, .entry),
            ("2015-01-01", "Ringstraße", "Leipzig", .active, .change),
            ("2018-02-28", "Ringstraße", "Leipzig", .active, .change),
            ("2018-03-01", "Ringstraße", "Dresden", .active, .move),
            ("2020-06-29", "Ringstraße", "Dresden", .active, .move),
            ("2020-06-30", "Ringstraße", "Dresden", .resigned, .resignation),
            ("2026-01-01", "Ringstraße", "Dresden", .resigned, .resignation),
        ]
        for (date, street, district, status, event) in cases {
            let detail = try treasurer.members.show(.number(number), asOf: Self.day(date))
            #expect(detail.current.street == street && detail.current.district == district, "\(date)")
            #expect(detail.current.status == status && detail.current.event == event, "\(date)")
        }
        let history = try treasurer.members.show(.number(number)).history
        #expect(history.map(\.event) == [.entry, .change, .move, .resignation])
        #expect(history.map(\.validTo) == ["2015-01-01", "2018-03-01", "2020-06-30", nil])

        func listed(_ district: String, _ date: String, _ statuses: Set<MemberStatus>? = [.active]) throws -> Bool {
            try treasurer.members.list(MemberQuery(district: district, asOf: Self.day(date), statuses: statuses))
                .contains { $0.number == number }
        }
        #expect(try !listed("Leipzig", "2010-04-30"))
        #expect(try listed("Leipzig", "2012-01-01"))
        #expect(try !listed("Dresden", "2012-01-01"))
        #expect(try !listed("Leipzig", "2019-01-01"))
        #expect(try listed("Dresden", "2019-01-01"))
        #expect(try !listed("Dresden", "2021-01-01"))
        #expect(try listed("Dresden", "2021-01-01", nil))
        #expect(try listed("Dresden", "2021-01-01", [.resigned]))
    }

    @Test("pending entries get their number on confirmation; events follow the lifecycle")
    func lifecycle() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let pending = try treasurer.members.add(MemberChange(givenName: "Jonas", familyName: "Probe", birthDate: "2000-01-01",
                                                           district: "Leipzig"), status: .pending,
                                              entryDate: Self.day("2026-01-10"))
        #expect(pending.number == nil && pending.status == .pending)
        let reference = MemberReference.person(pending.personID)
        #expect(try !treasurer.members.list(MemberQuery(district: "Leipzig")).contains { $0.personID == pending.personID })
        let confirmed = try treasurer.members.recordEvent(reference, .confirmation, on: Self.day("2026-02-01"))
        let number = try #require(confirmed.number)
        #expect(number >= MemberStore.firstNumber && confirmed.status == .active)
        #expect(try treasurer.members.show(.number(number)).current.status == .active)

        // Not possible in this state, or dated before the last event: refused, nothing changes.
        #expect(throws: CoreError(.memberEventNotAllowed)) { try treasurer.members.recordEvent(.number(number), .confirmation) }
        #expect(throws: CoreError(.memberEventNotAllowed)) { try treasurer.members.recordEvent(.number(number), .rejection) }
        let declined = try treasurer.members.add(MemberChange(givenName: "Nein", familyName: "Danke", district: "Leipzig"),
                                               status: .pending, entryDate: Self.day("2026-01-10"))
        let rejected = try treasurer.members.recordEvent(.person(declined.personID), .rejection, on: Self.day("2026-01-20"))
        #expect(rejected.status == .rejected && rejected.number == nil)
        #expect(try treasurer.members.erase(only: [.person(declined.personID)], dryRun: true).members == ["#\(declined.personID)"])
        #expect(throws: CoreError(.memberEventNotAllowed)) { try treasurer.members.recordEvent(.number(number), .reentry) }
        #expect(throws: CoreError(.memberEventBeforeLast)) {
            try treasurer.members.recordEvent(.number(number), .resignation, on: Self.day("2026-01-15"))
        }
        #expect(try treasurer.members.show(.number(number)).history.count == 2)

        _ = try treasurer.members.recordEvent(.number(number), .resignation, on: Self.day("2026-03-31"))
        let again = try treasurer.members.recordEvent(.number(number), .reentry, on: Self.day("2026-06-01"))
        #expect(again.status == .active && again.number == number && again.exitDate == nil && again.entryDate == "2026-06-01")
        _ = try treasurer.members.recordEvent(.number(number), .death, on: Self.day("2026-07-01"))
        #expect(throws: CoreError(.memberEventNotAllowed)) { try treasurer.members.recordEvent(.number(number), .death) }
        #expect(try treasurer.members.show(.number(number), asOf: Self.day("2026-04-15")).current.status == .resigned)

        // Impossible data: death before birth, entry before the 14th birthday, unknown district.
        #expect(throws: MemberDataError.self) {
            try treasurer.members.add(MemberChange(givenName: "A", familyName: "B", birthDate: "2015-01-01", district: "Leipzig"),
                                    entryDate: Self.day("2026-01-01"))
        }
        #expect(throws: MemberDataError.self) {
            try treasurer.members.add(MemberChange(givenName: "A", familyName: "B", district: "Atlantis"))
        }
        let young = try treasurer.members.add(MemberChange(givenName: "A", familyName: "B", birthDate: "2000-05-05", district: "Leipzig"),
                                            entryDate: Self.day("2014-05-05"))
        // Statutes that allow entry at 12: the vault setting, not a per-call override.
        try treasurer.settings.setMinimumEntryAge(12)
        _ = try treasurer.members.add(MemberChange(givenName: "C", familyName: "D", birthDate: "2012-01-01", district: "Leipzig"),
                                    entryDate: Self.day("2024-06-01"))
        #expect(throws: MemberDataError.self) { try treasurer.members.recordEvent(.number(young.number!), .death, on: Self.day("1999-01-01")) }
    }

    static let header = "Mitgliedsnummer;Vorname;Nachname;Geburtsdatum;Kreisverband;Eintritt;Austritt;Status;Beitrag\r\n"

    @Test("an import with bad rows names each by line and column and changes nothing")
    func importAllOrNothing() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let good = "\u{FEFF}" + Self.header
            + "200001;Anna;Muster;03.04.1990;Leipzig;01.02.2015;;;12,50\r\n"
            + "200002;\"Jörg; Peter\";\"O\"\"Neill\";01.01.1960;Dresden;01.01.2000;31.12.2020;resigned;5\r\n"
            + ";Clara;Neu;05.06.1985;Görlitz;01.01.2026;;;\r\n"
        let summary = try treasurer.members.importFile(Data(good.utf8), file: "good.csv")
        #expect(summary.imported == 3)
        let peter = try treasurer.members.show(.number(200002))
        #expect(peter.current.givenName == "Jörg; Peter" && peter.current.familyName == "O\"Neill")
        #expect(peter.current.status == .resigned && peter.history.map(\.event) == [.entry, .resignation])
        #expect(try treasurer.members.show(.number(200001)).current.duesCents == 1250)
        #expect(try treasurer.members.show(.number(200003)).current.familyName == "Neu", "allocated after the highest given number")

        let before = try treasurer.members.list(MemberQuery(statuses: nil)).count
        let bad = Self.header
            + "300001;Bernd;Gut;01.01.1980;Leipzig;01.01.2010;;;\r\n"          // line 2: fine
            + "300002;Carl;Schlecht;31.02.1980;Leipzig;01.01.2010;;;\r\n"     // line 3: 31 February
            + "300003;Dora;;01.01.1980;Atlantis;01.01.2010;;;\r\n"            // line 4: no family name, unknown district
            + "300001;Emil;Doppelt;01.01.1980;Leipzig;01.01.2010;;;\r\n"      // line 5: number twice
            + "200001;Fritz;Vergeben;01.01.1980;Leipzig;01.01.2010;;;\r\n"    // line 6: number taken in the vault
            + "300006;Gina;Jung;01.01.2015;Leipzig;01.01.2020;;;x\r\n"        // line 7: too young, bad amount
        let error = try #require(throws: MemberDataError.self) { try treasurer.members.importFile(Data(bad.utf8), file: "bad.csv") }
        let found = Set(error.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.message.key)" })
        #expect(found.isSuperset(of: ["3:4:problemDate", "4:3:problemRequired", "4:5:problemDistrict", "5:1:problemNumberTwice",
                                      "7:6:problemTooYoung", "7:9:problemAmount"]), "\(found.sorted())")
        #expect(!found.contains { $0.hasPrefix("2:") }, "line 2 is fine")
        #expect(try treasurer.members.list(MemberQuery(statuses: nil)).count == before, "nothing was written")
        #expect(throws: CoreError(.memberNotFound)) { try treasurer.members.show(.number(300001)) }

        // The number already taken is only found against the vault, after the file itself is clean.
        let taken = Self.header + "200001;Fritz;Vergeben;01.01.1980;Leipzig;01.01.2010;;;\r\n"
        let takenError = try #require(throws: MemberDataError.self) { try treasurer.members.importFile(Data(taken.utf8), file: "t.csv") }
        #expect(takenError.problems.map(\.message.key) == [.problemNumberTaken])

        let broken = Self.header + "1;\"unclosed;Neu;01.01.1980;Leipzig;01.01.2010;;;\r\n"
        #expect(throws: CoreError(.memberImportUnreadable)) { try treasurer.members.importFile(Data(broken.utf8), file: "b.csv") }
    }

    @Test("district officers see and change only their own district, also through search; every denial is logged")
    func scope() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        let number = try Self.historied(treasurer)   // now in Dresden
        let leipzig = try treasurer.members.add(MemberChange(givenName: "Lena", familyName: "Beispiel", district: "Leipzig"),
                                              entryDate: Self.day("2020-01-01")).number!
        try treasurer.close()

        let district = try install.session(.district)
        defer { try? district.close() }
        let own = try district.members.list(MemberQuery())
        #expect(!own.isEmpty && own.allSatisfy { $0.district == TestInstallation.district })
        #expect(throws: AccessDenied.self) { try district.members.list(MemberQuery(district: "Dresden")) }
        #expect(throws: AccessDenied.self) { try district.members.show(.number(number)) }
        #expect(try district.members.show(.number(leipzig)).current.givenName == "Lena")
        let found = try district.members.search("Beispiel").matches
        #expect(found.map(\.record.number) == [leipzig], "the Dresden namesake is not shown")
        #expect(try district.members.search(String(number)).matches.isEmpty)

        // Address and contact in the own district: yes. Anything else, or elsewhere: no.
        _ = try district.members.change(.number(leipzig), MemberChange(email: "lena@example.org"))
        #expect(throws: AccessDenied.self) { try district.members.change(.number(leipzig), MemberChange(familyName: "Anders")) }
        #expect(throws: AccessDenied.self) { try district.members.change(.number(number), MemberChange(email: "x@example.org")) }
        #expect(throws: AccessDenied.self) { try district.members.recordEvent(.number(leipzig), .resignation) }

        let denied = try district.vault.read { db in
            try AuditLog.entries(db).compactMap(\.event).filter { $0.outcome == .denied && $0.objectType == "member" }
        }
        #expect(denied.count == 5, "\(denied.map(\.action))")
        #expect(denied.contains { $0.objectIDs == [String(number)] && $0.action == "memberRead" })

        // A grant opens one member of another district for a while.
        let admin = try install.session(.treasurer)
        _ = try admin.users.addGrant(district: TestInstallation.district, operation: .memberRead, memberNumber: number, days: 90,
                               reason: "Übertritt")
        try admin.close()
        #expect(try district.members.show(.number(number)).current.district == "Dresden")
    }

    @Test("a list leaves one audit entry naming exactly the members it returned")
    func auditedReads() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.members.importFile(SyntheticImportFile.data(count: 300, seed: 5), file: "generated")
        let listed = try treasurer.members.list(MemberQuery(district: "Leipzig"), purpose: "Einladung")
        let entry = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.last?.event)
        #expect(entry.action == "memberRead" && entry.purpose == "Einladung" && entry.outcome == .success)
        #expect(entry.objectIDs == listed.map(\.reference))
        let one = try #require(listed.first?.number)
        let readers = try treasurer.audit.whoRead(member: String(one), purpose: "Auskunft")
        #expect(readers.contains { $0.event?.action == "memberRead" && $0.event?.purpose == "Einladung" })
    }

    @Test("search ignores umlauts, accents and spelling; numbers find one person")
    func search() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        for (given, family) in [("Anna", "Müller"), ("Bernd", "Mueller"), ("Chris", "Meyer"), ("Dana", "Schmidt"), ("Emil", "Zander")] {
            _ = try treasurer.members.add(MemberChange(givenName: given, familyName: family, district: "Leipzig"))
        }
        func names(_ query: String) throws -> Set<String> { Set(try treasurer.members.search(query).matches.map(\.record.givenName)) }
        #expect(try names("muller") == ["Anna", "Bernd"])
        #expect(try names("MÜLLER") == ["Anna", "Bernd"])
        #expect(try names("Müller, Anna") == ["Anna"])
        #expect(try names("Maier").contains("Chris"))
        #expect(try names("Schmitt").contains("Dana"))
        #expect(try names("Zandre").contains("Emil"), "a transposition is a near miss")
        #expect(try names("Nobody").isEmpty)
        let number = try #require(try treasurer.members.search("Zander").matches.first?.record.number)
        #expect(try treasurer.members.search(String(number)).matches.map(\.quality) == ["number"])
    }

    @Test("duplicates: the same person spelt differently, and one household")
    func duplicates() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        func add(_ given: String, _ family: String, _ birth: String, _ street: String, _ house: String) throws -> Int {
            try treasurer.members.add(MemberChange(givenName: given, familyName: family, birthDate: birth, street: street,
                                                 houseNumber: house, postalCode: "04109", city: "Leipzig", district: "Leipzig"),
                                    entryDate: Self.day("2010-01-01")).number!
        }
        let anna = try add("Anna", "Müller", "1980-01-01", "Hauptstraße", "5A")
        let anna2 = try add("Anna", "Mueller", "1980-01-01", "Hauptstr.", "5 a")
        let bernd = try add("Bernd", "Müller", "1978-03-03", "Hauptstrasse", "5a")
        let other = try add("Clara", "Zander", "1990-02-02", "Ringweg", "1")
        let groups = try treasurer.members.duplicates()
        let people = groups.filter { $0.kind == "person" }.map { Set($0.members.compactMap(\.number)) }
        let households = groups.filter { $0.kind == "address" }.map { Set($0.members.compactMap(\.number)) }
        #expect(people == [[anna, anna2]])
        #expect(households == [[anna, anna2, bernd]])
        #expect(!groups.flatMap(\.members).contains { $0.number == other })
    }

    @Test("confirmation letters fit the person's state and are audited")
    func letters() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let number = try Self.historied(treasurer)   // resigned on 2020-06-30
        let letter = try treasurer.members.letter(.resignation, for: .number(number), association: "LV Test")
        #expect(letter.contains("Erika Beispiel") && letter.contains("Ringstraße 9") && letter.contains("30.06.2020"))
        #expect(letter.hasPrefix("LV Test\n"))
        #expect(throws: CoreError(.memberEventNotAllowed)) { try treasurer.members.letter(.death, for: .number(number), association: "x") }
        let entry = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.last?.event)
        #expect(entry.purpose == "letter:death" && entry.outcome == .failed)
        let previous = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.dropLast().last?.event)
        #expect(previous.purpose == "letter:resignation" && previous.objectIDs == [String(number)])
    }

    @Test("new members since a day; birthdays and membership jubilees in a window, in scope")
    func anniversariesAndNewMembers() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let old = try treasurer.members.add(MemberChange(givenName: "Hanna", familyName: "Jubel", birthDate: "1946-12-10",
                                                       district: "Leipzig"), entryDate: Self.day("1996-12-12")).number!
        let fresh = try treasurer.members.add(MemberChange(givenName: "Nina", familyName: "Neu", birthDate: "1990-12-11",
                                                         district: "Leipzig"), entryDate: Self.day("2026-11-01")).number!
        _ = try treasurer.members.add(MemberChange(givenName: "Dora", familyName: "Dresden", birthDate: "1956-12-10",
                                                 district: "Dresden"), entryDate: Self.day("2000-01-01"))
        let asOf = Self.day("2026-12-01")
        #expect(try treasurer.members.list(MemberQuery(asOf: asOf, enteredSince: Self.day("2026-01-01"))).compactMap(\.number) == [fresh])
        let found = try treasurer.members.anniversaries(from: Self.day("2026-12-09"), days: 5)
        let summary = Set(found.map { "\($0.member.number ?? 0):\($0.kind):\($0.years):\($0.round)" })
        #expect(summary.isSuperset(of: ["\(old):birthday:80:true", "\(old):jubilee:30:true", "\(fresh):birthday:36:false"]))
        #expect(try treasurer.members.anniversaries(from: Self.day("2026-12-09"), days: 5, roundOnly: true).allSatisfy(\.round))
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(try district.members.anniversaries(from: Self.day("2026-12-09"), days: 5).allSatisfy { $0.member.district == "Leipzig" })
        #expect(throws: AccessDenied.self) { try district.members.anniversaries(district: "Dresden") }
    }

    @Test("rectification corrects past versions without a new one; events cannot be rectified")
    func rectify() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let number = try Self.historied(treasurer)   // four versions
        let fixed = try treasurer.members.rectify(.number(number), MemberChange(familyName: "Beispielt"))
        #expect(fixed.history.count == 4 && fixed.history.allSatisfy { $0.familyName == "Beispielt" })
        #expect(try treasurer.members.show(.number(number), asOf: Self.day("2011-01-01")).current.familyName == "Beispielt")
        #expect(try treasurer.members.search("Beispielt").matches.map(\.record.number) == [number])
        let since = try treasurer.members.rectify(.number(number), MemberChange(street: "Ringstrasse"), since: Self.day("2015-01-01"))
        #expect(since.history.map(\.street) == ["Hauptstraße", "Ringstrasse", "Ringstrasse", "Ringstrasse"])
        #expect(throws: CoreError(.rectifyFieldsOnly)) { try treasurer.members.rectify(.number(number), MemberChange(district: "Leipzig")) }
        #expect(throws: MemberDataError.self) { try treasurer.members.rectify(.number(number), MemberChange(postalCode: "12")) }
        let entry = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.last?.event)
        #expect(entry.outcome == .failed && entry.purpose == "rectify")
        let district = try install.session(.district)
        defer { try? district.close() }
        #expect(throws: AccessDenied.self) { try district.members.rectify(.number(number), MemberChange(familyName: "X")) }
    }
}
