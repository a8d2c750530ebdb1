import Foundation
import GRDB

/// The districts (Kreisverbände) of the state association: the scopes of district officers.
/// The member-file issue extends this into the dated organisational structure.
public enum Districts {
    package static func all(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM district ORDER BY name")
    }

    package static func exists(_ name: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM district WHERE name = ?)", arguments: [name]) ?? false
    }

    package static func add(_ name: String, at date: Date, _ db: Database) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CoreError(.nameEmpty) }
        guard try !exists(trimmed, db) else { throw CoreError(.districtExists, ["district": trimmed]) }
        try db.execute(sql: "INSERT INTO district (name, createdAt) VALUES (?, ?)", arguments: [trimmed, date])
    }
}
