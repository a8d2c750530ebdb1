/// A local branch (Ortsverband) of a district, or a statewide caucus (Arbeitsgemeinschaft), with
/// the days it existed. Renaming or merging ends a unit and names its successor.
public struct OrgUnit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case branch
        case caucus
    }

    public var id: Int64
    public var kind: Kind
    public var name: String
    /// The district of a branch; empty for a caucus (statewide).
    public var district: String
    public var validFrom: String
    public var validTo: String?
    /// Id of the unit that took over (rename, merger).
    public var successor: Int64?
}

/// A body of the association or of one of its units: a board, a commission, the council, a
/// convention. Offices are held in bodies.
public struct Body: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case board, commission, council, convention, other
    }

    public var id: Int64
    public var kind: Kind
    public var name: String
    /// The district it belongs to; empty for a statewide body (access is decided by it).
    public var district: String
    public var validFrom: String
    public var validTo: String?
}

/// A party office held by a person in a body, from one day to another.
public struct Office: Sendable, Hashable, Codable {
    public var id: Int64
    public var memberNumber: Int?
    public var personID: Int64
    public var bodyID: Int64
    public var bodyName: String
    /// "Vorsitzende", "Schatzmeister", "Beisitzerin" …
    public var title: String
    public var validFrom: String
    public var validTo: String?
    /// Where it comes from: empty (entered by hand) or a recorded election protocol.
    public var source: String
}

/// An elected public mandate of a person, from one day to another.
public struct Mandate: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable, Hashable {
        /// Gemeinderat, Stadtrat, Ortschaftsrat.
        case municipal
        /// Kreistag.
        case county
        /// Landtag.
        case state
        /// Bundestag.
        case federal
        /// European Parliament.
        case european
    }

    public var id: Int64
    public var memberNumber: Int?
    public var personID: Int64
    public var level: Level
    /// The body of the mandate: "Stadtrat Leipzig", "Landtag".
    public var name: String
    public var validFrom: String
    public var validTo: String?
}
