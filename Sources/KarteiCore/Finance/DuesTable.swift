import Foundation
import KarteiMessages

/// The dues table that holds from one day on (docs/FINANCE.md, "Dues table"). A new table
/// replaces the whole previous one from its day; older tables stay for the record.
public struct DuesTable: Sendable, Hashable, Codable {
    /// ISO `yyyy-mm-dd`.
    public var validFrom: String
    /// Sorted by lower income bound; exempt brackets last.
    public var brackets: [DuesBracket]

    public init(validFrom: String, brackets: [DuesBracket]) {
        self.validFrom = validFrom
        self.brackets = brackets.sorted { a, b in
            (a.isExempt ? 1 : 0, a.incomeFromCents, a.label) < (b.isExempt ? 1 : 0, b.incomeFromCents, b.label)
        }
    }

    /// The income bracket for a monthly net income (exempt brackets are not chosen by income).
    public func bracket(forIncomeCents income: Int) -> DuesBracket? {
        brackets.first { !$0.isExempt && $0.contains(incomeCents: income) }
    }

    /// Everything wrong with a table: empty or duplicate labels, negative amounts, a band whose
    /// end lies before its start, bands that overlap or leave a gap. Problems carry the 1-based
    /// position of the bracket as `line` when `lines` is nil, else the given file lines.
    public static func problems(_ brackets: [DuesBracket], lines: [Int]? = nil) -> [MemberProblem] {
        var problems: [MemberProblem] = []
        func line(_ index: Int) -> Int { lines?[index] ?? index + 1 }
        if brackets.isEmpty { problems.append(MemberProblem(field: "label", .problemDuesTableEmpty)) }
        var labels: [String: Int] = [:]
        for (index, bracket) in brackets.enumerated() {
            let label = bracket.label.trimmingCharacters(in: .whitespaces)
            if label.isEmpty {
                problems.append(MemberProblem(field: "label", .problemRequired, line: line(index)))
            } else if let other = labels[label] {
                problems.append(MemberProblem(field: "label", .problemDuesLabelTwice, ["other": String(other)], line: line(index)))
            } else {
                labels[label] = line(index)
            }
            if bracket.incomeFromCents < 0 { problems.append(MemberProblem(field: "incomeFrom", .problemAmountSign, line: line(index))) }
            if bracket.duesCents < 0 { problems.append(MemberProblem(field: "dues", .problemAmountSign, line: line(index))) }
            if let to = bracket.incomeToCents, to < bracket.incomeFromCents {
                problems.append(MemberProblem(field: "incomeTo", .problemDuesBandReversed, line: line(index)))
            }
        }
        // Income bands, in order: each starts one cent after the previous one ends.
        let bands = brackets.enumerated().filter { !$0.element.isExempt }.sorted { $0.element.incomeFromCents < $1.element.incomeFromCents }
        for (previous, next) in zip(bands, bands.dropFirst()) {
            guard let end = previous.element.incomeToCents else {
                problems.append(MemberProblem(field: "incomeFrom", .problemDuesBandOverlap, ["other": String(line(previous.offset))],
                                              line: line(next.offset)))
                continue
            }
            if next.element.incomeFromCents <= end {
                problems.append(MemberProblem(field: "incomeFrom", .problemDuesBandOverlap, ["other": String(line(previous.offset))],
                                              line: line(next.offset)))
            } else if next.element.incomeFromCents > end + 1 {
                problems.append(MemberProblem(field: "incomeFrom", .problemDuesBandGap,
                                              ["other": String(line(previous.offset)), "from": GermanCSV.euros(end + 1)],
                                              line: line(next.offset)))
            }
        }
        return problems
    }

    // MARK: CSV

    /// Header names (folded) → field.
    static let aliases: [String: String] = {
        let table: [String: [String]] = [
            "label": ["label", "bezeichnung", "stufe", "beitragsstufe"],
            "incomeFrom": ["incomefrom", "einkommenvon", "von", "nettoeinkommenvon"],
            "incomeTo": ["incometo", "einkommenbis", "bis", "nettoeinkommenbis"],
            "dues": ["dues", "beitrag", "monatsbeitrag"],
        ]
        var result: [String: String] = [:]
        for (field, names) in table { for name in names { result[name] = field } }
        return result
    }()

    /// The header `dues table list --format csv` writes and `dues table set` reads.
    public static let header = ["label", "incomeFrom", "incomeTo", "dues"]

    /// The CSV fields of one bracket, in `header` order.
    public static func fields(_ bracket: DuesBracket) -> [String] {
        [bracket.label, GermanCSV.euros(bracket.incomeFromCents), bracket.incomeToCents.map(GermanCSV.euros) ?? "",
         GermanCSV.euros(bracket.duesCents)]
    }

    /// Reads a dues table from German CSV (`Bezeichnung;Einkommen von;Einkommen bis;Beitrag`).
    /// Throws `MemberDataError` naming every problem by line and column.
    public static func parse(_ data: Data, file: String) throws -> [DuesBracket] {
        let records: [GermanCSV.Record]
        do {
            records = try GermanCSV.parse(data)
        } catch {
            throw CoreError(.memberImportUnreadable, ["file": file, "line": String(error.line), "column": String(error.column)])
        }
        guard let header = records.first else {
            throw MemberDataError(problems: [MemberProblem(field: "label", .problemDuesTableEmpty, line: 1)], file: file)
        }
        var columns: [String: Int] = [:]
        var problems = MemberImport.fieldProblems(header, names: [])
        for (index, name) in header.fields.enumerated() {
            guard let field = aliases[MemberImport.fold(name)] else {
                problems.append(MemberProblem(field: "", .problemUnknownDuesColumn, line: header.line, column: index + 1))
                continue
            }
            if let other = columns[field] {
                problems.append(MemberProblem(field: name, .problemColumnTwice, ["other": String(other + 1), "name": field],
                                              line: header.line, column: index + 1))
                continue
            }
            columns[field] = index
        }
        for field in ["label", "incomeFrom", "dues"] where columns[field] == nil {
            problems.append(MemberProblem(field: field, .problemMissingColumn, ["name": field], line: header.line))
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }

        var brackets: [DuesBracket] = []
        var lines: [Int] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                problems.append(MemberProblem(field: "", .problemColumns, ["count": String(record.fields.count),
                                                                         "expected": String(header.fields.count)], line: record.line))
                continue
            }
            problems += MemberImport.fieldProblems(record, names: header.fields)
            func value(_ field: String) -> String {
                columns[field].map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            }
            func amount(_ field: String, required: Bool) -> Int? {
                guard let column = columns[field] else { return nil }
                let text = value(field)
                if text.isEmpty {
                    if required {
                        problems.append(MemberProblem(field: header.fields[column], .problemRequired, line: record.line,
                                                      column: column + 1))
                    }
                    return nil
                }
                switch EuroAmount.parse(text) {
                case .success(let cents):
                    return cents
                case .failure(let reason):
                    problems.append(reason.problem(field: header.fields[column], line: record.line, column: column + 1))
                    return nil
                }
            }
            let from = amount("incomeFrom", required: true)
            let to = amount("incomeTo", required: false)
            let dues = amount("dues", required: true)
            guard let from, let dues else { continue }
            brackets.append(DuesBracket(label: value("label"), incomeFromCents: from, incomeToCents: to, duesCents: dues))
            lines.append(record.line)
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
        guard !brackets.isEmpty else {
            throw MemberDataError(problems: [MemberProblem(field: "label", .problemDuesTableEmpty, line: header.line)], file: file)
        }
        // Rules across lines name the columns as the file's header does.
        for problem in Self.problems(brackets, lines: lines) {
            var located = problem
            if let column = columns[problem.field] {
                located.field = header.fields[column]
                located.column = column + 1
            }
            problems.append(located)
        }
        guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
        return brackets
    }
}
