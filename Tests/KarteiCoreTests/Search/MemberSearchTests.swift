import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// Search through the audited session (docs/MEMBERS.md, "Search"): double names by each part,
/// accents against the ae/oe/ue spelling, given names alone, the total behind a cut list; and the
/// one German order of every list of people ("Order of lists"). Made-up names only.
@Suite("Member search and order")
struct MemberSearchTests {
    static let fixed = Date(timeIntervalSince1970: 1_798_718_400)  // 2026-12-31 12:00 UTC
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    static func add(_ session: KarteiSession, _ given: String, _ family: String, birth: String? = nil,
                    district: String = "Leipzig") throws -> MemberRecord {
        try session.members.add(MemberChange(givenName: given, familyName: family, birthDate: birth, district: district),
                              entryDate: day("2020-03-01"))
    }

    @Test("Schaefer finds every double name with Schäfer; Zoe finds Zoë and Zoé; Lena finds Anna-Lena")
    func parts() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        for (given, family) in [("Anna", "Groß-Schäfer"), ("Bernd", "Schäfer-Groß"), ("Chris", "Schäfer"),
                                ("Dana", "Müller-Lüdenscheidt-Schaefer"), ("Emil", "Schäferling"), ("Frida", "Weber"),
                                ("Zoë", "Testfall"), ("Zoé", "Probe"), ("Anna-Lena", "Beispiel"), ("Ida", "Zoe")] {
            _ = try Self.add(treasurer, given, family)
        }
        func found(_ query: String) throws -> [String] {
            try treasurer.members.search(query).matches.map { "\($0.record.givenName) \($0.quality)" }
        }
        #expect(try found("Schaefer") == ["Chris exact", "Bernd prefix", "Emil prefix", "Anna part", "Dana part"])
        #expect(try found("Groß") == ["Anna prefix", "Bernd part"])
        #expect(try found("Zoe") == ["Ida exact", "Zoé given", "Zoë given"])
        #expect(try found("Zoé") == ["Ida exact", "Zoé given", "Zoë given"])
        #expect(try found("Zoe Testfall") == ["Zoë exact"])
        #expect(try found("Lena Beispiel") == ["Anna-Lena part"])
        #expect(try found("Anna") == ["Anna-Lena given", "Anna given"])
        // A second search after the names changed: the name parts follow rectification and erasure.
        _ = try treasurer.members.rectify(.number(try #require(try treasurer.members.search("Groß-Schäfer").matches.first?.record.number)),
                                        MemberChange(familyName: "Groß-Weber"))
        #expect(try found("Schaefer") == ["Chris exact", "Bernd prefix", "Emil prefix", "Dana part"])
        #expect(try found("Weber") == ["Frida exact", "Anna part"])
    }

    @Test("a cut list says how many matched in all; the audit names only those shown; scope counts too")
    func total() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        for index in 0..<60 { _ = try Self.add(treasurer, "Person\(index)", "Probe") }
        for index in 0..<7 { _ = try Self.add(treasurer, "Andere\(index)", "Probe", district: "Dresden") }
        let result = try treasurer.members.search("Probe", limit: 50)
        #expect(result.matches.count == 50 && result.total == 67)
        let entry = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.last?.event)
        #expect(entry.objectIDs == result.matches.map(\.record.reference))
        #expect(try treasurer.members.search("Probe", limit: 100).matches.count == 67)
        let district = try install.session(.district)
        defer { try? district.close() }
        let own = try district.members.search("Probe", limit: 10)
        #expect(own.matches.count == 10 && own.total == 60, "the Dresden namesakes are neither shown nor counted")
    }

    @Test("one German order (DIN 5007-1) for list, search, anniversaries and duplicates: Böhm before Busch")
    func order() throws {
        let install = try TestInstallation(now: { Self.fixed })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        // Added in an order that is none of the expected ones; all born on 5 January.
        for family in ["Busch", "Müller", "Muff", "Böhm", "Mueller", "Muller", "bauer", "Äbi", "Zander", "Boehm"] {
            _ = try Self.add(treasurer, "Eva", family, birth: "1970-01-05")
        }
        let expected = ["Äbi", "bauer", "Boehm", "Böhm", "Busch", "Mueller", "Muff", "Muller", "Müller", "Zander"]
        #expect(try treasurer.members.list(MemberQuery(district: "Leipzig")).map(\.familyName) == expected)
        let birthdays = try treasurer.members.anniversaries(from: Self.day("2027-01-05"), days: 1, district: "Leipzig")
            .filter { $0.kind == "birthday" }
        #expect(birthdays.map(\.member.familyName) == expected)
        let search = try treasurer.members.search("Eva").matches.map(\.record.familyName)
        #expect(search == expected)
        #expect(GermanCollation.personKey(familyName: "Böhm", givenName: "Eva")
                < GermanCollation.personKey(familyName: "Busch", givenName: "Anna"))
        #expect(GermanCollation.key("Groß-Schäfer, Zoë") == "gross schafer zoe")
    }
}
