/// Dues arrears on a day: the members with arrears, and a summary per district
/// (docs/FINANCE.md, "Arrears").
public struct ArrearsReport: Sendable, Hashable, Codable {
    /// Members counted by how old their debt is.
    public struct AgeBuckets: Sendable, Hashable, Codable {
        /// Up to 2 months (the current month and two before).
        public var months0to2 = 0
        public var months3to5 = 0
        public var months6to11 = 0
        /// A year or more.
        public var months12plus = 0

        mutating func add(_ age: Int) {
            switch age {
            case ..<3: months0to2 += 1
            case 3..<6: months3to5 += 1
            case 6..<12: months6to11 += 1
            default: months12plus += 1
            }
        }
    }

    /// One district's totals over every member with charges or payments there.
    public struct District: Sendable, Hashable, Codable {
        public var district: String
        /// Members charged or paying (dues-paying or with a balance).
        public var members = 0
        public var membersInArrears = 0
        public var owedCents = 0
        public var paidCents = 0
        /// Sum of positive balances.
        public var arrearsCents = 0
        /// Sum of credits (negative balances), as a positive amount.
        public var creditCents = 0
        /// The oldest debt in the district, in months.
        public var oldestAgeMonths: Int?
        public var byAge = AgeBuckets()

        init(district: String) { self.district = district }

        mutating func add(_ member: MemberArrears) {
            members += 1
            owedCents += member.owedCents
            paidCents += member.paidCents
            if member.balanceCents > 0 {
                membersInArrears += 1
                arrearsCents += member.balanceCents
            } else {
                creditCents -= member.balanceCents
            }
            if let age = member.ageMonths, member.balanceCents > 0 {
                byAge.add(age)
                oldestAgeMonths = max(oldestAgeMonths ?? age, age)
            }
        }
    }

    /// ISO `yyyy-mm-dd`.
    public var asOf: String
    /// The first month counted (the first month of the first dues table).
    public var accountingStart: CalendarMonth
    /// Members with arrears (balance > 0), oldest debt first.
    public var members: [MemberArrears]
    /// Per district, by name.
    public var districts: [District]
    /// All districts of the report together (`district` is empty).
    public var total: District
}
