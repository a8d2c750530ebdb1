/// One member's dues account on a day: what they owed since the accounting start, what they
/// paid, and how old the debt is. JSON and CSV: docs/FINANCE.md.
public struct MemberArrears: Sendable, Hashable, Codable {
    public var number: Int
    public var givenName: String
    public var familyName: String
    /// The district on the as-of day (where the member stood then, also after leaving).
    public var district: String
    public var status: MemberStatus
    /// Monthly dues on the as-of day.
    public var duesCents: Int
    /// Months charged (exempt months are not charges).
    public var monthsCharged: Int
    public var owedCents: Int
    public var paidCents: Int
    /// Owed minus paid: positive = arrears (Beitragsrückstand), negative = credit.
    public var balanceCents: Int
    /// The oldest month not fully paid; nil when nothing is outstanding.
    public var oldestUnpaidMonth: CalendarMonth?
    /// Whole months since the oldest unpaid month fell due (its 1st) up to the as-of month:
    /// 0 = only the current month is open.
    public var ageMonths: Int?
}
