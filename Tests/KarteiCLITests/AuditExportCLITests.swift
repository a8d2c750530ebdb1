import Foundation
import KarteiTesting
import Testing

/// `kartei audit export DIR` follows the rules of every file kartei writes (docs/CLI.md): a new
/// directory that kartei creates, readable by its owner only, every file new and mode 0600.
@Suite("kartei audit export")
struct AuditExportCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    static let verifier = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/verify_audit_export.py").path

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test("a new directory 0700 with files 0600 whatever the umask; the independent verifier accepts it")
    func newDirectory() throws {
        let dir = try TemporaryDirectory()
        _ = try cli.demo(dir, members: 10)
        let auditor = try cli.parseEnvironment(dir.file("demo/auditor.env"))
        let out = dir.file("pruefung")
        // umask 0: a file made 0666 and chmod'ed afterwards would be world-writable for a moment.
        let script = "umask 000; exec \"$0\" audit export \"$1\" --purpose Finanzrevision"
        let result = try runCommand("/bin/sh", ["-c", script, cli.kartei, out], environment: cli.environment(auditor))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try mode(out) == 0o700)
        #expect(try mode(out + "/checkpoints") == 0o700)
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0 != "checkpoints" }
        #expect(Set(files).isSuperset(of: ["entries.jsonl", "audit-key.der", "README.md", "LIESMICH.md"]), "\(files)")
        for file in files { #expect(try mode(out + "/" + file) == 0o600, "\(file)") }

        let python = try #require(which("python3"), "python3 is needed (scripts/setup installs it)")
        let verified = try runCommand(python, [Self.verifier, out])
        #expect(verified.status == 0 && verified.stdout.contains("OK"), "\(verified.stdout)\(verified.stderr)")
    }

    @Test("an existing directory (empty too), a file, a dangling symbolic link: exit 73 'already exists', nothing written")
    func existing() throws {
        let dir = try TemporaryDirectory()
        _ = try cli.demo(dir, members: 10)
        let auditor = try cli.parseEnvironment(dir.file("demo/auditor.env"))
        try FileManager.default.createDirectory(atPath: dir.file("empty"), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        try Data().write(to: URL(fileURLWithPath: dir.file("file")))
        try FileManager.default.createSymbolicLink(atPath: dir.file("dangling"), withDestinationPath: dir.file("nowhere"))
        for name in ["empty", "file", "dangling"] {
            let result = try cli.run(["audit", "export", dir.file(name)], auditor)
            #expect(result.status == 73, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("already exists") && !result.stderr.contains("report this bug"), "\(name): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("empty")).isEmpty)
        #expect(try mode(dir.file("empty")) == 0o755, "left as it was")
        #expect(!FileManager.default.fileExists(atPath: dir.file("nowhere")), "nothing behind the link")
        let missing = try cli.run(["audit", "export", dir.file("no/such/folder")], auditor)
        #expect(missing.status == 73 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
    }
}
