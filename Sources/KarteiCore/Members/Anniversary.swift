import Foundation

/// A birthday or a membership jubilee in a window of days.
public struct Anniversary: Sendable, Codable {
    /// `birthday` or `jubilee` (years of membership).
    public var kind: String
    public var date: String
    /// Age reached, or years of membership completed.
    public var years: Int
    /// Round: birthdays 50, 60, 65, 70, 75, 80, 85, 90 and every year from 90; jubilees every 5 years.
    public var round: Bool
    public var member: MemberRecord
}
