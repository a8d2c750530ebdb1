import ArgumentParser
import KarteiCore

/// Dates on the command line (DD.MM.YYYY or YYYY-MM-DD): a bad date is a usage error before
/// anything is asked for or opened.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = CalendarDate.parse(argument) else { return nil }
        self = date
    }

    public var defaultValueDescription: String { german }
}
