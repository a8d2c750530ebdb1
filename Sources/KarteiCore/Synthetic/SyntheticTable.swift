import Foundation
import GRDB
import KarteiVault

/// The stand-in for the member file in demo vaults until the member file exists: a table of
/// synthetic people, filled by the generator. Created by `kartei demo` only, never migrated into
/// real vaults.
public enum SyntheticTable {
    public static let name = "synthetic_person"

    /// Creates the table if needed and inserts the people in one transaction.
    public static func fill(_ vault: Vault, with people: some Sequence<SyntheticPerson>) throws -> Int {
        try vault.write { db in
            try db.create(table: name, ifNotExists: true) { t in
                t.primaryKey("number", .integer)
                t.column("givenName", .text).notNull()
                t.column("familyName", .text).notNull()
                t.column("gender", .text).notNull()
                t.column("birthDate", .text).notNull()
                t.column("district", .text).notNull().indexed()
                t.column("town", .text).notNull()
                t.column("postalCode", .text).notNull()
                t.column("street", .text).notNull()
                t.column("houseNumber", .text).notNull()
                t.column("email", .text)
                t.column("phone", .text)
                t.column("entryDate", .text).notNull()
                t.column("exitDate", .text)
                t.column("status", .text).notNull()
                t.column("monthlyDuesCents", .integer).notNull()
            }
            let statement = try db.makeStatement(sql: """
                INSERT INTO synthetic_person (number, givenName, familyName, gender, birthDate, district, town, postalCode,
                  street, houseNumber, email, phone, entryDate, exitDate, status, monthlyDuesCents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var count = 0
            for person in people {
                try statement.execute(arguments: [
                    person.number, person.givenName, person.familyName, person.gender.rawValue, iso(person.birthDate),
                    person.district, person.town, person.postalCode, person.street, person.houseNumber, person.email,
                    person.phone, iso(person.entryDate), person.exitDate.map(iso), person.status.rawValue,
                    person.monthlyDuesCents,
                ])
                count += 1
            }
            return count
        }
    }

    public static func iso(_ date: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0)
    }
}
