import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Dues and donations (docs/FINANCE.md). Every function is one authorised, audited operation:
/// `financeRead` (district officers: their own district) or `financeWrite` (treasurer). Reads name
/// the member numbers they return in the audit entry, so `audit who-read` finds them.
public struct FinanceService: GatedService {
    let gate: Gate
}

extension FinanceService {
    /// A district officer's own district, anyone else the vault: for data that is the same everywhere.
    private var ownScope: AccessTarget { principal.scope.districtName.map { .district($0) } ?? .vault }
    /// Sets the dues table that holds from `validFrom` on (replacing one set for the same day).
    /// The first table's month is where dues accounting starts.
    public func setDuesTable(_ brackets: [DuesBracket], validFrom: CalendarDate, purpose: String = "") throws -> DuesTable {
        try FreeText.check(brackets.map { ($0.label, .name, "label") })
        return try perform(.financeWrite, on: .vault, purpose: purpose, objectType: "duesTable") { db in
            let problems = DuesTable.problems(brackets)
            guard problems.isEmpty else { throw MemberDataError(problems: problems) }
            let table = DuesTable(validFrom: validFrom.iso, brackets: brackets)
            try FinanceStore.setDuesTable(table, recordedAt: AuditTime.format(now), db)
            return (table, [table.validFrom])
        }
    }
    /// `dues table set FILE`: the table from a CSV file (`DuesTable.parse`), from `validFrom`
    /// (today if nil). Access is decided before the file is read: someone who may not set the
    /// table gets the denial, never a verdict on the file's contents.
    public func setDuesTable(csv data: Data, file: String, validFrom: CalendarDate? = nil,
                             purpose: String = "") throws -> DuesTable {
        try perform(.financeWrite, on: .vault, purpose: purpose, objectType: "duesTable") { db in
            let brackets = try DuesTable.parse(data, file: file)
            let table = DuesTable(validFrom: (validFrom ?? today).iso, brackets: brackets)
            try FinanceStore.setDuesTable(table, recordedAt: AuditTime.format(now), db)
            return (table, [table.validFrom])
        }
    }
    /// Every dues table, oldest first. A district officer reads it in the scope of their district.
    public func duesTables(purpose: String = "") throws -> [DuesTable] {
        try perform(.financeRead, on: ownScope, purpose: purpose, objectType: "duesTable") { db in
            let tables = try FinanceStore.duesTables(db)
            return (tables, tables.map(\.validFrom))
        }
    }
    /// The dues table that holds on a day (today if nil); nil before the first.
    public func duesTable(asOf: CalendarDate? = nil, purpose: String = "") throws -> DuesTable? {
        let day = (asOf ?? today).iso
        return try perform(.financeRead, on: ownScope, purpose: purpose, objectType: "duesTable") { db in
            let table = try FinanceStore.duesTable(on: day, db)
            return (table, table.map { [$0.validFrom] } ?? [])
        }
    }
    /// Dues arrears on a day (today if nil), in one district or (nil) every district the
    /// principal may read: members with arrears and a summary per district.
    public func arrears(asOf: CalendarDate? = nil, district: String? = nil, purpose: String = "") throws -> ArrearsReport {
        let district = district ?? principal.scope.districtName
        let target: AccessTarget = district.map { .district($0) } ?? .vault
        let day = asOf ?? today
        return try perform(.financeRead, on: target, purpose: purpose, objectType: "member") { db in
            if let district, try !Districts.exists(district, db) {
                throw CoreError(.districtUnknown, ["district": district])
            }
            guard let start = try FinanceStore.accountingStart(db) else { throw CoreError(.duesTableMissing) }
            let paid = try FinanceStore.paidTotals(through: day.iso, db)
            var members: [MemberArrears] = []
            var districts: [String: ArrearsReport.District] = [:]
            var total = ArrearsReport.District(district: "")
            let accounts = try FinanceStore.accounts(district: district, on: day.iso, db)
            let visible = try visibleToday(personIDs: accounts.map(\.personID), .financeRead, db)
            for account in accounts where visible?.contains(account.personID) ?? true {
                let (charges, arrears) = Self.arrears(account, start: start, day: day, paidCents: paid[account.personID] ?? 0)
                guard !charges.isEmpty || arrears.paidCents != 0 else { continue }
                districts[arrears.district, default: ArrearsReport.District(district: arrears.district)].add(arrears)
                total.add(arrears)
                if arrears.balanceCents > 0 { members.append(arrears) }
            }
            // Oldest debt first, then by district and name (German order, keys computed once).
            members = GermanCollation.sorted(members, before: { ArrearsOrder(age: $0.ageMonths ?? 0, district: $0.district) }) {
                GermanCollation.Names(family: $0.familyName, given: $0.givenName, number: $0.number, personID: 0)
            }
            let report = ArrearsReport(asOf: day.iso, accountingStart: start, members: members,
                                       districts: districts.keys.sorted().compactMap { districts[$0] }, total: total)
            return (report, members.map { String($0.number) })
        }
    }
    /// The dues rule applied to one account up to the month of `day`.
    private static func arrears(_ account: FinanceStore.Account, start: CalendarMonth, day: CalendarDate,
                                paidCents: Int) -> ([DuesRule.Charge], MemberArrears) {
        let last = CalendarMonth(day)
        let charges = DuesRule.charges(account.versions, from: start, through: last)
        let settlement = DuesRule.settle(charges, paidCents: paidCents)
        let current = account.current
        let arrears = MemberArrears(number: account.number, givenName: current?.givenName ?? "", familyName: current?.familyName ?? "",
                                    district: current?.district ?? "", status: current?.status ?? .active,
                                    duesCents: current?.duesCents ?? 0, monthsCharged: charges.count,
                                    owedCents: settlement.owedCents, paidCents: settlement.paidCents,
                                    balanceCents: settlement.balanceCents, oldestUnpaidMonth: settlement.oldestUnpaid,
                                    ageMonths: settlement.oldestUnpaid.map { last.months(since: $0) })
        return (charges, arrears)
    }
    /// One member's dues account on a day (today if nil): every month charged and every payment.
    public func duesAccount(_ reference: MemberReference, asOf: CalendarDate? = nil, purpose: String = "") throws -> DuesAccount {
        let day = asOf ?? today
        return try perform(.financeRead, purpose: purpose, objectType: "member", requested: [reference.description],
                           resolving: { db in try financeTarget(reference, db) }) { db, _ in
            guard let start = try FinanceStore.accountingStart(db) else { throw CoreError(.duesTableMissing) }
            guard let id = try MemberStore.personID(reference, db),
                  let account = try FinanceStore.accounts(district: nil, personID: id, on: day.iso, db).first else {
                throw CoreError(.memberNotYet, ["member": reference.description, "date": day.german])
            }
            let payments = try FinanceStore.payments(of: id, through: day.iso, db)
            let (charges, arrears) = Self.arrears(account, start: start, day: day,
                                                  paidCents: payments.reduce(0) { $0 + $1.amountCents })
            return (DuesAccount(arrears: arrears, accountingStart: start, charges: charges, payments: payments), [String(account.number)])
        }
    }
    /// Imports a bank's CSV export of incoming dues payments, all or nothing (docs/FINANCE.md,
    /// "Importing payments"): every line must match one member; a problem anywhere and nothing is
    /// written, `MemberDataError` lists them all by line and column. The same file twice is refused.
    public func importPayments(_ data: Data, file: String) throws -> PaymentImportSummary {
        // The file's name is stored with every payment from it.
        try FreeText.check(file, .fileName, field: "file")
        return try perform(.financeWrite, on: .vault, objectType: "member") { db in
            let hash = Hex.string(SHA256.hash(data))
            if let earlier = try FinanceStore.earlierImport(hash: hash, db) {
                throw CoreError(.paymentFileImported, ["file": file, "earlier": earlier.file,
                                                       "date": AuditTime.parse(earlier.at).map { CalendarDate($0, in: timeZone).german } ?? earlier.at])
            }
            let lines = try PaymentImport.lines(data, file: file, members: try FinanceStore.memberNumbers(db))
            guard !lines.isEmpty else { throw CoreError(.paymentFileEmpty, ["file": file]) }
            var problems: [MemberProblem] = []
            for line in lines {
                if let booked = try FinanceStore.sameBooking(line, db) {
                    problems.append(MemberProblem(field: "", .problemPaymentBooked, ["file": booked.file, "line": String(booked.line)],
                                                  line: line.line))
                }
            }
            guard problems.isEmpty else { throw MemberDataError(problems: problems, file: file) }
            try FinanceStore.insertImport(file: file, hash: hash, lines: lines, importedAt: AuditTime.format(now), db)
            let numbers = Set(lines.map(\.memberNumber))
            let summary = PaymentImportSummary(file: file, contentHash: hash, payments: lines.count,
                                               totalCents: lines.reduce(0) { $0 + $1.amountCents }, members: numbers.count)
            return (summary, numbers.sorted().map(String.init))
        }
    }
    /// Records a donation in the ledger. A member's name and current address are copied in, so
    /// the entry outlives an erasure (§ 24 Abs. 2 PartG). Flags (immediate report, anonymous or
    /// cash above the limit) are returned with it for the treasurer to act on.
    public func addDonation(_ entry: DonationEntry) throws -> Donation {
        let requested: [String]
        if case .member(let reference) = entry.donor { requested = [reference.description] } else { requested = [] }
        if case .person(let name, let street, let postalCode, let city) = entry.donor {
            try FreeText.check([(name, .name, "name"), (street, .address, "street"), (postalCode, .postalCode, "postalCode"),
                                (city, .address, "city")])
        }
        return try perform(.financeWrite, objectType: "member", requested: requested, resolving: { db in
            if case .member(let reference) = entry.donor { return try financeTarget(reference, db) }
            return .vault
        }) { db, _ in
            var donation = Donation(id: 0, receivedOn: entry.receivedOn.iso, amountCents: entry.amountCents, kind: entry.kind,
                                    cash: entry.cash, memberNumber: nil, donorName: "", street: "", postalCode: "", city: "",
                                    flags: [], keepUntil: String(format: "%04d-12-31", entry.receivedOn.year + PartyFinanceLaw.retentionYears))
            var personID: Int64?
            switch entry.donor {
            case .member(let reference):
                guard let id = try MemberStore.personID(reference, db), let record = try MemberStore.latest(of: id, db) else {
                    throw CoreError(.memberNotFound, ["member": reference.description])
                }
                personID = id
                donation.memberNumber = record.number
                donation.donorName = "\(record.givenName) \(record.familyName)"
                donation.street = "\(record.street) \(record.houseNumber)".trimmingCharacters(in: .whitespaces)
                donation.postalCode = record.postalCode
                donation.city = record.city
            case .person(let name, let street, let postalCode, let city):
                donation.donorName = name.trimmingCharacters(in: .whitespaces)
                donation.street = street.trimmingCharacters(in: .whitespaces)
                donation.postalCode = postalCode.trimmingCharacters(in: .whitespaces)
                donation.city = city.trimmingCharacters(in: .whitespaces)
            case .anonymous:
                break
            }
            var problems: [MemberProblem] = []
            if entry.amountCents <= 0 { problems.append(MemberProblem(field: "amount", .problemAmountNotPositive)) }
            if today < entry.receivedOn { problems.append(MemberProblem(field: "date", .problemFuture)) }
            if let old = PartyFinanceLaw.retentionProblem(receivedOn: entry.receivedOn, today: today) { problems.append(old) }
            if case .anonymous = entry.donor {} else {
                // A receipt needs the donor's name and address.
                for (field, value) in [("name", donation.donorName), ("street", donation.street),
                                       ("postalCode", donation.postalCode), ("city", donation.city)] where value.isEmpty {
                    problems.append(MemberProblem(field: field, .problemRequired))
                }
            }
            guard problems.isEmpty else { throw MemberDataError(problems: problems) }
            donation.flags = Donation.flags(amountCents: entry.amountCents, anonymous: donation.isAnonymous, cash: entry.cash)
            donation.recordedAt = AuditTime.format(now)
            donation.id = try FinanceStore.insertDonation(donation, personID: personID, db)
            return (donation, donation.memberNumber.map { [String($0)] } ?? [])
        }
    }
    /// Cancels a ledger entry (docs/FINANCE.md, "Corrections"): the entry stays as it was, a
    /// cancellation with time, certificate and reason is added. Receipts leave it out from then on.
    public func cancelDonation(_ id: Int64, reason: String) throws -> DonationCancellation {
        let reason = try Self.correctionReason(reason)
        return try perform(.financeWrite, on: .vault, objectType: "donation") { db in
            let (original, _) = try openEntry(id, db)
            let cancellation = DonationCancellation(cancelledAt: AuditTime.format(now),
                                                    cancelledBy: String(principal.credential.prefix(12)), reason: reason,
                                                    replacementID: nil)
            try FinanceStore.insertCancellation(of: original.id, cancellation, by: principal.credential, db)
            return (cancellation, [String(original.id)])
        }
    }
    /// Corrects a ledger entry: cancels it and records a new entry that `corrects` it, with the
    /// changed values and everything else (donor, address, member number) copied. The same checks
    /// as for a new donation; nothing changes when one fails. Returns the new entry.
    public func correctDonation(_ id: Int64, _ correction: DonationCorrection, reason: String) throws -> Donation {
        let reason = try Self.correctionReason(reason)
        return try perform(.financeWrite, on: .vault, objectType: "donation") { db in
            let (original, personID) = try openEntry(id, db)
            var replacement = original
            replacement.amountCents = correction.amountCents ?? original.amountCents
            replacement.kind = correction.kind ?? original.kind
            replacement.cash = correction.cash ?? original.cash
            let received = correction.receivedOn ?? CalendarDate.parse(original.receivedOn) ?? today
            replacement.receivedOn = received.iso
            guard replacement != original else { throw CoreError(.donationUnchanged, ["id": String(id)]) }
            var problems: [MemberProblem] = []
            if replacement.amountCents <= 0 { problems.append(MemberProblem(field: "amount", .problemAmountNotPositive)) }
            if today < received { problems.append(MemberProblem(field: "date", .problemFuture)) }
            if correction.receivedOn != nil, let old = PartyFinanceLaw.retentionProblem(receivedOn: received, today: today) {
                problems.append(old)
            }
            guard problems.isEmpty else { throw MemberDataError(problems: problems) }
            replacement.flags = Donation.flags(amountCents: replacement.amountCents, anonymous: replacement.isAnonymous,
                                               cash: replacement.cash)
            replacement.keepUntil = String(format: "%04d-12-31", received.year + PartyFinanceLaw.retentionYears)
            replacement.recordedAt = AuditTime.format(now)
            replacement.corrects = original.id
            replacement.id = try FinanceStore.insertDonation(replacement, personID: personID, db)
            let cancellation = DonationCancellation(cancelledAt: replacement.recordedAt,
                                                    cancelledBy: String(principal.credential.prefix(12)), reason: reason,
                                                    replacementID: replacement.id)
            try FinanceStore.insertCancellation(of: original.id, cancellation, by: principal.credential, db)
            return (replacement, [String(original.id), String(replacement.id)])
        }
    }
    /// The donations of a calendar year, in date order. LV-wide: not for district officers.
    public func donations(year: Int, purpose: String = "") throws -> [Donation] {
        try perform(.financeRead, on: .vault, purpose: purpose, objectType: "member") { db in
            let (donations, _) = try FinanceStore.donations(year: year, db)
            return (donations, Self.numbers(donations))
        }
    }
    /// The data for a year's donation receipts: per donor the total and each donation, with the
    /// § 25 Abs. 3 PartG flags for the Rechenschaftsbericht. Only entries that count: not
    /// cancelled, or with `asRecorded`, as the ledger stood at that instant (docs/FINANCE.md,
    /// "Reproducible receipts"); the result names its instant, which gives the same data again.
    /// An instant after now is refused: what the ledger holds then is not known yet.
    public func receiptData(year: Int, asRecorded: Date? = nil, purpose: String = "") throws -> DonationReceipts {
        let current = LedgerInstant.recorded(at: now)
        let instant = asRecorded.map(LedgerInstant.init) ?? current
        return try perform(.financeRead, on: .vault, purpose: purpose, objectType: "member") { db in
            guard instant <= current else { throw CoreError(.asRecordedFuture, ["time": instant.description]) }
            let (donations, personIDs) = try FinanceStore.donations(year: year, db)
            let receipts = DonationReceipts.make(year: year, donations: donations, personIDs: personIDs, asRecorded: instant)
            return (receipts, Self.numbers(donations.filter { $0.counts(asRecorded: instant) }))
        }
    }
    /// The reason of a cancellation or correction, trimmed; never empty.
    private static func correctionReason(_ text: String) throws -> String {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CoreError(.donationReasonMissing) }
        try FreeText.check(reason, .reason, field: "reason")
        return reason
    }
    /// A ledger entry that is not cancelled yet, with its person id.
    private func openEntry(_ id: Int64, _ db: Database) throws -> (Donation, Int64?) {
        guard let (entry, personID) = try FinanceStore.donation(id: id, db) else {
            throw CoreError(.donationNotFound, ["id": String(id)])
        }
        if let cancellation = entry.cancellation {
            let date = cancellation.day(in: timeZone)?.german ?? cancellation.cancelledAt
            if let replacement = cancellation.replacementID {
                throw CoreError(.donationCorrected, ["id": String(id), "date": date, "replacement": String(replacement)])
            }
            throw CoreError(.donationCancelled, ["id": String(id), "date": date])
        }
        return (entry, personID)
    }
    private static func numbers(_ donations: [Donation]) -> [String] {
        Array(Set(donations.compactMap(\.memberNumber))).sorted().map(String.init)
    }
    /// The member as an access target: their district now.
    private func financeTarget(_ reference: MemberReference, _ db: Database) throws -> AccessTarget {
        guard let id = try MemberStore.personID(reference, db), let latest = try MemberStore.latest(of: id, db) else {
            throw CoreError(.memberNotFound, ["member": reference.description])
        }
        return .member(number: latest.number ?? 0, district: latest.district)
    }
}

/// Arrears lists: the oldest debt first, then by district (German order); people break the ties.
private struct ArrearsOrder: Comparable {
    var age: Int
    var district: String

    static func < (a: ArrearsOrder, b: ArrearsOrder) -> Bool {
        a.age != b.age ? a.age > b.age : GermanCollation.key(a.district) < GermanCollation.key(b.district)
    }
}
