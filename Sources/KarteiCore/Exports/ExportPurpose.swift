/// What an export of people is for. Each purpose gets only the fields it needs (GDPR Art. 5(1)(c),
/// data minimisation): an address list for a mailing carries no phone numbers.
public enum ExportPurpose: String, Sendable, Codable, CaseIterable, Hashable {
    /// Letters: names and postal address (mail merge).
    case mailing
    /// Address labels: the same fields, printed as labels.
    case labels
    /// E-mail invitations: names and e-mail address.
    case email
    /// A telephone chain: names and phone number.
    case phone
    /// A contact list for a body or a district board: names, e-mail, phone, town.
    case contact
    /// Membership cards: name, member number, district (SVG for printing).
    case cards

    /// The fields, in order, by their JSON/CSV names (docs/MEMBERS.md).
    public var fields: [String] {
        switch self {
        case .mailing, .labels: ["givenName", "familyName", "street", "houseNumber", "postalCode", "city"]
        case .email: ["givenName", "familyName", "email"]
        case .phone: ["givenName", "familyName", "phone"]
        case .contact: ["givenName", "familyName", "email", "phone", "city"]
        case .cards: ["number", "givenName", "familyName", "district"]
        }
    }

    /// Lists get a canary record; printed cards do not (a card for nobody would be sent to nobody).
    public var carriesCanary: Bool { self != .cards }

    func values(_ r: MemberRecord) -> [String] {
        fields.map { field in
            switch field {
            case "number": r.number.map(String.init) ?? ""
            case "givenName": r.givenName
            case "familyName": r.familyName
            case "street": r.street
            case "houseNumber": r.houseNumber
            case "postalCode": r.postalCode
            case "city": r.city
            case "email": r.email
            case "phone": r.phone
            case "district": r.district
            default: ""
            }
        }
    }
}
