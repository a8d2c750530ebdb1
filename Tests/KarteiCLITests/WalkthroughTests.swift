import Foundation
import KarteiTesting
import Testing

/// docs/WALKTHROUGH.md must stay true: every command in it runs, as written, on the demo it
/// describes (800 people, seed 1), made today. Every command must succeed except the one the
/// walkthrough marks "refused" (exit 77).
@Suite("Walkthrough")
struct WalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shell lines of the walkthrough's code blocks, continuations joined.
    static func lines() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/WALKTHROUGH.md"), encoding: .utf8)
        var lines: [String] = []
        var inBlock = false, pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if raw.hasPrefix("```") { inBlock.toggle(); continue }
            guard inBlock else { continue }
            if raw.hasSuffix("\\") { pending += String(raw.dropLast()) + " "; continue }
            lines.append(pending + raw)
            pending = ""
        }
        return lines.filter { $0.hasPrefix("kartei ") || $0.hasPrefix(". demo/") }
    }

    @Test("every command of docs/WALKTHROUGH.md runs on the demo")
    func walkthrough() throws {
        let cli = try CLITests()
        let dir = try TemporaryDirectory()
        let created = try cli.run(["demo", "--dir", dir.file("demo"), "--members", "800", "--seed", "1"])
        #expect(created.status == 0, "\(created.stderr)")
        let lines = try Self.lines()
        #expect(lines.count > 40)
        // What the walkthrough hands the reader is in the demo.
        for file in ["demo/neue-mitglieder.csv", "demo/kontoauszug.csv", "demo/keys/office.p12"] {
            #expect(FileManager.default.fileExists(atPath: dir.file(file)), "\(file)")
        }
        var script = "cd '\(dir.path)'\nkartei() { '\(cli.kartei)' \"$@\"; }\n"
        for (index, line) in lines.enumerated() {
            // Comments (two or more spaces, then #) go: the status must be echoed after the command.
            let bare = line.replacingOccurrences(of: #"\s{2,}#.*$"#, with: "", options: .regularExpression)
            let command = bare.replacingOccurrences(of: "python3 Tests/", with: "python3 '\(Self.root.path)/Tests/")
                .replacingOccurrences(of: "verify_audit_export.py", with: "verify_audit_export.py'")
            script += line.hasPrefix(". ") ? command + "\n" : "{ \(command); } >out-\(index).txt 2>err-\(index).txt; echo \"rc \(index) $?\"\n"
        }
        let result = try runCommand("/bin/bash", ["-c", script], environment: ["LANG": "en_US.UTF-8", "KARTEI_STATE_DIR": cli.state.path],
                                    stdin: "")
        var checked = 0
        for output in result.stdout.split(separator: "\n") where output.hasPrefix("rc ") {
            let parts = output.split(separator: " ")
            guard parts.count == 3, let index = Int(parts[1]), let status = Int32(parts[2]) else { continue }
            let line = lines[index]
            checked += 1
            if line.contains("refused") {
                #expect(status == 77, "\(line)")
            } else {
                let printed = (try? String(contentsOfFile: dir.file("out-\(index).txt"), encoding: .utf8)) ?? ""
                let noted = (try? String(contentsOfFile: dir.file("err-\(index).txt"), encoding: .utf8)) ?? ""
                #expect(status == 0, "line \(index): \(line): exit \(status)\n\(noted)")
                // Every command shows something (a list, a confirmation, "no matches"); a query on a
                // day the demo has no data for would print nothing. Output written to a file counts there.
                let target = line.range(of: #"(>|--out)\s*[^\s|&;]+"#, options: .regularExpression)
                    .map { String(line[$0]).replacingOccurrences(of: #"^(>|--out)\s*"#, with: "", options: .regularExpression) }
                let written = target.flatMap { try? String(contentsOfFile: dir.file($0), encoding: .utf8) } ?? ""
                #expect(!printed.isEmpty || !noted.isEmpty || !written.isEmpty, "line \(index): \(line) printed nothing")
            }
        }
        #expect(checked == lines.filter { !$0.hasPrefix(". ") }.count, "\(result.stdout)\n\(result.stderr)")
    }
}
