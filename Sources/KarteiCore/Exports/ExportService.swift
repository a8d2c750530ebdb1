import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Purpose-limited exports with canaries and four eyes above a size, and tracing a leaked list
/// back to its export (docs/MEMBERS.md, "Exports").
public struct ExportService: GatedService {
    let gate: Gate
}

extension ExportService {
    /// An export for one purpose: only the purpose's fields, a canary among the rows, recorded and
    /// audited with every member number. More people than the vault's threshold need `approver`:
    /// a second person who holds a vault key (treasurer or office), verified like any identity.
    /// `file`: where to write the export (a new file, mode 0600) in the same transaction, so that
    /// an export is recorded if and only if its file exists. Membership cards are HTML: their file
    /// must end in `.html` (or `.htm`).
    public func export(_ request: ExportRequest, approver: IdentitySource? = nil,
                              file: (path: String, association: String)? = nil) throws -> MemberExport {
        if let file, request.purpose == .cards,
           !MembershipCards.extensions.contains((file.path as NSString).pathExtension.lowercased()) {
            throw CoreError(.exportCardsFormat, ["file": (file.path as NSString).lastPathComponent])
        }
        var written: String?
        do {
            return try export(request, approver: approver) { export in
                guard let file else { return }
                try NewFile.write(export.rendered(association: file.association), to: file.path)
                written = file.path
            }
        } catch {
            if let written { NewFile.remove(written) }
            throw error
        }
    }
    private func export(_ request: ExportRequest, approver: IdentitySource?,
                               write: (MemberExport) throws -> Void) throws -> MemberExport {
        let purposeText = request.purposeText.trimmingCharacters(in: .whitespaces)
        let recipient = request.recipient.trimmingCharacters(in: .whitespaces)
        // The CLI's --reason is the export's purpose text; it goes into the log as its purpose.
        try FreeText.check([(purposeText, .reason, "reason"), (recipient, .recipient, "recipient")])
        guard !purposeText.isEmpty, !recipient.isEmpty else { throw CoreError(.exportNeedsPurpose) }
        let district = request.query.district ?? principal.scope.districtName
        let target: AccessTarget = district.map { .district($0) } ?? .vault
        let day = (request.query.asOf ?? today).iso
        let approverCertificate = try approver.map { try $0.certificate() }
        let approverIdentity = approver.map { source in Result { try source.load() } }
        let holders = Set(try vault.holderCertificates().map(\.serialHex))
        return try perform(.memberExport, purpose: purposeText, objectType: "member", requested: [],
                           resolving: { db in try request.body.map { try bodyTarget($0, db) } ?? target }) { db, _ in
            if let district, try !Districts.exists(district, db) {
                throw CoreError(.districtUnknown, ["district": district])
            }
            var people: [MemberRecord]
            if let body = request.body {
                people = GermanCollation.sorted(try OrgStore.offices(bodyID: body, on: day, db).compactMap { office in
                    try MemberStore.version(of: office.personID, on: day, db)
                })
            } else {
                people = try visibleToday(try MemberStore.list(district: district, on: day, statuses: request.query.statuses,
                                                               kind: request.query.kind, db), .memberExport, db)
            }
            // New members only (`--entered-since`): entered on or after that day.
            if let since = request.query.enteredSince?.iso {
                people = people.filter { ($0.entryDate ?? "") >= since }
            }
            var approvedBy: Principal?
            if people.count > (try Settings.exportApprovalThreshold(db)) {
                guard let approverCertificate, let approverIdentity else {
                    throw CoreError(.exportNeedsApproval, ["count": String(people.count),
                                                           "threshold": String(try Settings.exportApprovalThreshold(db))])
                }
                approvedBy = try secondKeyHolder(approverCertificate, approverIdentity, holders: holders, db)
            }
            var rows = people.map(request.purpose.values)
            var canary: Canary?
            if request.purpose.carriesCanary {
                let made = Canary.make(seed: try SecureRandom.uniform(UInt64.max), mailDomain: try Settings.canaryMailDomain(db),
                                       near: people.map { ($0.city, $0.postalCode) })
                // Where its name sorts, like every other row (lists are in German order, GermanCollation).
                let key = GermanCollation.personKey(familyName: made.familyName, givenName: made.givenName)
                let position = people.firstIndex { GermanCollation.personKey($0) > key } ?? people.count
                rows.insert(request.purpose.values(made.asRecord), at: position)
                canary = made
            }
            let id = try ExportStore.insert(ExportStore.Entry(
                createdAt: AuditTime.format(now), actor: principal, approver: approvedBy, purpose: request.purpose,
                purposeText: purposeText, recipient: recipient, scope: request.body.map { "body:\($0)" } ?? district ?? "",
                references: people.map(\.reference), canary: canary), db)
            let export = MemberExport(id: id, purpose: request.purpose, recipient: recipient,
                                      fields: request.purpose.fields, rows: rows, people: people.count,
                                      validUntil: request.purpose == .cards ? MembershipCards.validUntil(issuedOn: today).iso : nil)
            try write(export)
            return (export, people.map(\.reference))
        }
    }
    /// Which export a leaked row came from: searches the canaries for a name, e-mail or phone.
    public func trace(_ text: String) throws -> [ExportRecord] {
        try perform(.auditRead, on: .vault, objectType: "export") { db in
            let needle = NameFolding.fold(text)
            var found: [ExportRecord] = []
            for (record, canary) in try ExportStore.withCanaries(db) {
                let haystack = [canary.givenName + " " + canary.familyName, canary.familyName + ", " + canary.givenName,
                                canary.email, canary.phone].map(NameFolding.fold)
                guard haystack.contains(where: { $0 == needle || $0.contains(needle) && needle.count >= 6 }) else { continue }
                found.append(record)
            }
            return (found, found.map { String($0.id) })
        }
    }
}
