import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// The member file (docs/MEMBERS.md): people with their history as of any day, lifecycle events,
/// imports, search, member care, the Art. 15 report and erasure. Every function is one authorised,
/// audited operation; reads name the record ids they return in the audit entry.
public struct MemberService: GatedService {
    let gate: Gate
}

// MARK: - The file

extension MemberService {
    /// People as they stood on a day. A district officer without a district gets their own.
    public func list(_ query: MemberQuery, purpose: String = "") throws -> [MemberRecord] {
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
    public func show(_ reference: MemberReference, asOf: CalendarDate? = nil, purpose: String = "") throws -> MemberDetail {
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
    public func search(_ text: String, limit: Int = 50, purpose: String = "") throws -> MemberSearch.Result {
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
    public func add(_ details: MemberChange, status: MemberStatus = .active, number: Int? = nil,
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
    public func change(_ reference: MemberReference, _ change: MemberChange, validFrom: CalendarDate? = nil,
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
    public func importFile(_ data: Data, file: String, reason: String = "import") throws -> MemberImportSummary {
        try FreeText.check(reason, .reason, field: "reason")
        return try perform(.memberWrite, on: .vault, objectType: "member") { db in
            // A large import inserts into several indexes in random order: with the usual small page
            // cache every insert would read and decrypt index pages again. 256 MB for the duration.
            let restore = try MemberStore.enlargeCache(db)
            defer { restore() }
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
}

// MARK: - Member care

extension MemberService {
    /// Likely duplicate people, and addresses shared by several members (one letter instead of
    /// several), among the current records the principal may read (docs/MEMBERS.md, "Duplicates").
    public func duplicates(district: String? = nil, purpose: String = "") throws -> [DuplicateGroup] {
        let district = district ?? principal.scope.districtName
        let target: AccessTarget = district.map { .district($0) } ?? .vault
        return try perform(.memberRead, on: target, purpose: purpose, objectType: "member") { db in
            let records = try MemberStore.list(district: district, on: today.iso, statuses: [.active, .pending], kind: nil, db)
            let addressKeys = records.map {
                AddressNormaliser.key(street: $0.street, houseNumber: $0.houseNumber, postalCode: $0.postalCode, city: $0.city)
            }
            let candidates = records.indices.map { index in
                DuplicateFinder.Candidate(id: index, givenName: records[index].givenName, familyName: records[index].familyName,
                                          birthDate: records[index].birthDate,
                                          addressKey: addressKeys[index].isEmpty ? nil : addressKeys[index])
            }
            var groups = DuplicateFinder.groups(candidates).map { DuplicateGroup(kind: "person", members: $0.map { records[$0] }) }
            let inPersonGroups = Set(groups.flatMap { $0.members.map(\.personID) })
            var households: [String: [Int]] = [:]
            for (index, key) in addressKeys.enumerated() where !key.isEmpty { households[key, default: []].append(index) }
            groups += households.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
                .map { DuplicateGroup(kind: "address", members: $0.map { records[$0] }) }
                .filter { !$0.members.allSatisfy { inPersonGroups.contains($0.personID) } }
            return (groups, groups.flatMap { $0.members.map(\.reference) })
        }
    }
    /// A confirmation letter for one person (their current version), audited as a read with the
    /// letter's kind as its purpose.
    public func letter(_ kind: ConfirmationLetter.Kind, for reference: MemberReference,
                                   association: String) throws -> String {
        try perform(.memberRead, purpose: "letter:\(kind.rawValue)", objectType: "member", requested: [reference.description],
                    resolving: { db in try memberTarget(reference, db) }) { db, _ in
            guard let id = try MemberStore.personID(reference, db), let record = try MemberStore.latest(of: id, db) else {
                throw CoreError(.memberNotFound, ["member": reference.description])
            }
            guard let text = ConfirmationLetter.text(kind, for: record, association: association, date: today) else {
                throw CoreError(.memberEventNotAllowed, ["member": reference.description, "event": kind.rawValue,
                                                         "status": record.status.rawValue])
            }
            return (text, [record.reference])
        }
    }
    /// Birthdays and membership jubilees of active members in the `days` from `from` on (the
    /// district office's card list). A district officer gets their district.
    public func anniversaries(from: CalendarDate? = nil, days: Int = 30, district: String? = nil, roundOnly: Bool = false,
                              purpose: String = "") throws -> [Anniversary] {
        let start = from ?? today
        let district = district ?? principal.scope.districtName
        return try perform(.memberRead, on: district.map { .district($0) } ?? .vault, purpose: purpose, objectType: "member") { db in
            let window = (0..<max(1, min(days, 366))).map { start.adding(days: $0) }
            let members = try visibleToday(try MemberStore.list(district: district, on: start.iso, statuses: [.active],
                                                                kind: .member, db), .memberRead, db)
            var result: [Anniversary] = []
            for member in members {
                for day in window {
                    if let birth = member.birthDate.flatMap(CalendarDate.parse), birth.month == day.month, birth.day == day.day,
                       day.year > birth.year {
                        let age = day.year - birth.year
                        result.append(Anniversary(kind: "birthday", date: day.iso, years: age,
                                                  round: [50, 60, 65, 70, 75, 80, 85].contains(age) || age >= 90, member: member))
                    }
                    if let entry = member.entryDate.flatMap(CalendarDate.parse), entry.month == day.month, entry.day == day.day,
                       day.year > entry.year {
                        let years = day.year - entry.year
                        if years % 5 == 0 || !roundOnly {
                            result.append(Anniversary(kind: "jubilee", date: day.iso, years: years, round: years % 5 == 0, member: member))
                        }
                    }
                }
            }
            result = GermanCollation.sorted(result.filter { !roundOnly || $0.round }, before: \.date, record: \.member)
            return (result, result.map(\.member.reference))
        }
    }
    /// GDPR Art. 16: corrects fields that were recorded wrongly, in every version from `since` on
    /// (all versions if nil), without creating a new version: a misspelt name was never right.
    /// Only names, birth date, gender and the postal address and contact can be rectified; a move or a
    /// status is an event, not a correction. Audited as `memberWrite` with the fixed purpose `rectify`.
    public func rectify(_ reference: MemberReference, _ change: MemberChange, since: CalendarDate? = nil) throws -> MemberDetail {
        guard change.kind == nil, change.district == nil, change.branch == nil, change.duesCents == nil, !change.isEmpty else {
            throw CoreError(.rectifyFieldsOnly)
        }
        // The purpose is public in audit exports: a fixed word, never the free-text reason (which
        // would read like "Meier, not Maier"). The reason belongs on the paper file.
        return try perform(.memberWrite, purpose: "rectify", objectType: "member", requested: [reference.description],
                           resolving: { db in try memberTarget(reference, db) }) { db, _ in
            let id = try personID(reference, db)
            let history = try MemberStore.history(of: id, db)
            guard history.last?.erasedAt == nil else { throw CoreError(.memberErased, ["member": reference.description]) }
            let validation = try validation(db)
            var changed = 0
            for version in history where since.map({ version.validFrom >= $0.iso }) ?? true {
                var corrected = change.applied(to: version)
                corrected.reason = version.reason
                let problems = validation.problems(corrected)
                guard problems.isEmpty else { throw MemberDataError(problems: problems) }
                try MemberStore.rectify(versionOf: id, validFrom: version.validFrom, to: corrected, db)
                changed += 1
            }
            guard changed > 0 else { throw CoreError(.memberNotYet, ["member": reference.description,
                                                                       "date": since?.german ?? ""]) }
            let detail = MemberDetail(current: try MemberStore.latest(of: id, db)!, history: try MemberStore.history(of: id, db))
            return (detail, [detail.current.reference])
        }
    }
}

// MARK: - Art. 15

extension MemberService {
    /// GDPR Art. 15 for one person: every version of their data, every access to it, every export
    /// that contained them.
    public func report(_ reference: MemberReference, purpose: String = "") throws -> SubjectAccessReport {
        try perform(.subjectAccessReport, purpose: purpose, objectType: "member", requested: [reference.description],
                    resolving: { db in try memberTarget(reference, db) }) { db, _ in
            guard let id = try MemberStore.personID(reference, db), let latest = try MemberStore.latest(of: id, db) else {
                throw CoreError(.memberNotFound, ["member": reference.description])
            }
            let history = try MemberStore.history(of: id, db)
            // Every entry naming the person: as a member, through an office, mandate or caucus, and
            // under the #id a pending entry had before its number.
            var names = [latest.reference]
            if latest.number != nil { names.append("#\(id)") }
            var seen = Set<Int64>()
            var stored: [AuditLog.StoredEntry] = []
            for type in ["member", "office", "mandate", "caucus"] {
                for name in names {
                    for entry in try AuditLog.entries(objectType: type, objectID: name, db) where seen.insert(entry.seq).inserted {
                        stored.append(entry)
                    }
                }
            }
            let entries = stored.sorted { $0.seq < $1.seq }.compactMap(\.event)
            let accesses = entries.map {
                SubjectAccessReport.Access(time: $0.time, role: $0.actorRole, scope: $0.actorScope, action: $0.action,
                                           purpose: $0.purpose, outcome: $0.outcome.rawValue)
            }
            let exports = try ExportStore.containing(latest.reference, db)
            let current = try MemberStore.version(of: id, on: today.iso, db) ?? latest
            let person = MemberDetail(current: current, history: history, offices: try OrgStore.offices(personID: id, db),
                                      mandates: try OrgStore.mandates(personID: id, level: nil, on: nil, db),
                                      importedHistory: try TransferStore.importedHistory(personID: id, db))
            return (SubjectAccessReport(person: person, accesses: accesses,
                                        exports: exports), [latest.reference])
        }
    }
}

// MARK: - Erasure

extension MemberService {
    /// Erases former members (GDPR Art. 17, docs/MEMBERS.md "Erasure"): everything that identifies
    /// them is blanked in every version of their data, while member number, dates, status,
    /// district, dues, gender and birth year stay, so that statistics, delegate keys and ledgers
    /// stay consistent. Who: former members whose exit lies more than the retention period
    /// (`erasureRetentionYears`) before the end of their exit year, or the `only` members named
    /// (former members only). A dry run changes nothing; a real run needs a second key holder.
    public func erase(only: [MemberReference] = [], dryRun: Bool, approver: IdentitySource? = nil,
                                   purpose: String = "") throws -> ErasureSummary {
        let approverCertificate = try approver.map { try $0.certificate() }
        let approverIdentity = approver.map { source in Result { try source.load() } }
        let holders = Set(try vault.holderCertificates().map(\.serialHex))
        let summary: ErasureSummary = try perform(.memberErase, on: .vault, purpose: purpose, objectType: "member") { db in
            let years = try Settings.erasureRetentionYears(db)
            let cutoff = CalendarDate(year: today.year - years - 1, month: 12, day: 31).iso
            var ids: [(Int64, String)] = []
            if only.isEmpty {
                ids = try MemberStore.formerMembers(exitedBy: cutoff, db)
            } else {
                for reference in only {
                    guard let id = try MemberStore.personID(reference, db), try MemberStore.isFormerMember(id, db) else {
                        throw CoreError(.erasureNotFormer, ["member": reference.description])
                    }
                    ids.append((id, reference.description))
                }
            }
            if !dryRun {
                guard let approverCertificate, let approverIdentity else {
                    throw CoreError(.erasureNeedsApproval, ["count": String(ids.count)])
                }
                _ = try secondKeyHolder(approverCertificate, approverIdentity, holders: holders, db)
                for (id, _) in ids { try MemberStore.erase(personID: id, at: AuditTime.format(now), db) }
            }
            return (ErasureSummary(dryRun: dryRun, cutoff: cutoff, members: ids.map(\.1)), ids.map(\.1))
        }
        // Old page images of the erased rows leave the WAL now, not at the next checkpoint.
        // If another process is reading right now, the WAL is emptied at the next checkpoint instead
        // (at the latest when the last connection closes); the erasure itself is committed either way.
        if !dryRun && !summary.members.isEmpty { try? vault.checkpointTruncatingWAL() }
        return summary
    }
}
