import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

extension AccessOperation: ExpressibleByArgument {}

/// `kartei policy`: the access policy as a table (docs/POLICY.md is this output).
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "policy", abstract: L(.helpPolicyAbstract))

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionFormat))) var format: Format = .markdown

    func run() throws {
        switch format {
        case .markdown: Console.out(AccessPolicy.markdown(in: Language.current))
        case .json:
            var table: [String: [String: String]] = [:]
            for (operation, roles) in AccessPolicy.table {
                table[operation.rawValue] = Dictionary(uniqueKeysWithValues: roles.map { ($0.key.rawValue, $0.value.rawValue) })
            }
            try JSONOutput.printObject(["operations": table])
        }
    }
}
