/// What a correction of a donation changes (docs/FINANCE.md, "Corrections"); nil keeps the
/// original's value. The donor and their address are always copied from the original: a wrong
/// donor is a cancellation and a new donation.
public struct DonationCorrection: Sendable, Hashable {
    public var amountCents: Int?
    public var receivedOn: CalendarDate?
    public var kind: DonationKind?
    public var cash: Bool?

    public init(amountCents: Int? = nil, receivedOn: CalendarDate? = nil, kind: DonationKind? = nil, cash: Bool? = nil) {
        self.amountCents = amountCents
        self.receivedOn = receivedOn
        self.kind = kind
        self.cash = cash
    }

    public var isEmpty: Bool { amountCents == nil && receivedOn == nil && kind == nil && cash == nil }
}
