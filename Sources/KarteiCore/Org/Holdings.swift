/// The two kinds of term a person holds for a time: an office in a body, a mandate.
public enum Term: String, Sendable, CaseIterable {
    case office, mandate

    /// The table that records terms of this kind (a fixed name, never from input).
    var table: String { rawValue }
}

/// An office and the person who holds it (as they were on the day asked for).
public struct OfficeHolding: Sendable {
    public var office: Office
    public var holder: MemberRecord
}

/// A mandate and the person who holds it.
public struct MandateHolding: Sendable {
    public var mandate: Mandate
    public var holder: MemberRecord
}

/// One person's offices and mandates.
public struct MemberTerms: Sendable {
    public var offices: [Office]
    public var mandates: [Mandate]
}

/// What renaming or merging a branch did: the branch that goes on, and the members moved to it.
public struct BranchRestructuring: Sendable {
    public var successor: OrgUnit
    /// The references of the members whose branch changed.
    public var moved: [String]
}
