import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Transfers between state associations (docs/MEMBERS.md, "Transfers between state
/// associations"): partners, packages out and in. Every function is one authorised, audited
/// operation.
public struct TransferService: GatedService {
    let gate: Gate
}

extension TransferService {
    /// Registers another association's vault CA as a partner (`caManage`: it decides whom this
    /// vault trusts, like the CA itself). `pem` is what `kartei ca cert` prints there; `file`
    /// names it in messages.
    public func addPartner(name: String, certificatePEM pem: String, file: String) throws -> TransferPartner {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw CoreError(.nameEmpty) }
        try FreeText.check(name, .name, field: "name")
        let certificates = (try? Certificate.certificates(fromPEM: pem)) ?? []
        guard certificates.count == 1, let certificate = certificates.first, certificate.isCA,
              certificate.isSignedBy(certificate), (try? certificate.publicKey.isP256) == true,
              certificate.subjectOrganization?.hasPrefix("kartei ") == true else {
            throw CoreError(.transferPartnerInvalid, ["file": file])
        }
        return try perform(.caManage, on: .vault, objectType: "transferPartner") { db in
            guard certificate != (try CertificateAuthority.certificate(db)) else {
                throw CoreError(.transferPartnerIsOwnCA, ["file": file])
            }
            if let existing = try TransferStore.existing(name: name, fingerprint: certificate.fingerprintHex, db) {
                throw CoreError(.transferPartnerExists, ["name": existing])
            }
            var partner = TransferPartner(id: 0, name: name, fingerprint: certificate.fingerprintHex,
                                          subject: certificate.subjectDN, notBefore: certificate.notBefore,
                                          notAfter: certificate.notAfter, addedAt: AuditTime.format(now),
                                          addedBy: String(principal.credential.prefix(12)))
            try TransferPackage.requireValid(TransferStore.Partner(partner: partner, certificate: certificate), now: now)
            partner.id = try TransferStore.insertPartner(name: name, certificate: certificate, addedAt: partner.addedAt,
                                                         by: principal, db)
            return (partner, [String(partner.id)])
        }
    }
    public func partners() throws -> [TransferPartner] {
        try perform(.caManage, on: .vault, objectType: "transferPartner") { db in
            let partners = try TransferStore.partners(db).map(\.partner)
            return (partners, partners.map { String($0.id) })
        }
    }
    /// Transfers an active member to a partner: records the event `transferOut` (status
    /// `transferred`, exit date `date`) and writes the package to `path`, a new file with mode
    /// 0600, in one audited transaction; if anything fails, neither the file nor the change
    /// remains. `signer` is the identity this session was opened with (its key signs); it is
    /// passed in for this call only, the session keeps no keys.
    public func transferOut(_ reference: MemberReference, to partnerName: String, signer: Identity, out path: String,
                            on date: CalendarDate? = nil, reason: String = "") throws -> TransferResult {
        guard principal.kind == .user, signer.certificate.serialHex == principal.credential else {
            throw CoreError(.transferSignerMismatch)
        }
        try FreeText.check(reason, .reason, field: "reason")
        let day = (date ?? today).iso
        var written = false
        do {
            return try perform(.memberWrite, objectType: "member", requested: [reference.description],
                               resolving: { db in try memberTarget(reference, db) }) { db, _ in
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw CoreError(.fileExists, ["path": path])
                }
                guard let partner = try TransferStore.partner(named: partnerName, db) else {
                    throw CoreError(.transferPartnerNotFound, ["name": partnerName])
                }
                try TransferPackage.requireValid(partner, now: now)
                guard let id = try MemberStore.personID(reference, db), let latest = try MemberStore.latest(of: id, db),
                      let number = latest.number else {
                    throw CoreError(.memberNotFound, ["member": reference.description])
                }
                guard latest.status == .active else {
                    throw CoreError(.memberEventNotAllowed, ["member": reference.description,
                                                             "event": MemberEvent.transferOut.rawValue,
                                                             "status": latest.status.rawValue])
                }
                var record = latest
                record.validFrom = day
                record.validTo = nil
                record.event = .transferOut
                record.status = .transferred
                record.exitDate = day
                record.reason = reason
                let recordedAt = AuditTime.format(now)
                try MemberStore.append(record, recordedAt: recordedAt, db)
                let ca = try CertificateAuthority.certificate(db)
                let payload = TransferPayload(
                    packageID: Hex.string(try SecureRandom.bytes(16)), createdAt: recordedAt,
                    from: .init(vaultID: Hex.string(vault.vaultID), caFingerprint: ca.fingerprintHex),
                    to: .init(caFingerprint: partner.certificate.fingerprintHex),
                    member: try MemberStore.history(of: id, db), reason: reason)
                let package = try TransferPackage.seal(payload, signer: signer, recipient: partner.certificate)
                let transfer = try TransferStore.insert(.out, packageID: payload.packageID, partner: partner.partner,
                                                        personID: id, memberNumber: number, partnerNumber: nil, date: day,
                                                        recordedAt: recordedAt, history: "", db)
                // Last: the file exists only if everything before it succeeded; the commit follows.
                try NewFile.write(package, to: path)
                written = true
                return (TransferResult(transfer: transfer, member: record, file: path), [record.reference])
            }
        } catch {
            if written { NewFile.remove(path) }
            throw error
        }
    }
    /// Reads a package for this vault (opened with this vault's CA key), checks it
    /// (`TransferPackage.open`), refuses one read in before, checks the history, and takes the
    /// person in with the next member number in `district`: one version `transferIn` from `date`
    /// (at the earliest the day of the transfer out) that keeps the entry date. The package's
    /// versions are kept as the imported history (`MemberDetail.importedHistory`).
    ///
    /// `loadingCAKey` is asked for the key (a prompt, a file) only after access was decided: who
    /// may not take members into `district` is refused before any key or package is read.
    public func transferIn(_ package: [UInt8], file: String, loadingCAKey: () throws -> PrivateKey, district: String,
                           branch: String = "", on date: CalendarDate? = nil, reason: String = "") throws -> TransferResult {
        try authorize(.memberWrite, on: .district(district), objectType: "member")
        return try transferIn(package, file: file, caKey: try loadingCAKey(), district: district, branch: branch, on: date,
                              reason: reason)
    }
    /// The same with the CA key already loaded.
    public func transferIn(_ package: [UInt8], file: String, caKey: PrivateKey, district: String, branch: String = "",
                           on date: CalendarDate? = nil, reason: String = "") throws -> TransferResult {
        try FreeText.check(reason, .reason, field: "reason")
        return try perform(.memberWrite, on: .district(district), objectType: "member") { db in
            let ca = try CertificateAuthority.certificate(db)
            guard caKey.matches(try ca.publicKey) else { throw CoreError(.caKeyMismatch) }
            let opened = try TransferPackage.open(package, file: file, ca: ca, caKey: caKey,
                                                  partners: try TransferStore.partners(db), now: now)
            let payload = opened.payload
            if let earlier = try TransferStore.imported(packageID: payload.packageID, db) {
                throw CoreError(.transferReplay, ["id": payload.packageID, "date": MemberStore.german(earlier.date),
                                                  "member": String(earlier.memberNumber)])
            }
            try TransferPackage.checkHistory(payload.member, reason: payload.reason, file: file, today: today)
            guard let last = payload.member.last else { throw CoreError(.transferNotAPackage, ["file": file]) }
            let day = (date ?? today).iso
            guard day >= last.validFrom else {
                throw CoreError(.memberEventBeforeLast, ["member": String(last.number ?? 0), "date": MemberStore.german(day),
                                                         "last": MemberStore.german(last.validFrom)])
            }
            var record = last
            record.number = try MemberStore.nextNumber(db)
            record.personID = 0
            record.status = .active
            record.event = .transferIn
            record.validFrom = day
            record.validTo = nil
            record.exitDate = nil
            record.district = district
            record.branch = branch
            record.reason = reason.isEmpty ? payload.reason : reason
            record.erasedAt = nil
            let problems = try validation(db).problems(record)
            guard problems.isEmpty else { throw MemberDataError(problems: problems) }
            let recordedAt = AuditTime.format(now)
            let stored = try MemberStore.insert(record, recordedAt: recordedAt, db)
            let transfer = try TransferStore.insert(.in, packageID: payload.packageID, partner: opened.partner,
                                                    personID: stored.personID, memberNumber: stored.number ?? 0,
                                                    partnerNumber: last.number, date: day, recordedAt: recordedAt,
                                                    history: try TransferPayload.encodeHistory(payload.member), db)
            return (TransferResult(transfer: transfer, member: stored, file: file), [stored.reference])
        }
    }
    /// Every transfer of this vault, out and in (treasurer, office).
    public func list() throws -> [TransferRecord] {
        try perform(.memberRead, on: .vault, objectType: "member") { db in
            let records = try TransferStore.all(db)
            return (records, records.map { String($0.memberNumber) })
        }
    }
}
