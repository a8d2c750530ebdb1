import GRDB

/// The positions of a statement's result columns, found by name once per statement: rows are
/// then read by position (fast: a district list reads tens of thousands), while no code counts
/// columns by hand.
struct ResultColumns {
    private let positions: [String: Int]

    init(_ statement: Statement) {
        var positions: [String: Int] = [:]
        for (index, name) in statement.columnNames.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    /// The position of a column the query selects (a missing one is a programming error, caught
    /// by every test that reads through the query).
    subscript(_ name: String) -> Int {
        guard let position = positions[name] else { preconditionFailure("the query selects no column \(name)") }
        return position
    }
}

extension Row {
    /// An enumerated value stored as its raw text. A value this version does not know (written by
    /// a newer kartei, or changed) is an error, never a default: corrupt or newer data must not read
    /// as an active member.
    func stored<E: RawRepresentable>(_ type: E.Type, at position: Int, table: String, column: String) throws -> E
    where E.RawValue == String {
        let raw: String = self[position]
        guard let value = E(rawValue: raw) else { throw CoreError(.unknownStoredValue, ["table": table, "column": column]) }
        return value
    }

    /// The same by column name, for rows read one at a time.
    func stored<E: RawRepresentable>(_ type: E.Type, _ column: String, table: String) throws -> E where E.RawValue == String {
        let raw: String = self[column]
        guard let value = E(rawValue: raw) else { throw CoreError(.unknownStoredValue, ["table": table, "column": column]) }
        return value
    }
}
