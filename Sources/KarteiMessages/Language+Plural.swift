extension Language {
    /// How many plural forms a text of this language has (CLDR: German and English have two,
    /// "one" and "other").
    public var pluralFormCount: Int { 2 }

    /// Which plural form a number takes: 0 ("one") for exactly 1, else 1 ("other"), in German and
    /// English alike. 0 takes "other": "0 Personen", "0 people".
    public func pluralForm(for count: Int) -> Int { count == 1 ? 0 : 1 }

    /// The form a text takes when no number chooses one ("other").
    public var otherPluralForm: Int { 1 }

    /// The `Plural-Forms` header a PO file of this language must carry: the same rule in C
    /// syntax, for translators' tools.
    public var pluralFormsHeader: String { "nplurals=2; plural=(n != 1);" }
}
