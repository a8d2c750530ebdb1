/// How dues are owed (docs/FINANCE.md, "What a member owes"): a person owes, for every calendar
/// month, the monthly dues (`duesCents`) of the version of their record that holds on the 1st of
/// that month, if that version is an active member (kind `member`, status `active`). Pending
/// entries, guests, subscribers and people who left owe nothing; exempt members owe 0. Months
/// before the accounting start (the first month of the first dues table) are not counted.
///
/// Payments settle the oldest month first. The oldest month not fully paid is the age of the debt.
public enum DuesRule {
    /// One version of a person, as much as the rule needs.
    public struct Version: Sendable, Hashable {
        public var validFrom: String
        public var validTo: String?
        public var kind: PersonKind
        public var status: MemberStatus
        public var duesCents: Int

        public init(validFrom: String, validTo: String?, kind: PersonKind, status: MemberStatus, duesCents: Int) {
            self.validFrom = validFrom
            self.validTo = validTo
            self.kind = kind
            self.status = status
            self.duesCents = duesCents
        }

        func holds(on day: String) -> Bool { validFrom <= day && (validTo.map { day < $0 } ?? true) }
    }

    /// One month's dues.
    public struct Charge: Sendable, Hashable, Codable {
        public var month: CalendarMonth
        public var cents: Int
    }

    /// What is left of the charges after the payments.
    public struct Settlement: Sendable, Hashable {
        public var owedCents: Int
        public var paidCents: Int
        /// Owed minus paid: positive = arrears, negative = credit.
        public var balanceCents: Int { owedCents - paidCents }
        /// The oldest month not fully paid; nil when nothing is outstanding.
        public var oldestUnpaid: CalendarMonth?
    }

    /// The charges of months `first` through `last` (both included) from a person's versions in
    /// date order. Months with dues 0 (exempt) are not charges.
    public static func charges(_ versions: [Version], from first: CalendarMonth, through last: CalendarMonth) -> [Charge] {
        guard first <= last, let earliest = versions.first else { return [] }
        var month = max(first, CalendarMonth.firstStarting(onOrAfter: CalendarDate.parse(earliest.validFrom) ?? first.firstDay))
        var result: [Charge] = []
        var index = 0
        while month <= last {
            let day = month.firstDay.iso
            // Versions are in date order and months ascend: the pointer only moves forward.
            while index < versions.count, let end = versions[index].validTo, end <= day { index += 1 }
            guard index < versions.count else { break }
            let version = versions[index]
            if version.holds(on: day), version.kind == .member, version.status == .active, version.duesCents > 0 {
                result.append(Charge(month: month, cents: version.duesCents))
            }
            month = month.adding(1)
        }
        return result
    }

    /// Applies `paidCents` to the charges, oldest first.
    public static func settle(_ charges: [Charge], paidCents: Int) -> Settlement {
        var remaining = paidCents
        var oldest: CalendarMonth?
        for charge in charges {
            if remaining >= charge.cents {
                remaining -= charge.cents
            } else {
                oldest = charge.month
                break
            }
        }
        return Settlement(owedCents: charges.reduce(0) { $0 + $1.cents }, paidCents: paidCents, oldestUnpaid: oldest)
    }
}
