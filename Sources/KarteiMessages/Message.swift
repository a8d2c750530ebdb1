/// A user-facing message: a catalogue key plus the values of its placeholders.
///
/// Placeholders are written `{name}` in both languages of the catalogue. Values must never carry
/// personal data (names, addresses, birth dates): use record ids, file names and counts.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let key: MessageKey
    public let arguments: [String: String]

    public init(_ key: MessageKey, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The text in the given language, placeholders filled in.
    public func text(in language: Language = .current) -> String {
        Message.fill(key.template(in: language), with: arguments)
    }

    public var description: String { text() }

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
