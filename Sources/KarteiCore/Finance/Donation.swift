/// What was given (the receipt form differs: Geldzuwendung, Sachzuwendung, Verzicht auf
/// Erstattung von Aufwendungen).
public enum DonationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case money
    case inKind
    case waiver
}

/// Something about a donation the treasurer must act on (docs/FINANCE.md, "Donations").
public enum DonationFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// A single donation above 35.000 €: report to the President of the Bundestag at once.
    case immediateReport
    /// Anonymous and above 500 €: must not be kept; pass it on to the President of the Bundestag.
    case anonymousOverLimit
    /// Cash above 1.000 €: not allowed.
    case cashOverLimit
}

/// One entry of the donations ledger. The donor's name and address are copied into the entry:
/// the ledger is an accounting record kept ten years (§ 24 Abs. 2 PartG) and the receipt needs
/// them (§ 50 EStDV), also after the person is erased from the member file. Entries are never
/// changed or deleted: a cancellation is added to an entry, a correction cancels it and adds a new
/// entry that `corrects` it (docs/FINANCE.md, "Corrections").
public struct Donation: Sendable, Hashable, Codable {
    public var id: Int64
    /// ISO `yyyy-mm-dd`.
    public var receivedOn: String
    public var amountCents: Int
    public var kind: DonationKind
    public var cash: Bool
    /// The donor's member number, if they are in the member file.
    public var memberNumber: Int?
    /// Empty for an anonymous donation.
    public var donorName: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var flags: [DonationFlag]
    /// The last day the entry must be kept (31 December of its year + 10).
    public var keepUntil: String
    /// When the entry was recorded (`AuditTime`, UTC).
    public var recordedAt = ""
    /// The entry this one corrects, for the new entry of a correction.
    public var corrects: Int64?
    /// Set once the entry is cancelled or corrected: from then on it no longer counts.
    public var cancellation: DonationCancellation?

    public var isAnonymous: Bool { donorName.isEmpty }

    /// Whether the entry counted in the ledger as recorded up to `instant` (inclusive): recorded
    /// by then and not cancelled by then.
    func counts(asRecorded instant: LedgerInstant) -> Bool {
        guard let recorded = LedgerInstant(recordedAt), recorded <= instant else { return false }
        guard let cancellation else { return true }
        return LedgerInstant(cancellation.cancelledAt).map { $0 > instant } ?? false
    }

    static func flags(amountCents: Int, anonymous: Bool, cash: Bool) -> [DonationFlag] {
        var flags: [DonationFlag] = []
        if amountCents > PartyFinanceLaw.immediateReportCents { flags.append(.immediateReport) }
        if anonymous && amountCents > PartyFinanceLaw.anonymousLimitCents { flags.append(.anonymousOverLimit) }
        if cash && amountCents > PartyFinanceLaw.cashLimitCents { flags.append(.cashOverLimit) }
        return flags
    }
}

/// Who gave a donation being recorded.
public enum Donor: Sendable, Hashable {
    /// A person in the member file: name and current address are copied from their record.
    case member(MemberReference)
    /// Someone outside the member file.
    case person(name: String, street: String, postalCode: String, city: String)
    case anonymous
}

/// A donation to record.
public struct DonationEntry: Sendable, Hashable {
    public var donor: Donor
    public var amountCents: Int
    public var receivedOn: CalendarDate
    public var kind: DonationKind
    public var cash: Bool

    public init(donor: Donor, amountCents: Int, receivedOn: CalendarDate, kind: DonationKind = .money, cash: Bool = false) {
        self.donor = donor
        self.amountCents = amountCents
        self.receivedOn = receivedOn
        self.kind = kind
        self.cash = cash
    }
}
