/// How a command names a person: a member number (`100734`) or, for an entry that is still
/// pending and has no number yet, the person's id with a hash (`#17`).
public enum MemberReference: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case person(Int64)

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#"), let id = Int64(trimmed.dropFirst()), id > 0 {
            self = .person(id)
        } else if let number = Int(trimmed), number > 0 {
            self = .number(number)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .person(let id): "#\(id)"
        }
    }
}
