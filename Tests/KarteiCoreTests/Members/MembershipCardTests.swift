import Foundation
import KarteiMessages
import KarteiTesting
import Testing
@testable import KarteiCore

/// Membership cards (docs/MEMBERS.md, "Membership cards"): one A4 page per sheet of ten, as a
/// browser prints them (headless Chromium, counted with pdfinfo, read with pdftotext); the
/// validity rule on a pinned clock; new members of a district only. Synthetic people only.
@Suite("Membership cards")
struct MembershipCardTests {
    static func noon(_ iso: String) -> Date {
        let day = CalendarDate.parse(iso)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
    }

    /// An export of `count` synthetic cards, as the core makes it.
    static func export(_ count: Int) -> MemberExport {
        let rows = Array(SyntheticPeople(count: count, seed: 8)).map { [String($0.number), $0.givenName, $0.familyName, $0.district] }
        return MemberExport(id: 1, purpose: .cards, recipient: "Druckerei", fields: ExportPurpose.cards.fields, rows: rows,
                            people: count, validUntil: "2026-12-31")
    }

    /// The document printed to PDF by Chromium; the PDF's page count and text.
    static func printed(_ html: String, in dir: TemporaryDirectory) throws -> (pages: Int, text: String) {
        let chromium = try #require(which("chromium") ?? which("chromium-browser"), "chromium (scripts/setup installs it)")
        let pdfinfo = try #require(which("pdfinfo"), "pdfinfo (poppler-utils; scripts/setup installs it)")
        let pdftotext = try #require(which("pdftotext"), "pdftotext (poppler-utils)")
        let source = dir.file("cards.html"), pdf = dir.file("cards.pdf")
        try html.write(toFile: source, atomically: true, encoding: .utf8)
        let run = try runCommand(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-crash-reporter",
                                            "--no-first-run", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                                            URL(fileURLWithPath: source).absoluteString],
                                 environment: ["HOME": dir.path, "XDG_CONFIG_HOME": dir.file("config")])
        #expect(run.status == 0, "\(run.stderr)")
        let info = try runCommand(pdfinfo, [pdf])
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        #expect(info.stdout.contains("(A4)"), "\(info.stdout)")
        return (try #require(pages), try runCommand(pdftotext, ["-layout", pdf, "-"]).stdout)
    }

    @Test("one printed A4 page per sheet of ten cards, every card on it", arguments: [(1, 1), (10, 1), (11, 2), (25, 3)])
    func pages(cards: Int, sheets: Int) throws {
        let dir = try TemporaryDirectory("kartei-cards")
        let export = Self.export(cards)
        let html = MembershipCards.html(export, association: "Landesverband", validUntil: CalendarDate(year: 2026, month: 12, day: 31))
        let (pages, text) = try Self.printed(html, in: dir)
        #expect(pages == sheets)
        let valid = Message(.cardValidUntil, ["date": "31.12.2026"]).text()
        #expect(text.components(separatedBy: valid).count - 1 == cards)
        for row in export.rows { #expect(text.contains(row[0]) && text.contains(row[2]), "card \(row[0])") }
        // Page by page: the form feed pdftotext writes between pages splits the cards ten to a page.
        let perPage = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(sheets)
            .map { $0.components(separatedBy: valid).count - 1 }
        #expect(perPage == (0..<sheets).map { min(10, cards - $0 * 10) })
    }

    @Test("valid until the end of the year, from 1 October on until the end of the next", arguments: [
        ("2026-01-01", "2026-12-31"), ("2026-09-30", "2026-12-31"), ("2026-10-01", "2027-12-31"), ("2026-12-01", "2027-12-31"),
        ("2026-12-31", "2027-12-31"),
    ])
    func validity(issued: String, until: String) throws {
        #expect(MembershipCards.validUntil(issuedOn: try #require(CalendarDate.parse(issued))).iso == until)
    }

    @Test("the export computes validity from its own clock: made on 30 September and on 1 December", arguments: [
        ("2026-09-30", "2026-12-31", "31.12.2026"), ("2026-12-01", "2027-12-31", "31.12.2027"),
    ])
    func validityOfExport(issued: String, iso: String, german: String) throws {
        let install = try TestInstallation(now: { Self.noon(issued) })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.members.add(MemberChange(givenName: "Anna", familyName: "Probe", district: "Leipzig"),
                                    entryDate: CalendarDate(year: 2026, month: 1, day: 5))
        let path = install.dir.file("ausweise.html")
        let export = try treasurer.exports.export(ExportRequest(purpose: .cards, purposeText: "Ausweise", recipient: "Druckerei",
                                                               query: MemberQuery(district: "Leipzig")),
                                                 file: (path, "Landesverband"))
        #expect(export.validUntil == iso)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains(MembershipCards.escape(Message(.cardValidUntil, ["date": german]).text())))
        #expect(html.contains("@page { size: A4; margin: 0 }"))
    }

    @Test("cards go to an .html file; another name is refused before anything is recorded")
    func fileName() throws {
        let install = try TestInstallation()
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        let request = ExportRequest(purpose: .cards, purposeText: "Ausweise", recipient: "Druckerei")
        let before = try treasurer.vault.read { db in try AuditLog.entries(db) }.count
        #expect(throws: CoreError(.exportCardsFormat)) {
            try treasurer.exports.export(request, file: (install.dir.file("ausweise.svg"), "Landesverband"))
        }
        #expect(!FileManager.default.fileExists(atPath: install.dir.file("ausweise.svg")))
        #expect(try treasurer.vault.read { db in try AuditLog.entries(db) }.count == before)
        _ = try treasurer.exports.export(request, file: (install.dir.file("ausweise.HTML"), "Landesverband"))
        #expect(FileManager.default.fileExists(atPath: install.dir.file("ausweise.HTML")))
    }

    @Test("--entered-since: cards for the new members of one district only")
    func newMembersOnly() throws {
        let install = try TestInstallation(now: { Self.noon("2026-12-01") })
        let treasurer = try install.session(.treasurer)
        defer { try? treasurer.close() }
        _ = try treasurer.members.importFile(SyntheticImportFile.data(count: 150, seed: 4), file: "generated")
        let since = CalendarDate(year: 2026, month: 11, day: 1)
        var expected: [Int] = []
        for (given, district) in [("Neu1", "Leipzig"), ("Neu2", "Leipzig"), ("Neu3", "Dresden")] {
            let added = try treasurer.members.add(MemberChange(givenName: given, familyName: "Probe", district: district),
                                                entryDate: CalendarDate(year: 2026, month: 11, day: 20))
            if district == "Leipzig", let number = added.number { expected.append(number) }
        }
        let query = MemberQuery(district: "Leipzig", enteredSince: since)
        let old = try treasurer.members.list(MemberQuery(district: "Leipzig")).filter { ($0.entryDate ?? "") >= since.iso }
        let export = try treasurer.exports.export(ExportRequest(purpose: .cards, purposeText: "Ausweise Neumitglieder",
                                                               recipient: "Druckerei", query: query))
        #expect(Set(export.rows.map { Int($0[0]) ?? 0 }) == Set(old.compactMap(\.number)))
        #expect(Set(expected).isSubset(of: Set(export.rows.map { Int($0[0]) ?? 0 })))
        #expect(export.people == old.count && export.people < 20, "not the whole district")
        #expect(export.rows.allSatisfy { $0[3] == "Leipzig" })
        let entry = try #require(try treasurer.vault.read { db in try AuditLog.entries(db) }.last?.event)
        #expect(Set(entry.objectIDs) == Set(old.map(\.reference)))
    }
}
