import ArgumentParser

/// `--format text|json` of a command whose output is one result or document (a summary, a
/// record just saved, a report), not a table: there is no CSV of it, so `--format csv` is a usage
/// error (exit 64) rather than text or JSON under another name. Tables take `OutputFormat`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
