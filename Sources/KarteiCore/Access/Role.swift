import KarteiMessages

/// A user's role: what kind of work they do (docs/IDENTITIES.md).
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case treasurer, office, district, statistician, auditor, server

    /// Roles that may hold a key to the vault. Encryption cannot be scoped: the others reach data
    /// only through a key holder's process.
    public var mayHoldKey: Bool { self == .treasurer || self == .office || self == .server }

    /// Whether the role is bound to one district.
    public var needsDistrict: Bool { self == .district }

    public var message: Message {
        switch self {
        case .treasurer: Message(.roleTreasurer)
        case .office: Message(.roleOffice)
        case .district: Message(.roleDistrict)
        case .statistician: Message(.roleStatistician)
        case .auditor: Message(.roleAuditor)
        case .server: Message(.roleServer)
        }
    }
}

/// Where a user may act: everywhere, or one district.
public enum Scope: Sendable, Hashable, Codable {
    case all
    case district(String)

    public var districtName: String? {
        if case .district(let name) = self { return name }
        return nil
    }

    /// As stored and as in certificates: "" for all, else the district name.
    public var storedValue: String { districtName ?? "" }

    public init(storedValue: String?) {
        if let value = storedValue, !value.isEmpty { self = .district(value) } else { self = .all }
    }
}
