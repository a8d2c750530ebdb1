import Foundation
import KarteiMessages

/// What an operation is applied to, as far as the policy needs to know.
public enum AccessTarget: Sendable, Hashable {
    /// The whole vault (statistics, audit, users, CA, vault).
    case vault
    /// All records of one district (a list, an export).
    case district(String)
    /// One member, who belongs to a district.
    case member(number: Int, district: String)

    var district: String? {
        switch self {
        case .vault: nil
        case .district(let name): name
        case .member(_, let district): district
        }
    }

    var message: Message {
        switch self {
        case .vault: Message(.targetVault)
        case .district(let name): Message(.targetDistrict, ["district": name])
        // Never the member's district: whoever is denied may not learn where the member is.
        case .member(let number, _): Message(.targetMember, ["number": String(number)])
        }
    }
}
