import Foundation

/// The language of user-facing text: German (the users' language) or English.
///
/// `LC_ALL`, then `LC_MESSAGES`, then `LANG` decide, as for any POSIX tool: a value starting with
/// `de` selects German, anything else English.
public enum Language: String, Sendable, CaseIterable {
    case german = "de"
    case english = "en"

    /// The language of this process, read once from the environment.
    public static let current: Language = fromEnvironment(ProcessInfo.processInfo.environment)

    /// The language the given environment selects.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .german : .english
        }
        return .english
    }
}
