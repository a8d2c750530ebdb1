/// One incoming payment of dues, as booked by the bank and matched to a member.
public struct Payment: Sendable, Hashable, Codable {
    public var id: Int64
    public var memberNumber: Int
    /// ISO `yyyy-mm-dd`.
    public var bookingDate: String
    public var amountCents: Int
    /// The bank's Verwendungszweck.
    public var reference: String
    /// The imported file and its line.
    public var file: String
    public var line: Int
}

/// What a payment import did.
public struct PaymentImportSummary: Sendable, Hashable, Codable {
    public var file: String
    /// SHA-256 of the file's bytes, hex: a second import of the same file is refused.
    public var contentHash: String
    public var payments: Int
    public var totalCents: Int
    public var members: Int
}

/// One member's dues account: the months charged, the payments, and the result.
public struct DuesAccount: Sendable, Hashable, Codable {
    public var arrears: MemberArrears
    public var accountingStart: CalendarMonth
    public var charges: [DuesRule.Charge]
    public var payments: [Payment]
}
