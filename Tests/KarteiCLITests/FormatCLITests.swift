import Foundation
import KarteiTesting
import Testing

/// `--format`: every value a command offers is honoured; a command whose output is one result or
/// document offers text and JSON only, so `csv` is a usage error instead of text or JSON in disguise.
@Suite("kartei --format")
struct FormatCLITests {
    let cli: CLITests
    let dir: TemporaryDirectory

    init() throws {
        cli = try CLITests()
        dir = try TemporaryDirectory()
    }

    @Test("64: --format csv where the output is one document or result, not a table; nothing is printed")
    func csvNotOffered() throws {
        let env = try cli.demo(dir)
        for command in [["member", "report", "100001"], ["audit", "verify"], ["user", "show", "1"], ["member", "duplicates"],
                        ["member", "erase", "--dry-run"], ["bench", "audit", "--rows", "10", "--entries", "10", "--repeat", "1"]] {
            let result = try cli.run(command + ["--format", "csv"], env)
            #expect(result.status == 64, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("'csv' is invalid"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout.prefix(200))")
        }
    }
}
