extension MessageKey {
    /// The template of this message in a language: its text, or the "other" plural form. Falls
    /// back to English, then to the key's name.
    public func template(in language: Language) -> String {
        MessageCatalogue.shared.template(self, in: language) ?? rawValue
    }

    /// The template in a language for a number: the plural form `count` takes.
    public func template(in language: Language, count: Int) -> String {
        MessageCatalogue.shared.template(self, in: language, count: count) ?? rawValue
    }

    /// Every form of the text in a language (one, or one per plural form), without fallback.
    public func forms(in language: Language) -> [String] {
        MessageCatalogue.shared.forms(of: self, in: language) ?? []
    }

    /// Whether the text has plural forms, chosen by `{count}`.
    public var hasPluralForms: Bool { forms(in: .english).count > 1 }
}
