/// The fields a change sets; nil leaves a field as it is. Used for changes, moves and as the
/// details of a new person.
public struct MemberChange: Sendable, Hashable, Codable {
    public var kind: PersonKind?
    public var givenName: String?
    public var familyName: String?
    public var birthDate: String?
    public var gender: String?
    public var street: String?
    public var houseNumber: String?
    public var postalCode: String?
    public var city: String?
    public var email: String?
    public var phone: String?
    public var district: String?
    public var branch: String?
    public var duesCents: Int?

    public init(kind: PersonKind? = nil, givenName: String? = nil, familyName: String? = nil, birthDate: String? = nil,
                gender: String? = nil, street: String? = nil, houseNumber: String? = nil, postalCode: String? = nil,
                city: String? = nil, email: String? = nil, phone: String? = nil, district: String? = nil,
                branch: String? = nil, duesCents: Int? = nil) {
        self.kind = kind
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.gender = gender
        self.street = street
        self.houseNumber = houseNumber
        self.postalCode = postalCode
        self.city = city
        self.email = email
        self.phone = phone
        self.district = district
        self.branch = branch
        self.duesCents = duesCents
    }

    /// True when only postal address and contact change: district officers may do that
    /// (`memberContactWrite`); everything else is `memberWrite`.
    public var isContactOnly: Bool {
        kind == nil && givenName == nil && familyName == nil && birthDate == nil && gender == nil && district == nil
            && branch == nil && duesCents == nil
    }

    public var isEmpty: Bool {
        isContactOnly && street == nil && houseNumber == nil && postalCode == nil && city == nil && email == nil && phone == nil
    }

    /// The record with these fields set.
    public func applied(to record: MemberRecord) -> MemberRecord {
        var result = record
        if let kind { result.kind = kind }
        if let givenName { result.givenName = givenName }
        if let familyName { result.familyName = familyName }
        if let birthDate { result.birthDate = birthDate.isEmpty ? nil : birthDate }
        if let gender { result.gender = gender }
        if let street { result.street = street }
        if let houseNumber { result.houseNumber = houseNumber }
        if let postalCode { result.postalCode = postalCode }
        if let city { result.city = city }
        if let email { result.email = email }
        if let phone { result.phone = phone }
        if let district { result.district = district }
        if let branch { result.branch = branch }
        if let duesCents { result.duesCents = duesCents }
        return result
    }
}
