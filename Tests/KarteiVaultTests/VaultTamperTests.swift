import Foundation
import GRDB
import KarteiTesting
import Testing
@testable import KarteiVault

/// One changed byte anywhere in a vault or its WAL: an authentication error that names the file
/// and page or frame, never wrong data, never a crash.
@Suite("Tamper detection")
struct VaultTamperTests {
    /// A closed vault with a few tables and indexes; returns its bytes and page count.
    static func pristineVault(in dir: TemporaryDirectory) throws -> (path: String, bytes: Data, pages: Int) {
        let path = dir.file("pristine.kartei")
        let vault = try TestVaults.create(at: path)
        try vault.write { db in
            try db.execute(sql: "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)")
            try db.execute(sql: "CREATE INDEX a_v ON a(v)")
            for i in 0..<1500 { try db.execute(sql: "INSERT INTO a (v) VALUES (?)", arguments: ["value \(i) " + String(repeating: "y", count: i % 90)]) }
        }
        try vault.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        return (path, bytes, (bytes.count - 65_536) / 4096)
    }

    static func flipped(_ data: Data, at offset: Int) -> Data {
        var copy = data
        copy[offset] ^= 0x20
        return copy
    }

    /// Reads everything SQLite can reach.
    static func readAll(_ vault: Vault) throws {
        _ = try vault.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        _ = try vault.read { db in try Row.fetchAll(db, sql: "SELECT * FROM a") }
    }

    @Test("every page: a changed byte in body, nonce, tag or reserve names that page")
    func everyPage() throws {
        let dir = try TemporaryDirectory()
        let (_, pristine, pages) = try Self.pristineVault(in: dir)
        #expect(pages > 20)
        let positions = [0, 1, 100, 2048, 4063, 4064, 4075, 4076, 4091, 4092, 4095]
        for page in 1...pages {
            let within = positions[page % positions.count]
            let path = dir.file("p\(page).kartei")
            try Self.flipped(pristine, at: 65_536 + (page - 1) * 4096 + within).write(to: URL(fileURLWithPath: path))
            let vault: Vault
            do {
                vault = try TestVaults.open(at: path)
            } catch let error as VaultError {
                // Opening reads page 1 and the schema: a changed page among them fails the open.
                #expect(error.code == .pageTampered && error.context["page"] == String(page), "page \(page): \(error)")
                continue
            }
            defer { try? vault.close() }
            // The offline check finds exactly this page.
            let report = try vault.check()
            #expect(report.problems.map(\.page) == [page], "page \(page) at \(within): \(report.problems)")
            // And if SQLite reads the page, the read fails with the page named.
            do {
                try Self.readAll(vault)
                let free = try vault.read { db in try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0 }
                #expect(free > 0, "page \(page) was read without error, so it must be a free page")
            } catch let error as VaultError {
                #expect(error.code == .pageTampered, "page \(page): \(error)")
                #expect(error.context["page"] == String(page))
                #expect(error.context["file"] == "p\(page).kartei")
                #expect(error.exitCode == .tampered)
            }
        }
    }

    @Test("the header region: every part is authenticated", arguments: [
        0, 7, 15, 16, 18, 20, 24, 28, 29, 32, 40, 48, 63, // superblock
        64, 500, 1023, // unused, must stay zero
        1024, 1031, 1040, 1056, 1087, // WAL state block
        1088, 3000, 4095, // unused
    ])
    func headerRegion(offset: Int) throws {
        let dir = try TemporaryDirectory()
        let (_, pristine, _) = try Self.pristineVault(in: dir)
        let path = dir.file("h.kartei")
        try Self.flipped(pristine, at: offset).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: VaultError.self) { try TestVaults.open(at: path) }
        let expected: Set<VaultError.Code> = [.headerTampered, .notAVault, .newerFormat, .wrongKey]
        #expect(error.map { expected.contains($0.code) } == true, "offset \(offset): \(String(describing: error))")
    }

    @Test("one keyring copy changed is repaired from the other; both changed is refused",
          arguments: [4096, 4100, 4120, 4200, 5000, 30_000, 34_815])
    func keyringCopies(offset: Int) throws {
        let dir = try TemporaryDirectory()
        let (_, pristine, _) = try Self.pristineVault(in: dir)
        let one = dir.file("one.kartei")
        try Self.flipped(pristine, at: offset).write(to: URL(fileURLWithPath: one))
        let vault = try TestVaults.open(at: one)
        #expect(try vault.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM a") } == 1500)
        try vault.close()
        // Repaired: the file's keyring is whole again.
        let repaired = try Data(contentsOf: URL(fileURLWithPath: one))
        #expect(repaired[4096..<65_536] == pristine[4096..<65_536])

        let both = dir.file("both.kartei")
        try Self.flipped(Self.flipped(pristine, at: offset), at: offset + 30 * 1024).write(to: URL(fileURLWithPath: both))
        let error = #expect(throws: VaultError.self) { try TestVaults.open(at: both) }
        #expect(error?.code == .headerTampered || error?.code == .headerDamaged || error?.code == .wrongKey,
                "offset \(offset): \(String(describing: error))")
    }

    @Test("WAL: a changed byte in the WAL header, a frame header, a page or its reserve is reported")
    func walFrames() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("w.kartei")
        try TestVaults.create(at: path).close()
        let child = try ChildProcess(TestBinaries.path("KarteiTestWriter"), ["write-loop", path])
        #expect(child.waitForLine { $0 == "committed 12" } != nil, "child: \(child.standardError)")
        child.kill()
        let database = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        let frames = (wal.count - 32) / (24 + 4096)
        #expect(frames >= 12)
        var cases: [(offset: Int, frame: Int)] = [(0, 0), (5, 0), (16, 0), (27, 0), (31, 0)]
        let positions = [0, 3, 7, 11, 19, 23, 24, 500, 4087, 4088, 4103, 4115, 4119]
        for frame in stride(from: 1, through: frames, by: max(1, frames / 12)) {
            let start = 32 + (frame - 1) * (24 + 4096)
            cases.append((start + positions[frame % positions.count], frame))
        }
        for (index, item) in cases.enumerated() {
            let copy = dir.file("c\(index).kartei")
            try database.write(to: URL(fileURLWithPath: copy))
            try Self.flipped(wal, at: item.offset).write(to: URL(fileURLWithPath: copy + "-wal"))
            let error = #expect(throws: VaultError.self, "offset \(item.offset)") { try TestVaults.open(at: copy) }
            if item.frame == 0 {
                #expect(error?.code == .walHeaderTampered, "WAL header offset \(item.offset): \(String(describing: error))")
            } else {
                #expect(error?.code == .walTampered, "offset \(item.offset): \(String(describing: error))")
                #expect(error?.context["frame"] == String(item.frame))
                #expect(error?.context["file"] == "c\(index).kartei-wal")
            }
            #expect(error?.exitCode == .tampered)
        }
    }
}
