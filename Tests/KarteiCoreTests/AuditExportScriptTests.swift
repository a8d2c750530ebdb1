import Foundation
import KarteiTesting
import Testing
@testable import KarteiCore

/// An export checked by `Tests/Scripts/verify_audit_export.py`, a verifier written in Python from
/// docs/FORMATS.md §9 and the export's README alone: what an audit commission would run.
@Suite("Audit export, verified independently")
struct AuditExportScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/verify_audit_export.py").path

    /// Runs the Python verifier on a directory: (exit status, last line).
    static func check(_ directory: URL) throws -> (Int32, String) {
        let python = try #require(which("python3"), "python3 is needed (scripts/test installs it)")
        #expect(which("openssl") != nil, "openssl is needed (scripts/test installs it)")
        let result = try runCommand(python, [script, directory.path])
        let last = (result.stdout + result.stderr).split(separator: "\n").last.map(String.init) ?? ""
        return (result.status, last)
    }

    /// A copy of the export with `change` applied to its entries (one JSON line per element).
    static func tamperedCopy(of export: URL, in dir: TemporaryDirectory, name: String,
                             _ change: (inout [String]) -> Void) throws -> URL {
        let copy = dir.url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: export, to: copy)
        let file = copy.appendingPathComponent("entries.jsonl")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        change(&lines)
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return copy
    }

    @Test("a fresh export passes; changed, deleted, swapped and appended entries and a bad signature fail")
    func independentVerifier() throws {
        let install = try AuditLogTests.installation(extraEntries: 300)
        let dir = try TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export")
        let session = try install.session(.auditor)
        let summary = try session.audit.export(to: export, purpose: "test audit")
        try session.close()

        let (status, line) = try Self.check(export)
        #expect(status == 0 && line.hasPrefix("OK"), "\(line)")
        #expect(line.contains("\(summary.entries) entries"))

        let changed = try Self.tamperedCopy(of: export, in: dir, name: "changed") { lines in
            lines[5] = lines[5].replacingOccurrences(of: "\"success\"", with: "\"denied\"")
        }
        let deleted = try Self.tamperedCopy(of: export, in: dir, name: "deleted") { lines in lines.remove(at: 7) }
        let swapped = try Self.tamperedCopy(of: export, in: dir, name: "swapped") { lines in lines.swapAt(3, 4) }
        let appended = try Self.tamperedCopy(of: export, in: dir, name: "appended") { lines in lines.append(lines[lines.count - 1]) }
        for (copy, index) in [(changed, 5), (deleted, 7), (swapped, 3), (appended, summary.entries)] {
            let (status, line) = try Self.check(copy)
            #expect(status == 1, "\(copy.lastPathComponent): \(line)")
            #expect(line.hasPrefix("FAIL") && line.contains("entry \(index)"), "\(copy.lastPathComponent): \(line)")
        }

        // One byte of the newest checkpoint's signature.
        let badSignature = dir.url.appendingPathComponent("signature")
        try FileManager.default.copyItem(at: export, to: badSignature)
        let folder = badSignature.appendingPathComponent("checkpoints")
        let newest = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().last)
        let file = folder.appendingPathComponent(newest)
        var note = try String(contentsOf: file, encoding: .utf8)
        let signatureLine = try #require(note.split(separator: "\n").last)
        var blob = try #require(Data(base64Encoded: String(signatureLine.split(separator: " ").last!)))
        blob[10] ^= 0x01
        note = note.replacingOccurrences(of: String(signatureLine.split(separator: " ").last!), with: blob.base64EncodedString())
        try note.write(to: file, atomically: true, encoding: .utf8)
        let (signatureStatus, signatureLineOut) = try Self.check(badSignature)
        #expect(signatureStatus == 1 && signatureLineOut.contains(newest), "\(signatureLineOut)")
    }
}
