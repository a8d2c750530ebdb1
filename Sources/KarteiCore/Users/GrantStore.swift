import Foundation
import GRDB

/// Time-limited grants of a district's access to one member (table `accessGrant`).
enum GrantStore {
    static func grant(_ row: Row) throws -> Grant {
        Grant(id: row["id"], district: row["district"],
              operation: try row.stored(AccessOperation.self, "operation", table: "accessGrant"),
              memberNumber: row["memberNumber"], validFrom: row["validFrom"], validUntil: row["validUntil"], reason: row["reason"])
    }

    /// The grants of one district, or (nil) of every district, by their end.
    static func grants(district: String?, _ db: Database) throws -> [Grant] {
        if let district {
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM accessGrant WHERE district = ? ORDER BY validUntil"),
                                    arguments: [district]).map(grant)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM accessGrant ORDER BY validUntil").map(grant)
    }

    /// Stores a grant; returns its id.
    static func insert(_ grant: Grant, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO accessGrant (district, operation, memberNumber, validFrom, validUntil, reason) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [grant.district, grant.operation.rawValue, grant.memberNumber, grant.validFrom, grant.validUntil, grant.reason])
        return db.lastInsertedRowID
    }
}
