/// What a person in the member file is to the association.
public enum PersonKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// A party member (Mitglied).
    case member
    /// A guest member (Gastmitglied): takes part, no vote, no dues.
    case guest
    /// A newspaper subscriber (Abonnent), member or not.
    case subscriber
}

/// Where a person stands on a given day.
public enum MemberStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Entry declaration received, not yet confirmed by the district (no member number yet).
    case pending
    /// A member (or guest, or subscriber) in good standing.
    case active
    case resigned
    case deceased
    case expelled
    /// Moved to another state association with a transfer package.
    case transferred
    /// An entry declaration the district did not accept (never a member).
    case rejected

    /// Counted as a member on that day (delegate keys, statistics).
    public var isCurrent: Bool { self == .active }
}

/// Why a version of a person's record begins. Every change is one of these, with a date from which
/// it holds (valid-from) and a reason.
public enum MemberEvent: String, Sendable, Codable, CaseIterable, Hashable {
    /// Entry declaration (status pending) or a direct entry (status active).
    case entry
    /// The district confirmed the entry; the member number is allocated.
    case confirmation
    /// Name, address, contact, dues class changed.
    case change
    /// Moved to another district or local branch.
    case move
    case resignation
    case death
    case expulsion
    /// Left for another state association (transfer package).
    case transferOut
    /// Came from another state association (transfer package).
    case transferIn
    /// A former member entered again.
    case reentry
    /// A pending entry declaration is not accepted.
    case rejection

    /// The status a person has after this event, given the status before.
    func status(after previous: MemberStatus?) -> MemberStatus {
        switch self {
        case .entry: previous ?? .active
        case .confirmation, .reentry, .transferIn: .active
        case .change, .move: previous ?? .active
        case .resignation: .resigned
        case .death: .deceased
        case .expulsion: .expelled
        case .transferOut: .transferred
        case .rejection: .rejected
        }
    }

    /// Events that end a membership.
    var isExit: Bool { [.resignation, .death, .expulsion, .transferOut, .rejection].contains(self) }
}
