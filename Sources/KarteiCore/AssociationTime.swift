import Foundation

/// The association's time zone: what "today" means for entries, exits, as-of defaults, year
/// boundaries and audit filters. A vault setting (`kartei org time-zone`), Europe/Berlin unless set.
public enum AssociationTime {
    public static let defaultIdentifier = "Europe/Berlin"

    /// Europe/Berlin (UTC if the system has no time-zone data at all).
    public static var defaultZone: TimeZone {
        TimeZone(identifier: defaultIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// A zone the user named, if the system knows it (`Europe/Berlin`, `UTC`).
    public static func zone(named identifier: String) -> TimeZone? {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64, let zone = TimeZone(identifier: trimmed) else { return nil }
        return zone
    }
}
