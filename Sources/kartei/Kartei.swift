import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages
import Logging

/// The `kartei` command: nouns as subcommands, verbs nested. All logic lives in the libraries.
struct Kartei: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kartei",
        abstract: L(.helpKarteiAbstract),
        discussion: L(.helpKarteiDiscussion),
        version: KarteiVersion.string,
        subcommands: [InitCommand.self, VaultCommand.self, UserCommand.self, CACommand.self, OrgCommand.self, MemberCommand.self,
                      OfficeCommand.self, MandateCommand.self, TransferCommand.self, DuesCommand.self, DonationCommand.self,
                      AuditCommand.self, PolicyCommand.self, GenerateCommand.self, DemoCommand.self, BenchCommand.self]
    )
}

enum KarteiVersion {
    static let string = "0.1.0"
}

/// The entry point: runs the command and turns errors into a message on stderr and a documented
/// exit code (docs/CLI.md).
@main
enum Main {
    static func main() {
        // Diagnostics go to stderr, in English, for operators; off below `error` unless asked
        // for with KARTEI_LOG_LEVEL=info|debug. Users read messages from the catalogue, not logs.
        let level = ProcessInfo.processInfo.environment["KARTEI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        // The texts are resources next to the program. Without them kartei still works and shows
        // message keys; this note (English: there is no catalogue to say it in) tells why.
        let problems = MessageCatalogue.shared.problems
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            Console.diagnostic("kartei: message texts: \(first)\(more)")
        }
        do {
            var command = try Kartei.parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            if let data = error as? MemberDataError, data.file != nil { printProblems(data.problems) }
            Console.error(error.message)
            exit(error.exitCode.rawValue)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Kartei.exitCode(for: error)
            if code == .success || error is CleanExit {
                Kartei.exit(withError: error)
            }
            if code.rawValue == 64 {
                // The parser's message repeats the value typed: shown like every other output.
                Console.diagnostic(Kartei.fullMessage(for: error))
                exit(code.rawValue)
            }
            Console.error(Message(.cliUnexpectedError, ["reason": String(describing: error)]))
            exit(KarteiExitCode.failure.rawValue)
        }
    }
}

/// Every problem of an import, by line and column (the first 200).
func printProblems(_ problems: [MemberProblem]) {
    for problem in problems.prefix(200) {
        Console.note(Message(.memberImportProblem, ["line": problem.line.map(String.init) ?? "–",
                                                    "column": problem.column.map(String.init) ?? "–",
                                                    "field": problem.field, "problem": problem.message.text()]))
    }
    if problems.count > 200 { Console.note(Message(.memberImportMoreProblems, count: problems.count - 200)) }
}

/// Looks up a message in the catalogue in the language of this process. Placeholder values are
/// shown as one line each, with nothing raw that the text rule refuses (`Console.shown`).
func L(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Console.shown(Message(key, arguments)).text()
}

/// A message with plural forms: `count` chooses the form (and fills `{count}`).
func L(_ key: MessageKey, count: some BinaryInteger, _ arguments: [String: String] = [:]) -> String {
    Console.shown(Message(key, count: count, arguments)).text()
}
