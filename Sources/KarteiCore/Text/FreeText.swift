import KarteiMessages

/// Free text a user types and kartei stores: purposes, reasons, names, labels, addresses
/// (docs/FORMATS.md §11, "Free text"). Each is checked in the core, before anything is written,
/// against the character rule (`TextRule`) and the limit of its kind. The CLI is not the only
/// client: a server calls the same functions.
public enum FreeText {
    /// What a text is, and so how long it may be.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Why data is read or exported (`--purpose`), stored in the audit log.
        case purpose
        /// Why something was changed or granted (`--reason`).
        case reason
        /// Who receives an export (`--recipient`).
        case recipient
        /// A person's, body's, unit's, district's, office's, mandate's or key holder's name.
        case name
        /// A street or a city.
        case address
        case postalCode
        /// A user's contact (e-mail address or phone number).
        case contact
        /// A mail or DNS domain.
        case domain
        /// A time-zone name, a member reference given as text.
        case identifier
        /// A file name stored with what came from it (a payment import).
        case fileName

        /// The most characters a text of this kind may have.
        public var limit: Int {
            switch self {
            case .purpose, .reason: 500
            case .recipient, .name, .address: 200
            case .postalCode: 20
            case .contact: 254
            case .domain, .fileName: 255
            case .identifier: 100
            }
        }
    }

    /// Refuses `text` if it breaks the rule: a `CoreError` (exit 65) naming `field` (the option or
    /// field the text came from) and the character's code point or the limit — never the text.
    public static func check(_ text: String, _ kind: Kind, field: String) throws {
        if let error = problem(text, kind, field: field) { throw error }
    }

    /// Checks several texts in order; the first that breaks the rule is refused.
    public static func check(_ texts: [(text: String, kind: Kind, field: String)]) throws {
        for item in texts { try check(item.text, item.kind, field: item.field) }
    }

    /// The refusal for `text`, or nil when it keeps the rule.
    public static func problem(_ text: String, _ kind: Kind, field: String) -> CoreError? {
        if let finding = TextRule.firstFinding(in: text) {
            switch finding {
            case .control: return CoreError(.textControlCharacter, ["field": field, "code": finding.codeText])
            case .invisible: return CoreError(.textInvisibleCharacter, ["field": field, "code": finding.codeText])
            case .combiningMarks:
                return CoreError(.textCombiningMarks, ["field": field, "code": finding.codeText,
                                                       "limit": String(TextRule.maxCombiningRun)])
            }
        }
        if TextRule.exceeds(text, limit: kind.limit) {
            return CoreError(.textTooLong, ["field": field, "limit": String(kind.limit)])
        }
        return nil
    }

    /// The same finding as a part of a longer message ("contains the control character U+001B …"),
    /// as imports and transfer packages list their fields' problems.
    public static func shortProblem(_ text: String, _ kind: Kind) -> Message? {
        switch TextRule.firstFinding(in: text) {
        case .control(let code): return Message(.problemControlCharacter, ["code": TextRule.codeText(code)])
        case .invisible(let code): return Message(.problemInvisibleCharacter, ["code": TextRule.codeText(code)])
        case .combiningMarks(let code):
            return Message(.problemCombiningMarks,
                           ["code": TextRule.codeText(code), "limit": String(TextRule.maxCombiningRun)])
        case nil:
            guard TextRule.exceeds(text, limit: kind.limit) else { return nil }
            return Message(.problemTooLong, ["limit": String(kind.limit)])
        }
    }
}
