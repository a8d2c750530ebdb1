import Foundation

/// The rules a person's data must keep (docs/MEMBERS.md, "Rules"). Pure: the caller supplies the
/// known districts and today's date.
public struct MemberValidation: Sendable {
    public var districts: Set<String>
    public var today: CalendarDate
    /// Youngest age at entry (party statutes: 14, some 16).
    public var minimumEntryAge: Int
    /// Branch names per district: a person's branch must be one of their district's.
    public var branches: [String: Set<String>]

    public init(districts: Set<String>, today: CalendarDate, minimumEntryAge: Int = 14, branches: [String: Set<String>] = [:]) {
        self.branches = branches
        self.districts = districts
        self.today = today
        self.minimumEntryAge = minimumEntryAge
    }

    /// The most characters a text field may have (docs/MEMBERS.md, "Rules"); the other text fields
    /// have their own rules (postal code, gender, district and branch from the vault's lists).
    public static let maxLength: [String: Int] = [
        "givenName": 200, "familyName": 200, "street": 200, "houseNumber": 20, "city": 200, "email": 254, "phone": 100,
    ]

    /// Everything wrong with one version of a person.
    public func problems(_ record: MemberRecord) -> [MemberProblem] {
        var problems: [MemberProblem] = []
        // No control or invisible characters anywhere, and no field longer than its limit: these
        // come first, a field with such a problem is not checked further.
        let texts: [(String, String)] = [
            ("givenName", record.givenName), ("familyName", record.familyName), ("gender", record.gender),
            ("street", record.street), ("houseNumber", record.houseNumber), ("postalCode", record.postalCode),
            ("city", record.city), ("email", record.email), ("phone", record.phone), ("district", record.district),
            ("branch", record.branch),
        ]
        for (field, text) in texts {
            if let found = GermanCSV.forbiddenCharacter(in: text) {
                let code = GermanCSV.FieldProblem(column: 0, kind: found.kind, code: found.code, quoted: false)
                problems.append(MemberProblem(field: field, code.messageKey, code.messageArguments))
            } else if let limit = Self.maxLength[field], TextRule.exceeds(text, limit: limit) {
                problems.append(MemberProblem(field: field, .problemTooLong, ["limit": String(limit)]))
            }
        }
        let flagged = Set(problems.map(\.field)), firstChecks = problems.count
        if GermanCSV.trimmed(record.givenName).isEmpty {
            problems.append(MemberProblem(field: "givenName", .problemRequired))
        }
        if GermanCSV.trimmed(record.familyName).isEmpty {
            problems.append(MemberProblem(field: "familyName", .problemRequired))
        }
        if record.district.isEmpty {
            problems.append(MemberProblem(field: "district", .problemRequired))
        } else if !districts.contains(record.district) {
            problems.append(MemberProblem(field: "district", .problemDistrict, ["district": record.district]))
        }
        if !record.branch.isEmpty, !(branches[record.district]?.contains(record.branch) ?? false) {
            problems.append(MemberProblem(field: "branch", .problemBranch, ["branch": record.branch, "district": record.district]))
        }
        if !["", "f", "m", "d"].contains(record.gender) {
            problems.append(MemberProblem(field: "gender", .problemGender))
        }
        if !record.postalCode.isEmpty, !(record.postalCode.count == 5 && record.postalCode.allSatisfy(\.isASCIIDigit)) {
            problems.append(MemberProblem(field: "postalCode", .problemPostalCode))
        }
        if !record.email.isEmpty, !Self.looksLikeEmail(record.email) {
            problems.append(MemberProblem(field: "email", .problemEmail))
        }
        if record.duesCents < 0 {
            problems.append(MemberProblem(field: "dues", .problemAmount))
        }
        let birth = record.birthDate.flatMap(CalendarDate.parse)
        if let text = record.birthDate, birth == nil {
            problems.append(MemberProblem(field: "birthDate", .problemDate))
        } else if let birth, today < birth {
            problems.append(MemberProblem(field: "birthDate", .problemFuture))
        }
        let entry = record.entryDate.flatMap(CalendarDate.parse)
        if let text = record.entryDate, entry == nil {
            problems.append(MemberProblem(field: "entryDate", .problemDate))
        }
        if let birth, let entry, record.kind == .member,
           entry < birth.addingYears(minimumEntryAge) {
            problems.append(MemberProblem(field: "entryDate", .problemTooYoung, ["age": String(minimumEntryAge)]))
        }
        if let text = record.exitDate {
            if let exit = CalendarDate.parse(text) {
                if let birth, exit < birth {
                    problems.append(MemberProblem(field: "exitDate", .problemBeforeBirth))
                } else if let entry, exit < entry {
                    problems.append(MemberProblem(field: "exitDate", .problemBeforeEntry))
                }
            } else {
                problems.append(MemberProblem(field: "exitDate", .problemDate))
            }
        }
        // A field with a forbidden character or too long is named once, for that.
        return problems.enumerated().filter { index, problem in index < firstChecks || !flagged.contains(problem.field) }
            .map(\.element)
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
