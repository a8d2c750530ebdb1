import Foundation

/// A time-limited extension of a district's reach: for example read access to a member who
/// transferred to another district, for 90 days.
public struct Grant: Sendable, Hashable, Codable {
    public var id: Int64?
    /// The district that receives the access.
    public var district: String
    public var operation: AccessOperation
    /// The member concerned.
    public var memberNumber: Int
    public var validFrom: Date
    public var validUntil: Date
    public var reason: String

    public init(id: Int64? = nil, district: String, operation: AccessOperation, memberNumber: Int, validFrom: Date,
                validUntil: Date, reason: String) {
        self.id = id
        self.district = district
        self.operation = operation
        self.memberNumber = memberNumber
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.reason = reason
    }

    func covers(_ operation: AccessOperation, _ target: AccessTarget, for district: String, at time: Date) -> Bool {
        guard self.operation == operation, self.district == district, validFrom <= time, time < validUntil,
              case .member(let number, _) = target else { return false }
        return number == memberNumber
    }
}
