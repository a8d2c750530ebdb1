import Foundation
import KarteiTesting
import Testing

/// The texts are resources in `kartei_KarteiMessages.resources` next to the binary: found from any
/// working directory, found when installed together, and their absence never crashes kartei.
@Suite("kartei message resources")
struct MessageResourcesCLITests {
    let cli: CLITests
    init() throws { cli = try CLITests() }

    static let noVault = "kartei: No vault given. Name it with --vault PATH or set KARTEI_VAULT "
        + "(for example with \". demo/treasurer.env\").\n"

    @Test("the built binary finds its texts from any working directory, in both languages, long texts too")
    func anyWorkingDirectory() throws {
        let dir = try TemporaryDirectory()
        let english = try cli.run(["vault", "info"], in: dir.path)
        #expect(english.status == 64)
        #expect(english.stderr == Self.noVault)
        let german = try cli.run(["vault", "info"], ["LANG": "de_DE.UTF-8"], in: dir.path)
        #expect(german.stderr.hasPrefix("kartei: Kein Tresor angegeben. Nennen Sie ihn mit --vault PFAD"), "\(german.stderr)")
        let help = try cli.run(["--help"], ["LANG": "de_DE.UTF-8"], in: "/")
        #expect(help.stdout.contains("Exit-Codes: docs/CLI.md. Sprache: LANG (de_… = Deutsch)."), "from texts/de/helpKarteiDiscussion.txt")
    }

    @Test("counts choose the plural form: German reads as German")
    func pluralForms() throws {
        let dir = try TemporaryDirectory()
        var env = try cli.demo(dir)
        env["LANG"] = "de_DE.UTF-8"
        #expect(try cli.run(["user", "lockout", "1"], env).stdout == "Benutzer werden nach 1 Fehlversuch gesperrt.\n")
        #expect(try cli.run(["user", "lockout", "5"], env).stdout == "Benutzer werden nach 5 Fehlversuchen gesperrt.\n")
        let check = try cli.run(["vault", "check"], env)
        let summary = try #require(check.stdout.split(separator: "\n").first.map(String.init))
        #expect(summary.wholeMatch(of: #/Geprüft: \d+ Seiten der Tresordatei, (1 Block|\d+ Blöcke) der WAL-Datei\./#) != nil,
                "\(summary)")
        env["LANG"] = "en_US.UTF-8"
        #expect(try cli.run(["audit", "retention", "1"], env).stdout
                == "Log contents are kept until 1 full year after the end of their own year.\n")
    }

    @Test("installed with its bundle the binary works; without it, it says why and shows keys, with its exit codes")
    func installed() throws {
        let dir = try TemporaryDirectory()
        let bin = dir.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cli.kartei, toPath: bin + "/kartei")

        let alone = try runCommand(bin + "/kartei", ["vault", "info"], environment: cli.environment([:]), currentDirectory: dir.path)
        #expect(alone.status == 64, "no crash, the documented exit code: \(alone.stderr)")
        #expect(alone.stderr.contains("kartei: message texts: kartei_KarteiMessages: the message texts were not found"))
        #expect(alone.stderr.hasSuffix("\nkartei: cliNoVault\n"), "\(alone.stderr)")

        let bundle = URL(fileURLWithPath: cli.kartei).deletingLastPathComponent()
            .appendingPathComponent("kartei_KarteiMessages.resources").path
        try FileManager.default.copyItem(atPath: bundle, toPath: bin + "/kartei_KarteiMessages.resources")
        let together = try runCommand(bin + "/kartei", ["vault", "info"], environment: cli.environment([:]),
                                      currentDirectory: dir.path)
        #expect(together.status == 64)
        #expect(together.stderr == Self.noVault)
    }
}
