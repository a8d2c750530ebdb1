import Foundation
import KarteiTesting
import Testing

/// A denial tells the asker nothing they may not know: whoever may not read a member hears the same
/// words and exit code for "exists in another district" as for "does not exist", and no district.
@Suite("Denials that tell nothing")
struct DenialCLITests {
    @Test("statistician and district officer: a Dresden number and an unknown one get the same answer",
          arguments: ["statistician", "district"])
    func sameAnswer(role: String) throws {
        let cli = try CLITests()
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir)
        let listed = try cli.run(["member", "list", "--district", "Dresden", "--format", "json"], treasurer)
        let dresden = try #require((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])?
            .first?["number"] as? Int)
        let env = try cli.parseEnvironment(dir.file("demo/\(role).env"))
        let commands: [[String]] = [["member", "show"], ["dues", "account"], ["office", "list"], ["member", "report"],
                                    ["member", "letter"]]
        for command in commands {
            var extra: [String] = []
            if command == ["member", "letter"] { extra = ["entry"] }
            let elsewhere = try cli.run(command + [String(dresden)] + extra, env)
            let nowhere = try cli.run(command + ["999999"] + extra, env)
            #expect(elsewhere.status == nowhere.status, "\(command): \(elsewhere.status) vs \(nowhere.status)")
            #expect(elsewhere.status == 77, "\(command): \(elsewhere.stderr)")
            // The same words, but for the number that was asked for.
            #expect(elsewhere.stderr.replacingOccurrences(of: String(dresden), with: "N")
                    == nowhere.stderr.replacingOccurrences(of: "999999", with: "N"), "\(command)")
            for district in ["Dresden", "Leipzig"] where role == "statistician" || district == "Dresden" {
                #expect(!elsewhere.stderr.contains(district), "\(command): \(elsewhere.stderr)")
            }
        }
        // Both attempts are in the log, as denials naming the number asked for.
        let auditor = try cli.parseEnvironment(dir.file("demo/auditor.env"))
        let log = try cli.run(["audit", "show", "--member", String(dresden), "--format", "json"], auditor)
        #expect(log.status == 0, "\(log.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.filter { $0["outcome"] as? String == "denied" && $0["actorRole"] as? String == role }.count
                == commands.count)
    }

    @Test("the treasurer still learns that a number does not exist")
    func treasurerLearns() throws {
        let cli = try CLITests()
        let dir = try TemporaryDirectory()
        let treasurer = try cli.demo(dir)
        let nowhere = try cli.run(["member", "show", "999999"], treasurer)
        #expect(nowhere.status == 65, "\(nowhere.stderr)")
        #expect(nowhere.stderr.contains("999999"))
    }
}
