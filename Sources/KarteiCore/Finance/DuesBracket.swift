/// One line of the dues table (Beitragstabelle): a band of monthly net income and the monthly
/// dues for it. Amounts in cents; the band includes both ends (`bis 1.000,00 €` includes
/// 1.000,00 €, the next band starts at 1.000,01 €). Dues 0 is an exempt bracket (beitragsbefreit),
/// which applies by decision, not by income, and may overlap the bands.
public struct DuesBracket: Sendable, Hashable, Codable {
    public var label: String
    public var incomeFromCents: Int
    /// nil: no upper bound.
    public var incomeToCents: Int?
    public var duesCents: Int

    public init(label: String, incomeFromCents: Int, incomeToCents: Int?, duesCents: Int) {
        self.label = label
        self.incomeFromCents = incomeFromCents
        self.incomeToCents = incomeToCents
        self.duesCents = duesCents
    }

    /// Dues-exempt (beitragsbefreit).
    public var isExempt: Bool { duesCents == 0 }

    public func contains(incomeCents: Int) -> Bool {
        incomeCents >= incomeFromCents && incomeToCents.map { incomeCents <= $0 } ?? true
    }
}
