import Foundation
import GRDB
import KarteiMessages

/// The member file (docs/MEMBERS.md). Every function is one authorised, audited operation; reads
/// name the record ids they return in the audit entry.
extension KarteiSession {

    /// People as they stood on a day. A district officer without a district gets their own.
    public func members(_ query: MemberQuery, purpose: String = "") throws -> [MemberRecord] {
        let district = query.district ?? principal.scope.districtName
        let target: AccessTarget = district.map { .district($0) } ?? .vault
        let day = (query.asOf ?? today).iso
        return try perform(.memberRead, on: target, purpose: purpose, objectType: "member") { db in
            if let district, try !Districts.exists(district, db) {
                throw CoreError(.districtUnknown, ["district": district])
            }
            var records = try visibleToday(try MemberStore.list(district: district, on: day, statuses: query.statuses,
                                                                kind: query.kind, db), .memberRead, db)
            if let since = query.enteredSince?.iso {
                records = records.filter { ($0.entryDate ?? "") >= since }
            }
            return (records, records.map(\.reference))
        }
    }

    /// One person: the version that held on `asOf` (today if nil) and their whole history.
    public func member(_ reference: MemberReference, asOf: CalendarDate? = nil, purpose: String = "") throws -> MemberDetail {
        let day = (asOf ?? today).iso
        return try perform(.memberRead, purpose: purpose, objectType: "member", requested: [reference.description],
                           resolving: { db in try memberTarget(reference, db) }) { db, _ in
            let id = try personID(reference, db)
            let history = try MemberStore.history(of: id, db)
            guard let current = try MemberStore.version(of: id, on: day, db) ?? (asOf == nil ? history.last : nil) else {
                throw CoreError(.memberNotYet, ["member": reference.description, "date": CalendarDate.parse(day)?.german ?? day])
            }
            let detail = MemberDetail(current: current, history: history, offices: try OrgStore.offices(personID: id, db),
                                      mandates: try OrgStore.mandates(personID: id, level: nil, on: nil, db),
                                      importedHistory: try TransferStore.importedHistory(personID: id, db))
            return (detail, [current.reference])
        }
    }

    /// Name or number search over current records, umlaut- and accent-insensitive, with phonetic
    /// (Kölner Phonetik) and near-miss matches and the parts of double names; only people the
    /// principal may read are returned (the best `limit`) and counted (`total`). The audit entry
    /// names the people returned.
    public func searchMembers(_ text: String, limit: Int = 50, purpose: String = "") throws -> MemberSearch.Result {
        let target: AccessTarget = principal.scope.districtName.map { .district($0) } ?? .vault
        return try perform(.memberRead, on: target, purpose: purpose, objectType: "member") { db in
            let grants = try grants(db)
            let scope = MemberSearch.Scope(district: principal.scope.districtName,
                                           granted: grants.filter { $0.operation == .memberRead }.map(\.memberNumber))
            let result = try MemberSearch.run(text, limit: limit, scope: scope, db) { number, district in
                permits(.memberRead, .member(number: number ?? 0, district: district), grants: grants)
            }
            return (result, result.matches.map(\.record.reference))
        }
    }

    /// Records a new person from their entry declaration: `pending` (no number until confirmed)
    /// or `active` with the next member number (or the one given).
    public func addMember(_ details: MemberChange, status: MemberStatus = .active, number: Int? = nil,
                          entryDate: CalendarDate? = nil, reason: String = "") throws -> MemberRecord {
        try FreeText.check(reason, .reason, field: "reason")
        let district = details.district ?? ""
        return try perform(.memberWrite, on: .district(district), objectType: "member") { db in
            var record = details.applied(to: MemberRecord(number: nil, givenName: "", familyName: "", district: "", validFrom: ""))
            let entry = (entryDate ?? today).iso
            record.status = status == .pending ? .pending : .active
            record.entryDate = entry
            record.validFrom = entry
            record.event = .entry
            record.reason = reason
            try check(record, db)
            if record.status == .active {
                if let number, try MemberStore.numberTaken(number, db) {
                    throw MemberDataError(problems: [MemberProblem(field: "number", .problemNumberTaken, ["number": String(number)])])
                }
                record.number = try number ?? MemberStore.nextNumber(db)
            }
            let stored = try MemberStore.insert(record, recordedAt: AuditTime.format(now), db)
            return (stored, [stored.reference])
        }
    }

    /// Changes fields from a day on (`validFrom`, today if nil). Address and contact only:
    /// `memberContactWrite` (district officers may); anything else `memberWrite`. A change of
    /// district or branch is recorded as a move.
    public func changeMember(_ reference: MemberReference, _ change: MemberChange, validFrom: CalendarDate? = nil,
                             reason: String = "") throws -> MemberRecord {
        try FreeText.check(reason, .reason, field: "reason")
        let operation: AccessOperation = change.isContactOnly ? .memberContactWrite : .memberWrite
        let day = (validFrom ?? today).iso
        return try perform(operation, objectType: "member", requested: [reference.description],
                           resolving: { db in try memberTarget(reference, db) }) { db, _ in
            let id = try personID(reference, db)
            guard let latest = try MemberStore.latest(of: id, db) else { throw CoreError(.memberNotFound, ["member": reference.description]) }
            guard latest.erasedAt == nil else { throw CoreError(.memberErased, ["member": reference.description]) }
            // A version dated far ahead would freeze the record (later events must not predate it):
            // district officers record changes as of today or earlier, everyone else within a year.
            let limit = principal.role == .district ? today : today.adding(days: 366)
            guard day <= limit.iso else { throw CoreError(.invalidDate, ["date": MemberStore.german(day)]) }
            var record = change.applied(to: latest)
            record.validFrom = day
            record.validTo = nil
            record.event = (change.district.map { $0 != latest.district } ?? false) || (change.branch.map { $0 != latest.branch } ?? false)
                ? .move : .change
            record.reason = reason
            try check(record, db)
            try MemberStore.append(record, recordedAt: AuditTime.format(now), db)
            return (record, [record.reference])
        }
    }

    /// A lifecycle event: confirmation (allocates the member number), resignation, death,
    /// expulsion, re-entry. Moves and changes go through `changeMember`.
    public func recordEvent(_ reference: MemberReference, _ event: MemberEvent, on date: CalendarDate? = nil,
                            reason: String = "") throws -> MemberRecord {
        try FreeText.check(reason, .reason, field: "reason")
        let day = (date ?? today).iso
        return try perform(.memberWrite, objectType: "member", requested: [reference.description],
                           resolving: { db in try memberTarget(reference, db) }) { db, _ in
            let id = try personID(reference, db)
            guard let latest = try MemberStore.latest(of: id, db) else { throw CoreError(.memberNotFound, ["member": reference.description]) }
            guard latest.erasedAt == nil else { throw CoreError(.memberErased, ["member": reference.description]) }
            let allowed: Bool = switch event {
            case .confirmation, .rejection: latest.status == .pending
            case .resignation, .death, .expulsion, .transferOut: latest.status == .active || (event == .death && latest.status != .deceased)
            case .reentry: [.resigned, .expelled, .transferred].contains(latest.status)
            case .entry, .change, .move, .transferIn: false
            }
            guard allowed else {
                throw CoreError(.memberEventNotAllowed, ["member": reference.description, "event": event.rawValue,
                                                         "status": latest.status.rawValue])
            }
            var record = latest
            record.validFrom = day
            record.validTo = nil
            record.event = event
            record.reason = reason
            record.status = event.status(after: latest.status)
            if event.isExit { record.exitDate = day }
            if event == .reentry { record.exitDate = nil; record.entryDate = day }
            if event == .confirmation {
                record.number = try MemberStore.nextNumber(db)
                try MemberStore.setNumber(record.number!, personID: id, db)
            }
            try check(record, db)
            try MemberStore.append(record, recordedAt: AuditTime.format(now), db)
            return (record, [record.reference])
        }
    }

    /// Imports a CSV file, all or nothing (docs/MEMBERS.md, "Import"): every line is checked
    /// first; any problem and nothing is written, and `MemberDataError` lists them all.
    public func importMembers(_ data: Data, file: String, reason: String = "import") throws -> MemberImportSummary {
        try FreeText.check(reason, .reason, field: "reason")
        return try perform(.memberWrite, on: .vault, objectType: "member") { db in
            // A large import inserts into several indexes in random order: with the usual small page
            // cache every insert would read and decrypt index pages again. 256 MB for the duration.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            let validation = try validation(db)
            let rows = try MemberImport.rows(data, file: file, validation: validation)
            var problems: [MemberProblem] = []
            for row in rows {
                if let number = row.record.number, try MemberStore.numberTaken(number, db) {
                    problems.append(MemberProblem(field: "number", .problemNumberTaken, ["number": String(number)], line: row.line))
                }
            }
            guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
            var next = try MemberStore.nextNumber(db)
            let recordedAt = AuditTime.format(now)
            var numbers: [String] = []
            numbers.reserveCapacity(rows.count)
            var summary = MemberImportSummary(imported: 0)
            // Numbers given in the file first, so that allocated ones never collide with them.
            next = max(next, (rows.compactMap(\.record.number).max() ?? 0) + 1)
            let keys = MemberStore.NameKeys()
            for row in rows {
                var record = row.record
                if record.number == nil && record.status != .pending {
                    record.number = next
                    next += 1
                }
                record.reason = reason
                var exitVersion: MemberRecord?
                if let exitEvent = row.exitEvent, let exit = record.exitDate {
                    exitVersion = record
                    exitVersion?.validFrom = exit
                    exitVersion?.event = exitEvent
                    exitVersion?.status = exitEvent.status(after: .active)
                    // Until that day the person is active without an exit date, as after `recordEvent`
                    // (a list of that time, imported again, must not carry an exit under `active`).
                    record.exitDate = nil
                }
                let stored = try MemberStore.insert(record, then: exitVersion, recordedAt: recordedAt, keys: keys, db)
                numbers.append(stored.reference)
                summary.imported += 1
                if let number = stored.number {
                    summary.firstNumber = min(summary.firstNumber ?? number, number)
                    summary.lastNumber = max(summary.lastNumber ?? number, number)
                }
            }
            return (summary, numbers)
        }
    }

    // MARK: Helpers inside the transaction

    /// For a principal whose reach is their own district: of people listed as of another day, only
    /// those who belong to the district today (or whom a grant covers). Access follows the member's
    /// district of today, in lists as in single lookups: someone who moved away yesterday is not
    /// readable through `--as-of` either.
    func visibleToday(_ records: [MemberRecord], _ operation: AccessOperation, _ db: Database) throws -> [MemberRecord] {
        guard let visible = try visibleToday(personIDs: records.map(\.personID), operation, db) else { return records }
        return records.filter { visible.contains($0.personID) }
    }

    /// The same for person ids; nil when the principal's reach is not limited (everyone visible).
    func visibleToday(personIDs: [Int64], _ operation: AccessOperation, _ db: Database) throws -> Set<Int64>? {
        guard AccessPolicy.reach(principal, operation) == .ownDistrict, let own = principal.scope.districtName else {
            return nil
        }
        let current = Set(try MemberStore.list(district: own, on: today.iso, statuses: nil, kind: nil, db).map(\.personID))
        let grants = try grants(db)
        return Set(try personIDs.filter { id in
            if current.contains(id) { return true }
            guard !grants.isEmpty else { return false }
            return permits(operation, try memberTarget(.person(id), db), grants: grants)
        })
    }

    func personID(_ reference: MemberReference, _ db: Database) throws -> Int64 {
        guard let id = try MemberStore.personID(reference, db) else {
            throw CoreError(.memberNotFound, ["member": reference.description])
        }
        return id
    }

    /// The member as an access target: the district they belong to today (a move recorded for next
    /// month hands them over next month), or their first district if they are not on record yet.
    func memberTarget(_ reference: MemberReference, _ db: Database) throws -> AccessTarget {
        let id = try personID(reference, db)
        guard let record = try MemberStore.version(of: id, on: today.iso, db) ?? MemberStore.history(of: id, db).first else {
            throw CoreError(.memberNotFound, ["member": reference.description])
        }
        return .member(number: record.number ?? 0, district: record.district)
    }

    /// The rules with this vault's districts, branches and minimum entry age.
    func validation(_ db: Database) throws -> MemberValidation {
        MemberValidation(districts: Set(try Districts.all(db)), today: today, minimumEntryAge: try Settings.minimumEntryAge(db),
                         branches: try OrgStore.branchNames(db))
    }

    func check(_ record: MemberRecord, _ db: Database) throws {
        let problems = try validation(db).problems(record)
        guard problems.isEmpty else { throw MemberDataError(problems: problems) }
    }
}
