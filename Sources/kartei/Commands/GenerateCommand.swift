import ArgumentParser
import Foundation
import KarteiCore
import KarteiMessages

/// `kartei generate`: synthetic people as a member import file (docs/SYNTHETIC.md). Needs no vault.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: L(.helpGenerateAbstract),
                                                    discussion: L(.helpGenerateDiscussion))

    @Option(name: .long, help: ArgumentHelp(L(.helpOptionMembers), valueName: "n")) var members = 8000
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionSeed), valueName: "n")) var seed: UInt64 = 1
    @Option(name: .long, help: ArgumentHelp(L(.helpOptionOut), valueName: "file")) var out: String?

    func run() throws {
        let data = SyntheticImportFile.data(count: members, seed: seed)
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        try NewFile.write([UInt8](data), to: out)
        Console.note(Message(.generateWritten, count: members, ["seed": String(seed), "file": out]))
    }
}
