/// The limits of the Parteiengesetz (PartG, as amended 27 February 2024) the donations ledger
/// checks (docs/FINANCE.md, "Donations").
public enum PartyFinanceLaw {
    /// § 25 Abs. 3 Satz 1 PartG: a donor whose donations in one calendar (accounting) year exceed
    /// this is listed with name and address in the Rechenschaftsbericht.
    public static let reportListingCents = 10_000_00
    /// § 25 Abs. 3 Satz 2 PartG (since 2024; 50.000 € before): a single donation above this is
    /// reported to the President of the Bundestag at once (unverzüglich).
    public static let immediateReportCents = 35_000_00
    /// § 25 Abs. 2 Nr. 6 PartG: an anonymous donation above this must not be accepted; it is
    /// passed on to the President of the Bundestag (§ 25 Abs. 4).
    public static let anonymousLimitCents = 500_00
    /// § 25 Abs. 1 Satz 2 PartG: cash donations only up to this.
    public static let cashLimitCents = 1_000_00
    /// § 24 Abs. 2 PartG: accounting records are kept ten years after the end of their year.
    public static let retentionYears = 10

    /// The last day a donation received on `day` is kept (ISO): the end of the tenth year after
    /// its year. A donation whose retention has already run out on `today` is not recorded.
    static func keepUntil(receivedOn day: CalendarDate) -> String {
        String(format: "%04d-12-31", day.year + retentionYears)
    }

    /// The problem of a donation date whose retention ended before `today`, if it did.
    static func retentionProblem(receivedOn day: CalendarDate, today: CalendarDate) -> MemberProblem? {
        let until = keepUntil(receivedOn: day)
        guard until < today.iso else { return nil }
        return MemberProblem(field: "date", .problemDonationRetentionOver, ["until": CalendarDate.parse(until)?.german ?? until])
    }
}
