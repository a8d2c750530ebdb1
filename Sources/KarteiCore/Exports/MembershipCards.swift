import Foundation

/// Membership cards as one printable SVG: credit-card size (85.6 × 54 mm), ten to an A4 page,
/// pages stacked vertically. Text only from the export's fields; XML-escaped.
public enum MembershipCards {
    public static func svg(_ export: MemberExport, association: String, validUntil: String) -> String {
        let width = 85.6, height = 54.0, margin = 12.0, gap = 4.0, pageHeight = 297.0
        let pages = max(1, (export.rows.count + 9) / 10)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="\(Double(pages) * pageHeight)mm" \
            viewBox="0 0 210 \(Double(pages) * pageHeight)" font-family="DejaVu Sans, Arial, sans-serif">

            """
        let index = Dictionary(uniqueKeysWithValues: export.fields.enumerated().map { ($1, $0) })
        for (n, row) in export.rows.enumerated() {
            func value(_ field: String) -> String { index[field].map { escape(row[$0]) } ?? "" }
            let page = n / 10, slot = n % 10
            let x = margin + Double(slot % 2) * (width + gap)
            let y = Double(page) * pageHeight + margin + Double(slot / 2) * (height + gap)
            out += """
                <g transform="translate(\(x) \(y))">
                  <rect width="\(width)" height="\(height)" rx="3" fill="none" stroke="#444" stroke-width="0.3"/>
                  <text x="5" y="9" font-size="4" font-weight="bold">\(escape(association))</text>
                  <text x="5" y="24" font-size="5.5">\(value("givenName")) \(value("familyName"))</text>
                  <text x="5" y="32" font-size="3.5">\(value("district"))</text>
                  <text x="5" y="46" font-size="3.5">Nr. \(value("number"))</text>
                  <text x="80" y="46" font-size="3" text-anchor="end">\(escape(validUntil))</text>
                </g>

                """
        }
        return out + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
