import CKarteiVFS
import Foundation
import GRDB

/// The result of `kartei vault check`.
public struct CheckReport: Sendable, Codable {
    public enum ProblemKind: String, Sendable, Codable {
        /// A page of the main file does not authenticate.
        case pageAuthentication
        /// A WAL frame does not authenticate.
        case walFrameAuthentication
        /// The main file ends inside a page.
        case partialPage
        /// SQLite's integrity check reported a structural problem.
        case integrity
        /// The main file holds fewer pages than the database needs.
        case truncated
        /// A temporary file of an interrupted create, backup or rekey lies next to the vault.
        case leftoverFile
        /// A copy of the keyring did not authenticate when the vault was opened and was rewritten
        /// from the other copy (`page` holds its offset): expected once after a crash during a
        /// key-holder change; otherwise someone changed the header.
        case keyringCopyRewritten
    }

    public struct Problem: Sendable, Codable, Hashable {
        public var kind: ProblemKind
        public var file: String
        public var page: Int?
        public var frame: Int?
        public var detail: String?
    }

    public var pagesChecked: Int
    public var walFramesChecked: Int
    public var walFramesInUse: Int
    public var problems: [Problem]

    /// True when nothing was found that is wrong now (a leftover file and a keyring copy that was
    /// already rewritten are reported, but the vault is sound).
    public var isHealthy: Bool { problems.filter { $0.kind != .leftoverFile && $0.kind != .keyringCopyRewritten }.isEmpty }
}

extension Vault {
    /// Full check: the header was authenticated on open; here every page of the main file and
    /// every WAL frame is authenticated without SQLite, then SQLite's integrity_check runs.
    package func check() throws -> CheckReport {
        let file = (path as NSString).lastPathComponent
        var problems: [CheckReport.Problem] = []
        let main = binding.verifyMain()
        for failure in main.failures {
            let kind: CheckReport.ProblemKind = failure.kind == CKARTEI_FAIL_PARTIAL_PAGE ? .partialPage : .pageAuthentication
            problems.append(.init(kind: kind, file: file, page: Int(failure.page_number), frame: nil, detail: nil))
        }
        let wal = binding.verifyWAL(at: walPath)
        for failure in wal.failures {
            problems.append(.init(kind: .walFrameAuthentication, file: file + "-wal",
                                  page: failure.page_number == 0 ? nil : Int(failure.page_number),
                                  frame: Int(failure.frame), detail: nil))
        }
        if problems.isEmpty {
            let messages = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            for message in messages where message != "ok" {
                problems.append(.init(kind: .integrity, file: file, page: nil, frame: nil, detail: message))
            }
            let pageCount = try read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
            if wal.current == 0 && pageCount > main.checked + (main.failures.isEmpty ? 0 : main.failures.count) {
                problems.append(.init(kind: .truncated, file: file, page: pageCount, frame: nil, detail: nil))
            }
        }
        for offset in rewrittenKeyringCopies {
            problems.append(.init(kind: .keyringCopyRewritten, file: file, page: nil, frame: nil, detail: "offset \(offset)"))
        }
        for leftover in VaultFileBuilder.leftovers(of: path) {
            problems.append(.init(kind: .leftoverFile, file: (leftover as NSString).lastPathComponent, page: nil,
                                  frame: nil, detail: nil))
        }
        return CheckReport(pagesChecked: main.checked, walFramesChecked: wal.checked, walFramesInUse: wal.current,
                           problems: problems)
    }
}
