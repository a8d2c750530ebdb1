/// A user-facing message: a catalogue key plus the values of its placeholders.
///
/// Placeholders are written `{name}` in both languages of the catalogue. Values must never carry
/// personal data (names, addresses, birth dates): use record ids, file names and counts.
///
/// `{count}` is the one placeholder with a meaning of its own: when the message has plural forms
/// (`msgid_plural` in its PO entry), the number in `count` chooses the form by the language's rule
/// (`Language.pluralForm(for:)`). Pass it with `Message(.key, count: n)`.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let key: MessageKey
    public let arguments: [String: String]

    public init(_ key: MessageKey, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// A message whose plural form `count` chooses; `count` also fills `{count}`.
    public init(_ key: MessageKey, count: some BinaryInteger, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments.merging(["count": String(count)]) { _, count in count }
    }

    /// The number that chooses the plural form, if the message has one.
    public var count: Int? { arguments["count"].flatMap { Int($0) } }

    /// The text in the given language, placeholders filled in. A text missing in that language
    /// falls back to English, then to the key and its arguments (never a crash).
    public func text(in language: Language = .current) -> String {
        text(in: language, using: .shared)
    }

    /// The text from a given catalogue (tests use one of their own).
    public func text(in language: Language, using catalogue: MessageCatalogue) -> String {
        guard let template = catalogue.template(key, in: language, count: count) else {
            return Message.fallback(key, arguments)
        }
        return Message.fill(template, with: arguments)
    }

    public var description: String { text() }

    /// What is shown when the catalogue has no text at all: the key and the arguments.
    static func fallback(_ key: MessageKey, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty else { return key.rawValue }
        return key.rawValue + " (" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            .joined(separator: ", ") + ")"
    }

    static func fill(_ template: String, with arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        result.reserveCapacity(template.count)
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{", let close = template[index...].firstIndex(of: "}") {
                let name = String(template[template.index(after: index)..<close])
                if let value = arguments[name] {
                    result += value
                    index = template.index(after: close)
                    continue
                }
            }
            result.append(character)
            index = template.index(after: index)
        }
        return result
    }

    /// The placeholder names a template uses.
    public static func placeholders(in template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
