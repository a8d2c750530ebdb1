/// A person as the member file knows them on one day: one version of their history.
/// Dates are ISO `yyyy-mm-dd`. JSON: docs/MEMBERS.md.
public struct MemberRecord: Sendable, Hashable, Codable {
    /// The member number; nil while an entry is pending.
    public var number: Int?
    /// The person's internal id (for pending entries, written `#id` on the command line).
    public var personID: Int64
    public var kind: PersonKind
    public var status: MemberStatus
    public var givenName: String
    public var familyName: String
    public var birthDate: String?
    /// `f`, `m`, `d` or empty.
    public var gender: String
    public var street: String
    public var houseNumber: String
    public var postalCode: String
    public var city: String
    public var email: String
    public var phone: String
    public var district: String
    /// Local branch (Ortsverband); empty when none is recorded.
    public var branch: String
    public var entryDate: String?
    public var exitDate: String?
    /// Monthly dues in cents; 0 = exempt.
    public var duesCents: Int
    /// This version holds from this day …
    public var validFrom: String
    /// … up to (not including) this day; nil = still holds.
    public var validTo: String?
    public var event: MemberEvent
    public var reason: String
    /// When the person's identifying data was erased (docs/MEMBERS.md, "Erasure"); nil if not.
    public var erasedAt: String?

    public init(number: Int?, personID: Int64 = 0, kind: PersonKind = .member, status: MemberStatus = .active,
                givenName: String, familyName: String, birthDate: String? = nil, gender: String = "",
                street: String = "", houseNumber: String = "", postalCode: String = "", city: String = "",
                email: String = "", phone: String = "", district: String, branch: String = "",
                entryDate: String? = nil, exitDate: String? = nil, duesCents: Int = 0,
                validFrom: String, validTo: String? = nil, event: MemberEvent = .entry, reason: String = "",
                erasedAt: String? = nil) {
        self.number = number
        self.personID = personID
        self.kind = kind
        self.status = status
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
        self.entryDate = entryDate
        self.exitDate = exitDate
        self.duesCents = duesCents
        self.validFrom = validFrom
        self.validTo = validTo
        self.event = event
        self.reason = reason
        self.erasedAt = erasedAt
    }

    /// The reference to use on the command line: the member number, or `#id` for a pending entry.
    public var reference: String { number.map(String.init) ?? "#\(personID)" }
}

/// One member with their whole history (newest last).
public struct MemberDetail: Sendable, Codable {
    public var current: MemberRecord
    public var history: [MemberRecord]
    /// Party offices and public mandates, past and present.
    public var offices: [Office] = []
    public var mandates: [Mandate] = []
    /// For a person who came from another state association: the versions their transfer
    /// package carried, as the sending association recorded them (docs/MEMBERS.md, "Transfers
    /// between state associations"). They are not part of this vault's timeline: no as-of query,
    /// count or dues account sees them. Absent (JSON: no key) for everyone else.
    public var importedHistory: [MemberRecord]? = nil
}
