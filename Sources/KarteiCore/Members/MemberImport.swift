import Foundation
import KarteiMessages

/// Reads a member CSV (docs/MEMBERS.md, "Import"): German spreadsheet conventions, a header line
/// whose names map to fields (German or English), one person per line. Every line is checked
/// before anything is written; any problem and nothing is imported.
public enum MemberImport {
    /// Header names (folded: lowercase, letters and digits only) → field key.
    static let aliases: [String: String] = {
        let table: [String: [String]] = [
            "number": ["number", "mitgliedsnummer", "mitgliedsnr", "nr", "nummer"],
            "kind": ["kind", "art"],
            "status": ["status"],
            "givenName": ["givenname", "vorname"],
            "familyName": ["familyname", "nachname", "name", "familienname"],
            "birthDate": ["birthdate", "geburtsdatum", "geboren"],
            "gender": ["gender", "geschlecht"],
            "street": ["street", "strasse"],
            "houseNumber": ["housenumber", "hausnummer", "hausnr"],
            "postalCode": ["postalcode", "plz", "postleitzahl"],
            "city": ["city", "ort", "wohnort", "stadt"],
            "email": ["email", "mail"],
            "phone": ["phone", "telefon", "tel"],
            "district": ["district", "kreisverband", "kv"],
            "branch": ["branch", "ortsverband", "ov"],
            "entryDate": ["entrydate", "eintritt", "eintrittsdatum"],
            "exitDate": ["exitdate", "austritt", "austrittsdatum"],
            "dues": ["dues", "beitrag", "monatsbeitrag"],
        ]
        var result: [String: String] = [:]
        for (field, names) in table { for name in names { result[name] = field } }
        return result
    }()

    /// The header the generator writes and `member list --format csv` reads back.
    public static let header = ["number", "kind", "status", "givenName", "familyName", "birthDate", "gender", "street",
                                "houseNumber", "postalCode", "city", "email", "phone", "district", "branch", "entryDate",
                                "exitDate", "dues"]

    static let required = ["givenName", "familyName", "district", "entryDate"]

    static func fold(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "ß", with: "ss").filter { $0.isLetter || $0.isNumber }
    }

    /// One person read from a line, with the dates of their history.
    struct Row {
        var line: Int
        var record: MemberRecord
        var exitEvent: MemberEvent?
    }

    /// Parses and checks a whole file. Throws `MemberDataError` listing every problem, by line and
    /// column, or returns the people to insert.
    static func rows(_ data: Data, file: String, validation: MemberValidation) throws -> [Row] {
        let records: [GermanCSV.Record]
        do {
            records = try GermanCSV.parse(data)
        } catch {
            throw CoreError(.memberImportUnreadable, ["file": file, "line": String(error.line), "column": String(error.column)])
        }
        guard let headerRecord = records.first else { throw CoreError(.importEmpty, ["file": file]) }
        var columns: [String: Int] = [:]
        // The header's own text is not repeated either (no names: it may be a person's line).
        var problems = fieldProblems(headerRecord, names: [])
        for (index, name) in headerRecord.fields.enumerated() {
            guard let field = aliases[fold(name)] else {
                // Not repeated: in a file without a header line this is a person's data.
                problems.append(MemberProblem(field: "", .problemUnknownColumn, line: headerRecord.line, column: index + 1))
                continue
            }
            if let other = columns[field] {
                problems.append(MemberProblem(field: name, .problemColumnTwice, ["other": String(other + 1), "name": field],
                                              line: headerRecord.line, column: index + 1))
                continue
            }
            columns[field] = index
        }
        for field in required where columns[field] == nil {
            problems.append(MemberProblem(field: field, .problemMissingColumn, ["name": field], line: headerRecord.line, column: nil))
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
        guard records.count > 1 else { throw CoreError(.importNoRows, ["file": file]) }

        var rows: [Row] = []
        var numbers: [Int: Int] = [:]
        rows.reserveCapacity(records.count)
        for line in records.dropFirst() {
            let (row, rowProblems) = parse(line, columns: columns, headerFields: headerRecord.fields, validation: validation)
            problems += rowProblems
            if let number = row?.record.number {
                if let other = numbers[number] {
                    problems.append(MemberProblem(field: "number", .problemNumberTwice, ["number": String(number), "other": String(other)],
                                                  line: line.line, column: columns["number"].map { $0 + 1 }))
                } else {
                    numbers[number] = line.line
                }
            }
            if let row, rowProblems.isEmpty { rows.append(row) }
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
        return rows
    }

    private static func parse(_ line: GermanCSV.Record, columns: [String: Int], headerFields: [String],
                              validation: MemberValidation) -> (Row?, [MemberProblem]) {
        guard line.fields.count == headerFields.count else {
            return (nil, [MemberProblem(field: "", .problemColumns, ["count": String(line.fields.count),
                                                                     "expected": String(headerFields.count)],
                                        line: line.line, column: nil)])
        }
        var problems = fieldProblems(line, names: headerFields)
        func value(_ field: String) -> String {
            columns[field].map { GermanCSV.trimmed(line.fields[$0]) } ?? ""
        }
        /// Problems name the column as the file's header does.
        func headerName(_ field: String) -> String { columns[field].map { headerFields[$0] } ?? field }
        func problem(_ field: String, _ key: MessageKey, _ arguments: [String: String] = [:]) {
            problems.append(MemberProblem(field: headerName(field), key, arguments, line: line.line,
                                          column: columns[field].map { $0 + 1 }))
        }
        func date(_ field: String) -> String? {
            let text = value(field)
            guard !text.isEmpty else { return nil }
            guard let parsed = CalendarDate.parse(text) else {
                problem(field, .problemDate)
                return nil
            }
            return parsed.iso
        }
        var number: Int?
        if !value("number").isEmpty {
            number = Int(value("number")).flatMap { $0 > 0 ? $0 : nil }
            if number == nil { problem("number", .problemNumber) }
        }
        let kind = value("kind").isEmpty ? PersonKind.member : PersonKind(rawValue: value("kind"))
        if kind == nil { problem("kind", .problemKind, ["value": value("kind")]) }
        let status = value("status").isEmpty ? (value("exitDate").isEmpty ? MemberStatus.active : .resigned)
            : MemberStatus(rawValue: value("status"))
        if status == nil { problem("status", .problemStatus, ["value": value("status")]) }
        var dues = 0
        if !value("dues").isEmpty {
            switch EuroAmount.parse(value("dues")) {
            case .success(let cents): dues = cents
            case .failure(let reason): problem("dues", reason.messageKey, reason.message.arguments)
            }
        }
        let entry = date("entryDate")
        if entry == nil && value("entryDate").isEmpty { problem("entryDate", .problemRequired) }
        let exit = date("exitDate")
        let exitEvent: MemberEvent? = switch status {
        case .resigned: .resignation
        case .deceased: .death
        case .expelled: .expulsion
        case .transferred: .transferOut
        case .rejected: .rejection
        default: nil
        }
        if exitEvent != nil && exit == nil && value("exitDate").isEmpty { problem("exitDate", .problemRequired) }
        if exitEvent == nil && exit != nil { problem("status", .problemExitWithoutStatus) }
        if status == .pending && number != nil { problem("number", .problemPendingNumber) }
        let birth = date("birthDate")
        // The record as far as it could be read, so that the rules below find every other problem too.
        let record = MemberRecord(number: number, kind: kind ?? .member, status: status == .pending ? .pending : .active,
                                  givenName: value("givenName"), familyName: value("familyName"), birthDate: birth,
                                  gender: value("gender"), street: value("street"), houseNumber: value("houseNumber"),
                                  postalCode: value("postalCode"), city: value("city"), email: value("email"),
                                  phone: value("phone"), district: value("district"), branch: value("branch"),
                                  entryDate: entry, exitDate: exit, duesCents: dues, validFrom: entry ?? "", event: .entry,
                                  reason: "import")
        let reported = Set(problems.map(\.field))
        for found in validation.problems(record) where !reported.contains(headerName(found.field)) {
            problem(found.field, found.message.key, found.message.arguments)
        }
        guard problems.isEmpty, kind != nil, status != nil, entry != nil else { return (nil, problems) }
        return (Row(line: line.line, record: record, exitEvent: exitEvent), problems)
    }

    /// The fields of a line that no import accepts (control or invisible characters, too long), each
    /// named by its column's header (`names`).
    static func fieldProblems(_ record: GermanCSV.Record, names: [String]) -> [MemberProblem] {
        record.problems.map { found in
            let name = found.column <= names.count ? names[found.column - 1] : ""
            return MemberProblem(field: name, found.messageKey, found.messageArguments, line: record.line, column: found.column)
        }
    }

    /// The CSV fields of one record, in `header` order.
    public static func fields(_ r: MemberRecord) -> [String] {
        [r.number.map(String.init) ?? "", r.kind.rawValue, r.status.rawValue, r.givenName, r.familyName,
         r.birthDate.flatMap(CalendarDate.parse)?.german ?? "", r.gender, r.street, r.houseNumber, r.postalCode, r.city,
         r.email, r.phone, r.district, r.branch, r.entryDate.flatMap(CalendarDate.parse)?.german ?? "",
         r.exitDate.flatMap(CalendarDate.parse)?.german ?? "", GermanCSV.euros(r.duesCents)]
    }
}
