import Foundation
import GRDB

// Member care (docs/MEMBERS.md): duplicates, confirmation letters, anniversaries, the entry-age
// setting, rectification. Each function is one audited operation, like those in +Members.swift.

extension KarteiSession {
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
}

extension KarteiSession {
    /// A confirmation letter for one person (their current version), audited as a read with the
    /// letter's kind as its purpose.
    public func confirmationLetter(_ kind: ConfirmationLetter.Kind, for reference: MemberReference,
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
}

extension KarteiSession {
    /// Sets the association's time zone (`kartei org time-zone ZONE`): from the next session on,
    /// "today" is the day there.
    public func setTimeZone(_ identifier: String) throws {
        try FreeText.check(identifier, .identifier, field: "zone")
        try perform(.orgWrite, on: .vault, objectType: "setting") { db in
            try Settings.setTimeZone(identifier, db)
            return ((), ["timeZone"])
        }
    }

    /// Sets the youngest age at entry the statutes allow (`kartei member entry-age N`).
    public func setMinimumEntryAge(_ years: Int) throws {
        try perform(.orgWrite, on: .vault, objectType: "setting") { db in
            try Settings.setMinimumEntryAge(years, db)
            return ((), ["minimumEntryAge"])
        }
    }
}

extension KarteiSession {
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
}

extension KarteiSession {
    /// GDPR Art. 16: corrects fields that were recorded wrongly, in every version from `since` on
    /// (all versions if nil), without creating a new version: a misspelt name was never right.
    /// Only names, birth date, gender and the postal address and contact can be rectified; a move or a
    /// status is an event, not a correction. Audited as `memberWrite` with the fixed purpose `rectify`.
    public func rectifyMember(_ reference: MemberReference, _ change: MemberChange, since: CalendarDate? = nil) throws -> MemberDetail {
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
