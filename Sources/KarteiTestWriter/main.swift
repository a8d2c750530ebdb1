// A child process for crash and plaintext tests (never shipped to users): it works on a vault
// and reports on stdout what it has committed, so the parent can kill it at any moment and then
// check that everything reported is still there.
import Foundation
import GRDB
import KarteiCrypto
import KarteiTesting
import KarteiVault
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: KarteiTestWriter write-loop|plaintext-workload|backup-loop|rekey-loop|hold VAULT [...]\n".utf8))
    exit(64)
}
let mode = arguments[1]
let path = arguments[2]

/// Writes a line straight to file descriptor 1 (no buffering: the parent may kill us any time).
func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
}

do {
    switch mode {
    case "write-loop":
        // Inserts rows 0, 1, 2 … each in its own transaction; prints "committed N" after each commit.
        let journal = arguments.count > 3 ? arguments[3] : "wal"
        let vault = try TestVaults.open(at: path)
        if journal == "delete" {
            try vault.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        }
        try vault.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS crash (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
            // One row per committed transaction, never deleted: the parent checks it has no gaps.
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS ledger (txn INTEGER PRIMARY KEY)")
        }
        var next = try vault.read { db in try Int.fetchOne(db, sql: "SELECT coalesce(max(txn) + 1, 0) FROM ledger") ?? 0 }
        say("ready \(next)")
        while true {
            let id = next
            try vault.write { db in
                // Several pages per transaction, so a kill can land between page writes.
                for k in 0..<8 {
                    try db.execute(sql: "INSERT OR REPLACE INTO crash (id, payload) VALUES (?, ?)",
                                   arguments: [id * 8 + k, String(repeating: "p\(id)-", count: 60)])
                }
                if id % 5 == 0 { try db.execute(sql: "DELETE FROM crash WHERE id < ? AND id % 3 = 1", arguments: [id * 8 - 40]) }
                try db.execute(sql: "INSERT INTO ledger (txn) VALUES (?)", arguments: [id])
            }
            say("committed \(id)")
            next += 1
        }
    case "plaintext-workload":
        // Everything a vault does with data, then a kill in the middle of a transaction.
        let marker = arguments[3]
        let backup = arguments[4]
        let vault = try TestVaults.open(at: path)
        try vault.write { db in
            try db.execute(sql: "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, note TEXT)")
            try db.execute(sql: "CREATE INDEX person_name ON person(name)")
            for i in 0..<3000 {
                try db.execute(sql: "INSERT INTO person (name, note) VALUES (?, ?)",
                               arguments: ["\(marker)-name-\(i)", "\(marker)-note-\(i) " + String(repeating: "x", count: i % 200)])
            }
        }
        try vault.write { db in
            try db.execute(sql: "UPDATE person SET note = ? || id WHERE id % 2 = 0", arguments: ["\(marker)-updated-"])
            try db.execute(sql: "DELETE FROM person WHERE id % 7 = 0")
        }
        try vault.write { db in
            try db.execute(sql: "CREATE TEMP TABLE scratch AS SELECT * FROM person")
            try db.execute(sql: "INSERT INTO scratch SELECT * FROM scratch")
            _ = try Row.fetchAll(db, sql: "SELECT name, note FROM scratch ORDER BY note DESC, name LIMIT 5")
            // A sort far larger than the page cache (sorter spills would go to temp files).
            _ = try Row.fetchAll(db, sql: """
                SELECT a.name || b.note AS k FROM person a JOIN person b ON b.id % 50 = a.id % 50
                WHERE a.id < 1500 ORDER BY k DESC LIMIT 3
                """)
            try db.execute(sql: "DROP TABLE scratch")
        }
        try vault.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        try vault.backup(to: backup)
        try vault.close()
        // Now the rollback journal: leaving WAL mode needs a fresh connection without readers.
        let journaled = try TestVaults.open(at: path)
        try journaled.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try journaled.write { db in
            try db.execute(sql: "UPDATE person SET note = ? || id", arguments: ["\(marker)-journal-"])
        }
        say("workload done")
        // A transaction that never commits: the process dies with the journal on disk.
        try journaled.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = 10") }
        try journaled.write { db in
            // With a ten-page cache the uncommitted pages spill into the database file, so the
            // next open must play the journal back (and verify its masked checksums).
            try db.execute(sql: "UPDATE person SET note = ? || id", arguments: ["\(marker)-uncommitted-"])
            say("in transaction")
            kill(getpid(), SIGKILL)
        }
    case "backup-loop":
        // Backs up again and again to PATH.backup-N; prints "backed-up N" after each.
        let vault = try TestVaults.open(at: path)
        say("ready 0")
        var round = 0
        while true {
            try vault.backup(to: "\(path).backup-\(round)")
            say("backed-up \(round)")
            round += 1
        }
    case "rekey-loop":
        // Rekeys again and again; prints "rekeyed N" after each.
        var round = 0
        say("ready 0")
        while true {
            _ = try Vault.rekey(at: path, unlocking: .passphrase(TestVaults.passphrase), options: TestVaults.options())
            round += 1
            say("rekeyed \(round)")
        }
    case "hold":
        // Opens the vault with the passphrase in the file given and keeps it open (as another
        // user's kartei or the server would) until the process is killed.
        let secret = try String(contentsOfFile: arguments[3], encoding: .utf8).split(whereSeparator: \.isNewline).first ?? ""
        let vault = try Vault.open(at: path, unlocking: .passphrase(SecretBytes(copying: Array(secret.utf8))),
                                   options: TestVaults.options())
        _ = try vault.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        say("ready 0")
        withExtendedLifetime(vault) { while true { sleep(3600) } }
    default:
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("KarteiTestWriter: \(error)\n".utf8))
    exit(1)
}
