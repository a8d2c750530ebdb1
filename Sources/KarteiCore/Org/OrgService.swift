import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// The organisation (docs/ORGANISATION.md): districts, branches and caucuses with their history,
/// bodies, offices and mandates. Structure is `orgRead`/`orgWrite`; offices and mandates are data
/// about people and go with `memberRead`/`memberWrite` on the person's district.
public struct OrgService: GatedService {
    let gate: Gate
}

extension OrgService {
    public func units(_ kind: OrgUnit.Kind, district: String? = nil, asOf: CalendarDate? = nil) throws -> [OrgUnit] {
        try perform(.orgRead, on: .vault, objectType: kind.rawValue) { db in
            (try OrgStore.units(kind: kind, district: district, on: asOf?.iso, db), [])
        }
    }
    /// A new branch of a district (founded on `from`), or a statewide caucus (`district` nil).
    public func addUnit(_ kind: OrgUnit.Kind, name: String, district: String?, from: CalendarDate? = nil) throws -> OrgUnit {
        try FreeText.check(name, .name, field: "name")
        return try perform(.orgWrite, on: .vault, objectType: kind.rawValue) { db in
            let home = kind == .branch ? (district ?? "") : ""
            if kind == .branch { guard try Districts.exists(home, db) else { throw CoreError(.districtUnknown, ["district": home]) } }
            let unit = try OrgStore.addUnit(kind: kind, name: name, district: home, from: (from ?? today).iso,
                                            at: AuditTime.format(now), db)
            return (unit, [String(unit.id)])
        }
    }
    /// Renames a branch from a day on, or merges it into another: the old unit ends, its successor
    /// begins (or continues), and every member of the old branch moves with a `move` version that
    /// day. One transaction: all or nothing.
    public func restructureBranch(_ name: String, district: String, into target: String, merge: Bool,
                                  on date: CalendarDate, reason: String) throws -> BranchRestructuring {
        try FreeText.check([(target, .name, merge ? "into" : "to"), (reason, .reason, "reason")])
        let day = date.iso
        // It moves members, so it needs the right to write member data too (a certificate, not
        // only the vault passphrase).
        try authorize(.memberWrite, on: .district(district), objectType: "member")
        return try perform(.orgWrite, on: .vault, objectType: "branch") { db in
            guard let old = try OrgStore.current(kind: .branch, name: name, district: district, on: day, db) else {
                throw CoreError(.unitNotFound, ["name": name])
            }
            let successor: OrgUnit
            if merge {
                guard let existing = try OrgStore.current(kind: .branch, name: target, district: district, on: day, db),
                      existing.id != old.id else {
                    throw CoreError(.unitNotFound, ["name": target])
                }
                successor = existing
            } else {
                successor = try OrgStore.addUnit(kind: .branch, name: target, district: district, from: day,
                                                 at: AuditTime.format(now), db)
            }
            try OrgStore.end(old, on: day, successor: successor.id, db)
            var moved: [String] = []
            let members = try MemberStore.list(district: district, on: day, statuses: nil, kind: nil, db).filter { $0.branch == name }
            for member in members {
                guard var latest = try MemberStore.latest(of: member.personID, db) else { continue }
                guard latest.branch == name else { continue }
                latest.branch = successor.name
                latest.validFrom = day
                latest.validTo = nil
                latest.event = .move
                latest.reason = reason
                try MemberStore.append(latest, recordedAt: AuditTime.format(now), db)
                moved.append(latest.reference)
            }
            return (BranchRestructuring(successor: successor, moved: moved), [String(old.id), String(successor.id)] + moved)
        }
    }
    public func bodies(district: String? = nil) throws -> [Body] {
        try perform(.orgRead, on: .vault, objectType: "body") { db in
            (try OrgStore.bodies(district: district, db), [])
        }
    }
    public func addBody(name: String, kind: Body.Kind, district: String?, from: CalendarDate? = nil) throws -> Body {
        try FreeText.check(name, .name, field: "name")
        return try perform(.orgWrite, on: .vault, objectType: "body") { db in
            if let district, try !Districts.exists(district, db) { throw CoreError(.districtUnknown, ["district": district]) }
            let body = try OrgStore.addBody(kind: kind, name: name, district: district ?? "", from: (from ?? today).iso, db)
            return (body, [String(body.id)])
        }
    }
    /// Who holds an office in a body on a day (its members as the contact list of the body).
    public func officeHolders(body id: Int64, asOf: CalendarDate? = nil, purpose: String = "") throws -> [OfficeHolding] {
        let day = (asOf ?? today).iso
        return try perform(.memberRead, purpose: purpose, objectType: "member", requested: ["body:\(id)"],
                           resolving: { db in try bodyTarget(id, db) }) { db, _ in
            let grants = try grants(db)
            var result: [OfficeHolding] = []
            for office in try OrgStore.offices(bodyID: id, on: day, db) {
                guard let record = try MemberStore.version(of: office.personID, on: day, db)
                    ?? MemberStore.latest(of: office.personID, db),
                      // Each holder as a person, by their district of today: a holder who has moved to
                      // another district is theirs, also in a list as of an earlier day.
                      permits(.memberRead, try memberTarget(.person(office.personID), db), grants: grants)
                else { continue }
                result.append(OfficeHolding(office: office, holder: record))
            }
            // By office, then German order of the people.
            result = GermanCollation.sorted(result, before: { GermanCollation.key($0.office.title) }, record: \.holder)
            return (result, result.map(\.holder.reference))
        }
    }
    /// A person takes up an office in a body from a day on. Office holders must be active members then.
    public func addOffice(_ reference: MemberReference, body id: Int64, title: String, from: CalendarDate? = nil,
                          source: String = "") throws -> Office {
        try FreeText.check([(title, .name, "title"), (source, .reason, "source")])
        let day = (from ?? today).iso
        return try perform(.memberWrite, objectType: "office", requested: [reference.description],
                           resolving: { db in try memberTarget(reference, db) }) { db, _ in
            guard let personID = try MemberStore.personID(reference, db) else {
                throw CoreError(.memberNotFound, ["member": reference.description])
            }
            let body = try OrgStore.body(id, db)
            guard let version = try MemberStore.version(of: personID, on: day, db), version.status == .active,
                  version.kind == .member else {
                throw CoreError(.officeNeedsMember, ["member": reference.description, "date": MemberStore.german(day)])
            }
            let office = try OrgStore.addOffice(personID: personID, number: version.number, body: body, title: title,
                                                from: day, source: source, db)
            return (office, [version.reference])
        }
    }
    /// Ends an office or a mandate on a day after it began.
    public func endTerm(_ kind: Term, id: Int64, on date: CalendarDate? = nil) throws {
        let day = (date ?? today).iso
        try perform(.memberWrite, objectType: kind.rawValue, requested: ["\(kind.rawValue):\(id)"], resolving: { db in
            guard let personID = try OrgStore.holder(of: kind, id: id, db) else {
                throw CoreError(.termNotFound, ["id": String(id)])
            }
            return try memberTarget(.person(personID), db)
        }) { db, target in
            try OrgStore.end(kind, id: id, on: day, db)
            if case .member(let number, _) = target { return ((), [String(number)]) }
            return ((), [])
        }
    }
    public func addMandate(_ reference: MemberReference, level: Mandate.Level, name: String,
                           from: CalendarDate? = nil) throws -> Mandate {
        try FreeText.check(name, .name, field: "name")
        let day = (from ?? today).iso
        return try perform(.memberWrite, objectType: "mandate", requested: [reference.description],
                           resolving: { db in try memberTarget(reference, db) }) { db, _ in
            guard let personID = try MemberStore.personID(reference, db),
                  let latest = try MemberStore.latest(of: personID, db) else {
                throw CoreError(.memberNotFound, ["member": reference.description])
            }
            let mandate = try OrgStore.addMandate(personID: personID, number: latest.number, level: level, name: name,
                                                  from: day, db)
            return (mandate, [latest.reference])
        }
    }
    /// Mandates held on a day (all levels, or one), in the principal's scope.
    public func mandates(level: Mandate.Level? = nil, asOf: CalendarDate? = nil, purpose: String = "") throws -> [MandateHolding] {
        let day = (asOf ?? today).iso
        let district = principal.scope.districtName
        // Audited as reads of the members they name, so that `audit who-read` finds them.
        return try perform(.memberRead, on: district.map { .district($0) } ?? .vault, purpose: purpose, objectType: "member") { db in
            var result: [MandateHolding] = []
            for mandate in try OrgStore.mandates(personID: nil, level: level, on: day, db) {
                guard let record = try MemberStore.version(of: mandate.personID, on: day, db)
                    ?? MemberStore.latest(of: mandate.personID, db) else { continue }
                result.append(MandateHolding(mandate: mandate, holder: record))
            }
            // A district officer: the people of their district today.
            let visible = Set(try visibleToday(result.map(\.holder), .memberRead, db).map(\.personID))
            result = result.filter { visible.contains($0.holder.personID) }
            result = GermanCollation.sorted(result, before: \.mandate.validFrom, record: \.holder)
            return (result, result.map(\.holder.reference))
        }
    }
    /// The offices and mandates of one person (shown with `member show`).
    public func terms(_ reference: MemberReference, purpose: String = "") throws -> MemberTerms {
        try perform(.memberRead, purpose: purpose, objectType: "member", requested: [reference.description],
                    resolving: { db in try memberTarget(reference, db) }) { db, target in
            guard let personID = try MemberStore.personID(reference, db) else {
                throw CoreError(.memberNotFound, ["member": reference.description])
            }
            let terms = MemberTerms(offices: try OrgStore.offices(personID: personID, db),
                                    mandates: try OrgStore.mandates(personID: personID, level: nil, on: nil, db))
            return (terms, [try MemberStore.latest(of: personID, db)?.reference ?? reference.description])
        }
    }
    /// A person (member or not) joins a statewide caucus from a day on.
    public func joinCaucus(_ caucus: Int64, _ reference: MemberReference, from: CalendarDate? = nil) throws {
        let day = (from ?? today).iso
        try perform(.memberWrite, objectType: "caucus", requested: [reference.description],
                    resolving: { db in try memberTarget(reference, db) }) { db, _ in
            guard let unit = try OrgStore.caucus(caucus, db) else {
                throw CoreError(.unitNotFound, ["name": String(caucus)])
            }
            guard let personID = try MemberStore.personID(reference, db) else {
                throw CoreError(.memberNotFound, ["member": reference.description])
            }
            try OrgStore.join(caucus: unit.id, personID: personID, from: day, db)
            return ((), [try MemberStore.latest(of: personID, db)?.reference ?? reference.description])
        }
    }
    /// Who belonged to a caucus on a day (every district: caucuses are statewide).
    public func caucusMembers(_ caucus: Int64, asOf: CalendarDate? = nil, purpose: String = "") throws -> [MemberRecord] {
        let day = (asOf ?? today).iso
        return try perform(.memberRead, on: .vault, purpose: purpose, objectType: "member") { db in
            let ids = try OrgStore.caucusMembers(caucus, on: day, db)
            let records = GermanCollation.sorted(try ids.compactMap {
                try MemberStore.version(of: $0, on: day, db) ?? MemberStore.latest(of: $0, db)
            })
            return (records, records.map(\.reference))
        }
    }
    public func districts() throws -> [String] {
        try perform(.orgRead, on: .vault, objectType: "district") { db in (try Districts.all(db), []) }
    }
    public func addDistrict(_ name: String) throws {
        try FreeText.check(name, .name, field: "name")
        try perform(.orgWrite, on: .vault, objectType: "district") { db in
            try Districts.add(name, at: now, db)
            return ((), [name])
        }
    }
}
