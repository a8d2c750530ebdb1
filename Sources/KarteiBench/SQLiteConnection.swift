import GRDBSQLite

/// Minimal raw SQLite calls for benchmarks: both sides run exactly the same statements.
struct RawSQLite {
    let db: OpaquePointer
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "?"
            sqlite3_free(error)
            throw BenchmarkError(message: "\(message) (\(sqlite3_extended_errcode(db))) in: \(sql.prefix(60))")
        }
    }

    func prepare(_ sql: String) throws -> RawStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchmarkError(message: String(cString: sqlite3_errmsg(db)))
        }
        return RawStatement(statement: statement, db: db)
    }

    func scalar(_ sql: String) throws -> Int64 {
        let statement = try prepare(sql)
        defer { statement.finalize() }
        guard sqlite3_step(statement.statement) == SQLITE_ROW else { return 0 }
        return sqlite3_column_int64(statement.statement, 0)
    }
}

struct RawStatement {
    let statement: OpaquePointer
    let db: OpaquePointer

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    func bind(_ index: Int32, _ value: String?) {
        if let value { sqlite3_bind_text(statement, index, value, -1, RawSQLite.transient) } else { sqlite3_bind_null(statement, index) }
    }

    /// Steps to the end; returns the number of rows.
    @discardableResult
    func run() throws -> Int {
        var rows = 0
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_ROW { rows += 1; continue }
            if rc == SQLITE_DONE { break }
            throw BenchmarkError(message: "\(String(cString: sqlite3_errmsg(db))) (\(sqlite3_extended_errcode(db)))")
        }
        sqlite3_reset(statement)
        return rows
    }

    func finalize() { sqlite3_finalize(statement) }
}

public struct BenchmarkError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
