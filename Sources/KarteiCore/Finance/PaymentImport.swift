import Foundation
import KarteiMessages

/// Reads a bank's CSV export of account movements (docs/FINANCE.md, "Importing payments"):
/// German conventions (`;`, dates `dd.mm.yyyy` or `dd.mm.yy`, amounts `1.234,56`), a header line
/// with at least a booking date, an amount and a Verwendungszweck; lines before the header (the
/// account details some banks write first) and columns the import does not need are skipped.
/// Each line must be a positive amount whose Verwendungszweck names exactly one member number.
/// Every line is checked before anything is written.
public enum PaymentImport {
    /// Header names (folded) → field.
    static let aliases: [String: String] = {
        let table: [String: [String]] = [
            "bookingDate": ["buchungstag", "buchungsdatum", "buchung", "datum", "bookingdate", "date"],
            "amount": ["betrag", "betrageur", "umsatz", "amount", "betragineur"],
            "reference": ["verwendungszweck", "vwz", "reference", "purpose", "remittanceinformation"],
            // Some banks (Commerzbank) put the Verwendungszweck into Buchungstext; others (Sparkasse)
            // have both, Buchungstext being the kind of booking. Used only without a reference column.
            "referenceFallback": ["buchungstext"],
            "currency": ["waehrung", "währung", "currency"],
        ]
        var result: [String: String] = [:]
        for (field, names) in table { for name in names { result[name] = field } }
        return result
    }()

    static let required = ["bookingDate", "amount", "reference"]

    /// One line ready to book.
    struct Line {
        var line: Int
        var bookingDate: String
        var amountCents: Int
        var reference: String
        var memberNumber: Int
        var personID: Int64
    }

    /// Parses and matches a whole file against the member numbers (`number → person id`).
    /// Throws `MemberDataError` listing every problem, or returns the lines.
    static func lines(_ data: Data, file: String, members: [Int: Int64]) throws -> [Line] {
        let records: [GermanCSV.Record]
        do {
            records = try GermanCSV.parse(data)
        } catch {
            throw CoreError(.memberImportUnreadable, ["file": file, "line": String(error.line), "column": String(error.column)])
        }
        guard !records.isEmpty else { throw CoreError(.importEmpty, ["file": file]) }
        // The header is the first line naming a booking date and an amount.
        let headerIndex = records.firstIndex { record in
            let fields = Set(record.fields.compactMap { aliases[MemberImport.fold($0)] })
            return fields.contains("bookingDate") && fields.contains("amount")
        }
        guard let headerIndex else {
            throw MemberDataError(problems: ["Buchungstag", "Betrag"].map {
                MemberProblem(field: $0, .problemMissingColumn, ["name": $0], line: records.first?.line ?? 1)
            }, file: file)
        }
        let header = records[headerIndex]
        var currencies: [Int] = []
        var columns: [String: Int] = [:]
        var problems = MemberImport.fieldProblems(header, names: header.fields)
        for (index, name) in header.fields.enumerated() {
            guard let field = aliases[MemberImport.fold(name)] else { continue }
            if let other = columns[field] {
                // A bank may write one currency column per amount (ING: Saldo;Währung;Betrag;Währung):
                // every currency column is checked. Any other field named twice is refused.
                if field == "currency" { currencies.append(index); continue }
                problems.append(MemberProblem(field: name, .problemColumnTwice, ["other": String(other + 1), "name": field],
                                              line: header.line, column: index + 1))
                continue
            }
            columns[field] = index
            if field == "currency" { currencies.append(index) }
        }
        if columns["reference"] == nil { columns["reference"] = columns["referenceFallback"] }
        columns["referenceFallback"] = nil
        for field in required where columns[field] == nil {
            problems.append(MemberProblem(field: field, .problemMissingColumn, ["name": field], line: header.line))
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
        let needed = (columns.values.max() ?? 0) + 1

        var result: [Line] = []
        for record in records[(headerIndex + 1)...] {
            guard record.fields.count >= needed else {
                problems.append(MemberProblem(field: "", .problemColumns, ["count": String(record.fields.count),
                                                                         "expected": String(header.fields.count)], line: record.line))
                continue
            }
            // Some banks break a long Verwendungszweck into lines inside its quotes: a tab or line break
            // in a quoted field is a space here; every other forbidden character is refused.
            var record = record
            var lineProblems: [MemberProblem] = []
            for found in record.problems {
                guard found.kind == .control, found.quoted, [0x09, 0x0A, 0x0D].contains(found.code) else {
                    lineProblems += MemberImport.fieldProblems(GermanCSV.Record(line: record.line, fields: [], problems: [found]),
                                                               names: header.fields)
                    continue
                }
                let spaced = String(record.fields[found.column - 1].unicodeScalars.map { scalar -> Character in
                    [0x09, 0x0A, 0x0D].contains(scalar.value) ? " " : Character(scalar)
                })
                record.fields[found.column - 1] = spaced
                if let other = GermanCSV.forbiddenCharacter(in: spaced) {
                    let again = GermanCSV.FieldProblem(column: found.column, kind: other.kind, code: other.code, quoted: true)
                    lineProblems += MemberImport.fieldProblems(GermanCSV.Record(line: record.line, fields: [], problems: [again]),
                                                               names: header.fields)
                }
            }
            func value(_ field: String) -> String {
                columns[field].map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            }
            func problem(_ field: String, _ key: MessageKey, _ arguments: [String: String] = [:]) {
                lineProblems.append(MemberProblem(field: columns[field].map { header.fields[$0] } ?? field, key, arguments,
                                                  line: record.line, column: columns[field].map { $0 + 1 }))
            }
            let date = bookingDate(value("bookingDate"))
            if date == nil {
                if value("bookingDate").isEmpty { problem("bookingDate", .problemRequired) }
                else { problem("bookingDate", .problemDate) }
            }
            var amount: Int?
            if value("amount").isEmpty {
                problem("amount", .problemRequired)
            } else {
                switch EuroAmount.parse(value("amount"), allowingSign: true) {
                case .success(let cents):
                    amount = cents
                    if cents <= 0 { problem("amount", .problemPaymentNotPositive) }
                case .failure(let reason):
                    problem("amount", reason.messageKey, reason.message.arguments)
                }
            }
            for column in currencies {
                let currency = record.fields[column].trimmingCharacters(in: .whitespaces).uppercased()
                if !currency.isEmpty && currency != "EUR" && currency != "€" {
                    lineProblems.append(MemberProblem(field: header.fields[column], .problemCurrency, ["value": currency],
                                                      line: record.line, column: column + 1))
                }
            }
            let reference = value("reference")
            var match: (Int, Int64)?
            let found = candidates(in: reference, members: members)
            if found.isEmpty {
                problem("reference", .problemPaymentNoMember)
            } else if found.count == 1 {
                match = found[0]
            } else {
                problem("reference", .problemPaymentAmbiguous, ["numbers": found.map { String($0.0) }.joined(separator: ", ")])
            }
            problems += lineProblems
            guard lineProblems.isEmpty, let date, let amount, let match else { continue }
            result.append(Line(line: record.line, bookingDate: date.iso, amountCents: amount, reference: reference,
                               memberNumber: match.0, personID: match.1))
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
        return result
    }

    /// `dd.mm.yyyy`, `dd.mm.yy` (20yy) or `yyyy-mm-dd`.
    static func bookingDate(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: ".")
        if parts.count == 3, parts[2].count == 2, let year = Int(parts[2]), let month = Int(parts[1]), let day = Int(parts[0]) {
            let date = CalendarDate(year: 2000 + year, month: month, day: day)
            return date.isValid ? date : nil
        }
        return CalendarDate.parse(text)
    }

    /// The member numbers a Verwendungszweck names: every run of digits that is a member number.
    /// When more than one is found, four-digit runs that look like a year (1900–2099) are dropped
    /// ("Beitrag 100734 2026" names member 100734 even if there is a member 2026).
    static func candidates(in text: String, members: [Int: Int64]) -> [(Int, Int64)] {
        var runs: [Substring] = []
        var current = text.startIndex
        while current < text.endIndex {
            guard text[current].isASCIIDigit else { current = text.index(after: current); continue }
            let start = current
            while current < text.endIndex, text[current].isASCIIDigit { current = text.index(after: current) }
            runs.append(text[start..<current])
        }
        var found: [(Int, Int64, isYear: Bool)] = []
        for run in runs where run.count <= 12 {
            guard let number = Int(run), let person = members[number], !found.contains(where: { $0.0 == number }) else { continue }
            found.append((number, person, run.count == 4 && (1900...2099).contains(number)))
        }
        if found.count > 1 { found.removeAll { $0.isYear } }
        return found.map { ($0.0, $0.1) }
    }
}
