import KarteiMessages

/// Confirmation letters (entry, resignation, death) as plain text in the catalogue's words, ready for
/// mail merge or printing. The text is built from one version of the person's record.
public enum ConfirmationLetter {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case entry, resignation, death
    }

    /// The letter, or nil when the record does not fit the kind (no entry date, not resigned, not deceased).
    public static func text(_ kind: Kind, for r: MemberRecord, association: String, date: CalendarDate,
                            language: Language = .current) -> String? {
        func german(_ iso: String?) -> String { iso.flatMap(CalendarDate.parse)?.german ?? "" }
        let address = [
            "\(r.givenName) \(r.familyName)",
            "\(r.street) \(r.houseNumber)".trimmingSpaces,
            "\(r.postalCode) \(r.city)".trimmingSpaces,
        ].filter { !$0.isEmpty }
        let arguments = ["association": association, "name": "\(r.givenName) \(r.familyName)", "number": r.reference,
                         "entry": german(r.entryDate), "exit": german(r.exitDate), "district": r.district,
                         "date": date.german]
        let body: MessageKey
        switch kind {
        case .entry:
            guard r.entryDate != nil, r.number != nil else { return nil }
            body = .letterEntry
        case .resignation:
            guard r.status == .resigned, r.exitDate != nil else { return nil }
            body = .letterResignation
        case .death:
            guard r.status == .deceased, r.exitDate != nil else { return nil }
            body = .letterDeath
        }
        let header = ([association, ""] + address + ["", Message(.letterPlaceDate, arguments).text(in: language), ""])
        return (header + [Message(body, arguments).text(in: language), ""]).joined(separator: "\n")
    }
}

extension String {
    var trimmingSpaces: String { GermanCSV.trimmed(self) }
}
