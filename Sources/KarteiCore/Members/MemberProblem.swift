import KarteiMessages

/// One thing wrong with a person's data: which field, and what (in the catalogue's words).
/// An import collects these per line and column before it writes anything.
public struct MemberProblem: Sendable, Hashable {
    /// The field's key as in the CSV header of docs/MEMBERS.md (`birthDate`, `district`, …).
    public var field: String
    public var message: Message
    /// 1-based line and column in an imported file; nil outside imports.
    public var line: Int?
    public var column: Int?

    public init(field: String, _ key: MessageKey, _ arguments: [String: String] = [:], line: Int? = nil, column: Int? = nil) {
        self.field = field
        self.message = Message(key, arguments)
        self.line = line
        self.column = column
    }
}

/// Data that breaks the member file's rules; nothing was written. An import lists every problem.
public struct MemberDataError: UserFacingError, Hashable {
    public var problems: [MemberProblem]
    /// The file an import read, if any.
    public var file: String?

    public init(problems: [MemberProblem], file: String? = nil) {
        self.problems = problems
        self.file = file
    }

    public var message: Message {
        if let file {
            return Message(.memberImportInvalid, ["file": file, "count": String(Set(problems.compactMap(\.line)).count)])
        }
        let first = problems.first
        return Message(.memberInvalid, ["field": first?.field ?? "", "problem": first?.message.text() ?? ""])
    }

    public var exitCode: KarteiExitCode { .dataError }
}
