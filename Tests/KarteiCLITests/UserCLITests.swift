import Foundation
import KarteiTesting
import Testing

/// User administration as the treasurer sees it on the command line.
@Suite("kartei user")
struct UserCLITests {
    let cli: CLITests
    let dir: TemporaryDirectory

    init() throws {
        cli = try CLITests()
        dir = try TemporaryDirectory()
    }

    @Test("lock, unlock and reset say what they did")
    func statusMessages() throws {
        let env = try cli.demo(dir)
        let lock = try cli.run(["user", "lock", "3"], env)
        let unlock = try cli.run(["user", "unlock", "3"], env)
        let reset = try cli.run(["user", "reset", "3"], env)
        for result in [lock, unlock, reset] { #expect(result.status == 0, "\(result.stderr)") }
        #expect(lock.stdout.contains("locked") && lock.stdout.contains("3"), "\(lock.stdout)")
        #expect(unlock.stdout.contains("unlocked"), "\(unlock.stdout)")
        #expect(reset.stdout.contains("failed attempts") && reset.stdout.contains("cleared"), "\(reset.stdout)")
        #expect(Set([lock.stdout, unlock.stdout, reset.stdout]).count == 3)
        let german = ["LANG": "de_DE.UTF-8"]
        let gesperrt = try cli.run(["user", "lock", "3"], env.merging(german) { $1 })
        let entsperrt = try cli.run(["user", "unlock", "3"], env.merging(german) { $1 })
        #expect(gesperrt.stdout.contains("gesperrt") && entsperrt.stdout.contains("entsperrt"), "\(gesperrt.stdout) \(entsperrt.stdout)")
    }

    @Test("a recorded declaration says so, with its date")
    func declaration() throws {
        let env = try cli.demo(dir)
        let added = try cli.run(["user", "add", "--name", "Neue Kraft", "--role", "office", "--format", "json"], env)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        let recorded = try cli.run(["user", "declaration", String(id), "2026-11-02"], env)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("declaration of user \(id)") && recorded.stdout.contains("02.11.2026"), "\(recorded.stdout)")
    }
}
