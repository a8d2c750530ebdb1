import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Finding a member and what they are as an access target, inside an operation's transaction:
/// shared by every service that works on people.
extension GatedService {
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
    func bodyTarget(_ id: Int64, _ db: Database) throws -> AccessTarget {
        let body = try OrgStore.body(id, db)
        return body.district.isEmpty ? .vault : .district(body.district)
    }
    /// The verified identity of a second person who holds a vault key (treasurer or office) and is
    /// not the caller: the four-eyes rule of large exports and erasures.
    func secondKeyHolder(_ certificate: Certificate, _ loaded: Result<Identity, any Error>, holders: Set<String>,
                         _ db: Database) throws -> Principal {
        let second = try Authenticator.judge(certificate, loaded: loaded, keyDigests: [], client: principal.client, now: now, db).get()
        guard second.userID != principal.userID, [.treasurer, .office].contains(second.role),
              holders.contains(second.credential) else {
            throw CoreError(.exportApproverInvalid)
        }
        return second
    }
}
