/// The data for a year's donation receipts (Zuwendungsbestätigungen) and the donor listing of the
/// Rechenschaftsbericht (docs/FINANCE.md, "Receipts"), from the entries that count as recorded up
/// to `asRecorded`: the same instant gives the same data, whatever was cancelled or corrected since.
public struct DonationReceipts: Sendable, Hashable, Codable {
    /// One donor's year: a single receipt, or a collective one (Sammelbestätigung) with every
    /// donation listed.
    public struct Donor: Sendable, Hashable, Codable {
        public var memberNumber: Int?
        public var donorName: String
        public var street: String
        public var postalCode: String
        public var city: String
        public var totalCents: Int
        public var donations: [Line]
        /// More than one donation: a collective receipt listing each.
        public var collective: Bool
        /// Total above 10.000 €: listed with name and address in the Rechenschaftsbericht
        /// (§ 25 Abs. 3 Satz 1 PartG).
        public var listedInReport: Bool
        /// A single donation above 35.000 €: reported at once (§ 25 Abs. 3 Satz 2 PartG).
        public var immediateReport: Bool
    }

    public struct Line: Sendable, Hashable, Codable {
        public var id: Int64
        public var receivedOn: String
        public var amountCents: Int
        public var kind: DonationKind
        public var flags: [DonationFlag]
    }

    public var year: Int
    /// The ledger as recorded up to this instant (inclusive).
    public var asRecorded: LedgerInstant
    /// Donors by name.
    public var donors: [Donor]
    /// Anonymous donations get no receipt; their sum, and those above the limit, are shown here.
    public var anonymousCents: Int
    public var anonymousOverLimit: [Line]
    public var totalCents: Int
    public var reportListingThresholdCents = PartyFinanceLaw.reportListingCents
    public var immediateReportThresholdCents = PartyFinanceLaw.immediateReportCents

    /// Groups a year's donations that count as recorded up to `asRecorded` by donor: the person in
    /// the member file when known (after an erasure: their member number, which the entries keep),
    /// else the donor's name and address (folded). The receipt uses the newest name and address.
    static func make(year: Int, donations: [Donation], personIDs: [Int64: Int64],
                     asRecorded: LedgerInstant) -> DonationReceipts {
        var groups: [String: [Donation]] = [:]
        var order: [String] = []
        var anonymous: [Donation] = []
        for donation in donations.sorted(by: { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) })
        where donation.counts(asRecorded: asRecorded) {
            if donation.isAnonymous { anonymous.append(donation); continue }
            let key = personIDs[donation.id].map { "person:\($0)" } ?? donation.memberNumber.map { "member:\($0)" }
                ?? "donor:" + [donation.donorName, donation.street, donation.postalCode].map(NameFolding.fold).joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(donation)
        }
        func line(_ d: Donation) -> Line {
            Line(id: d.id, receivedOn: d.receivedOn, amountCents: d.amountCents, kind: d.kind, flags: d.flags)
        }
        var donors: [Donor] = []
        for key in order {
            guard let list = groups[key], let newest = list.last else { continue }
            let total = list.reduce(0) { $0 + $1.amountCents }
            donors.append(Donor(memberNumber: list.compactMap(\.memberNumber).last, donorName: newest.donorName, street: newest.street,
                                postalCode: newest.postalCode, city: newest.city, totalCents: total, donations: list.map(line),
                                collective: list.count > 1, listedInReport: total > PartyFinanceLaw.reportListingCents,
                                immediateReport: list.contains { $0.amountCents > PartyFinanceLaw.immediateReportCents }))
        }
        donors = donors.map { (GermanCollation.key($0.donorName), $0) }
            .sorted { ($0.0, $0.1.donorName, $0.1.postalCode) < ($1.0, $1.1.donorName, $1.1.postalCode) }.map(\.1)
        let anonymousCents = anonymous.reduce(0) { $0 + $1.amountCents }
        return DonationReceipts(year: year, asRecorded: asRecorded, donors: donors, anonymousCents: anonymousCents,
                                anonymousOverLimit: anonymous.filter { $0.flags.contains(.anonymousOverLimit) }.map(line),
                                totalCents: donors.reduce(anonymousCents) { $0 + $1.totalCents })
    }
}
