import Foundation
import KarteiMessages

/// Membership cards as one HTML document (docs/MEMBERS.md, "Membership cards"): one A4 page per
/// sheet of ten credit-card-sized cards (85.6 × 54 mm, two columns, five rows), each sheet an
/// inline SVG of exactly one page, with CSS `@page { size: A4; margin: 0 }` and a page break
/// after every sheet, so that a browser or its "save as PDF" prints every sheet on its own page
/// and never cuts a card. Text only from the export's fields, XML-escaped.
public enum MembershipCards {
    public static let cardsPerSheet = 10
    /// File names the cards may be written to.
    public static let extensions: Set<String> = ["html", "htm"]

    /// The validity rule: a card is valid until 31 December of the year it is made; a card made
    /// from 1 October on is valid until 31 December of the following year (a card made late in the
    /// year would otherwise be out of date within weeks).
    public static func validUntil(issuedOn day: CalendarDate) -> CalendarDate {
        CalendarDate(year: day.month >= 10 ? day.year + 1 : day.year, month: 12, day: 31)
    }

    /// The whole document. `validUntil` is the export's (``validUntil(issuedOn:)`` of the day it was made).
    public static func html(_ export: MemberExport, association: String, validUntil: CalendarDate) -> String {
        let sheets = max(1, (export.rows.count + cardsPerSheet - 1) / cardsPerSheet)
        var out = """
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <title>\(escape(Message(.cardsTitle).text()))</title>
            <style>
            @page { size: A4; margin: 0 }
            html, body { margin: 0; padding: 0 }
            .sheet { width: 210mm; height: 297mm; overflow: hidden; break-after: page; page-break-after: always }
            .sheet:last-child { break-after: auto; page-break-after: auto }
            .sheet svg { display: block; width: 210mm; height: 297mm }
            </style>
            </head>
            <body>

            """
        let index = Dictionary(uniqueKeysWithValues: export.fields.enumerated().map { ($1, $0) })
        let valid = escape(Message(.cardValidUntil, ["date": validUntil.german]).text())
        for sheet in 0..<sheets {
            out += sheetSVG(Array(export.rows.dropFirst(sheet * cardsPerSheet).prefix(cardsPerSheet)), index: index,
                            association: escape(association), valid: valid)
        }
        return out + "</body>\n</html>\n"
    }

    /// One A4 sheet: cards centred, 3 mm apart (2 × 85.6 + 3 = 174.2 mm wide, 5 × 54 + 4 × 3 = 282 mm high).
    private static func sheetSVG(_ rows: [[String]], index: [String: Int], association: String, valid: String) -> String {
        let width = 85.6, height = 54.0, gap = 3.0
        let left = (210 - (2 * width + gap)) / 2, top = (297 - (5 * height + 4 * gap)) / 2
        var out = """
            <section class="sheet">
            <svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" \
            font-family="DejaVu Sans, Arial, sans-serif">

            """
        for (slot, row) in rows.enumerated() {
            func value(_ field: String) -> String { index[field].map { escape(row[$0]) } ?? "" }
            let x = left + Double(slot % 2) * (width + gap)
            let y = top + Double(slot / 2) * (height + gap)
            let number = escape(Message(.cardNumber, ["number": index["number"].map { row[$0] } ?? ""]).text())
            out += """
                <g transform="translate(\(format(x)) \(format(y)))">
                  <rect width="\(width)" height="\(height)" rx="3" fill="none" stroke="#444" stroke-width="0.3"/>
                  <text x="5" y="9" font-size="4" font-weight="bold">\(association)</text>
                  <text x="5" y="24" font-size="5.5">\(value("givenName")) \(value("familyName"))</text>
                  <text x="5" y="32" font-size="3.5">\(value("district"))</text>
                  <text x="5" y="46" font-size="3.5">\(number)</text>
                  <text x="80" y="46" font-size="3" text-anchor="end">\(valid)</text>
                </g>

                """
        }
        return out + "</svg>\n</section>\n"
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
