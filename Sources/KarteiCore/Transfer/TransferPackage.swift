import Foundation
import KarteiCrypto
import KarteiMessages

/// Making and opening transfer packages (docs/FORMATS.md §10): the payload as CMS SignedData by
/// the sending user's certificate, inside CMS AuthEnvelopedData for the receiving vault's CA.
/// Pure: the caller supplies keys, partners and the time.
enum TransferPackage {
    /// Versions a package may carry (a bound on what a reader decodes and checks).
    static let maximumVersions = 10_000

    /// Signs the payload with the signer's key and seals it for the recipient CA.
    static func seal(_ payload: TransferPayload, signer: Identity, recipient: Certificate) throws -> [UInt8] {
        let signed = try CMSSignedData.sign(try payload.encoded(), certificate: signer.certificate,
                                            privateKey: signer.privateKey)
        return try CMSEnvelope.seal(SecretBytes(copying: signed.derEncoded), to: [recipient])
    }

    struct Opened {
        var payload: TransferPayload
        var partner: TransferPartner
        var signer: Certificate
    }

    /// Opens a package for this vault and checks, in order: an envelope naming this CA, the
    /// envelope's authentication, a SignedData holding a payload, a registered partner as the
    /// claimed sender with a currently valid CA certificate, the signer's certificate (from that
    /// CA, valid now, a treasurer's or office's), the signature, the sender's vault id and the
    /// addressee. Each refusal has its own `CoreError`.
    static func open(_ bytes: [UInt8], file: String, ca: Certificate, caKey: PrivateKey,
                     partners: [TransferStore.Partner], now: Date) throws -> Opened {
        guard let addressed = CMSEnvelope.isRecipient(bytes, certificate: ca) else {
            throw CoreError(.transferNotAPackage, ["file": file])
        }
        guard addressed else { throw CoreError(.transferWrongVault, ["file": file]) }
        let inner: [UInt8]
        do {
            inner = try CMSEnvelope.open(bytes, certificate: ca, privateKey: caKey).withUnsafeBytes { Array($0) }
        } catch {
            throw tampered(file, .transferWhatEnvelope)
        }
        guard let signed = try? CMSSignedData(derEncoded: inner),
              let claimed = TransferPayload.decode(signed.unverifiedContent), let signer = signed.signerCertificate else {
            throw CoreError(.transferNotAPackage, ["file": file])
        }
        guard let sender = partners.first(where: { $0.partner.fingerprint == claimed.from.caFingerprint }) else {
            throw CoreError(.transferSenderUnknown, ["file": file, "fingerprint": claimed.from.caFingerprint])
        }
        try requireValid(sender, now: now)
        let verifier = CertificateVerifier(trustAnchor: sender.certificate, crls: [])
        if let failure = verifier.verify(signer, purpose: .clientAuth, at: now) {
            throw signerError(failure, signer, file: file)
        }
        guard let role = signer.roleExtension?.role, [Role.treasurer.rawValue, Role.office.rawValue].contains(role) else {
            let why = Message(.transferWhySignerRole, ["role": signer.roleExtension?.role ?? "–"])
            throw CoreError(.transferSignerInvalid, ["file": file, "why": why.text()])
        }
        let content: [UInt8]
        do {
            content = try signed.verify(trustAnchor: sender.certificate, purpose: .clientAuth, at: now)
        } catch {
            throw tampered(file, .transferWhatSignature)
        }
        guard let payload = TransferPayload.decode(content) else { throw CoreError(.transferNotAPackage, ["file": file]) }
        // The sender's vault id must be the one the partner's CA is bound to (its O=kartei <id>).
        let senderVault = Hex.bytes(payload.from.vaultID) ?? []
        guard payload.from.caFingerprint == sender.partner.fingerprint, senderVault.count == 16,
              sender.certificate.subjectOrganization == CertificateAuthority.organization(vaultID: senderVault) else {
            throw CoreError(.transferSenderUnknown, ["file": file, "fingerprint": payload.from.caFingerprint])
        }
        guard payload.to.caFingerprint == ca.fingerprintHex else { throw CoreError(.transferWrongVault, ["file": file]) }
        return Opened(payload: payload, partner: sender.partner, signer: signer)
    }

    /// The partner's CA certificate must be valid now, for packages out and in.
    static func requireValid(_ partner: TransferStore.Partner, now: Date) throws {
        let certificate = partner.certificate
        guard certificate.notBefore <= now, now <= certificate.notAfter else {
            throw CoreError(.transferPartnerExpired, ["name": partner.partner.name,
                                                      "from": CalendarDate(certificate.notBefore, in: AssociationTime.defaultZone).iso,
                                                      "until": CalendarDate(certificate.notAfter, in: AssociationTime.defaultZone).iso])
        }
    }

    static func tampered(_ file: String, _ what: MessageKey) -> CoreError {
        CoreError(.transferTampered, ["file": file, "what": Message(what).text()])
    }

    static func signerError(_ failure: VerificationFailure, _ signer: Certificate, file: String) -> CoreError {
        let why: Message
        switch failure {
        case .expired: why = Message(.transferWhySignerExpired, ["date": CalendarDate(signer.notAfter, in: AssociationTime.defaultZone).iso])
        case .notYetValid: why = Message(.transferWhySignerNotYetValid, ["date": CalendarDate(signer.notBefore, in: AssociationTime.defaultZone).iso])
        case .wrongPurpose, .notALeaf: why = Message(.transferWhySignerPurpose)
        default: return tampered(file, .transferWhatSignerCA)
        }
        return CoreError(.transferSignerInvalid, ["file": file, "why": why.text()])
    }

    /// The history must be one person's versions without gaps in date order, ending with the
    /// transfer out, each keeping the member file's rules (its districts are the sender's).
    static func checkHistory(_ versions: [MemberRecord], reason: String = "", file: String, today: CalendarDate) throws {
        func problem(_ index: Int, _ text: String) -> CoreError {
            CoreError(.transferHistoryInvalid, ["file": file, "version": String(index + 1), "problem": text])
        }
        guard let last = versions.last, versions.count <= maximumVersions else {
            throw problem(0, Message(.transferProblemEmpty).text())
        }
        let validation = MemberValidation(districts: Set(versions.map(\.district)), today: today)
        let numbers = Set(versions.compactMap(\.number))
        for (index, version) in versions.enumerated() {
            if let found = validation.problems(version).first {
                throw problem(index, "\(found.field): \(found.message.text())")
            }
            // The reasons are free text from another vault: the same rule as for text typed here.
            if let refused = FreeText.shortProblem(version.reason, .reason) {
                throw problem(index, "reason: " + refused.text())
            }
            guard CalendarDate.parse(version.validFrom) != nil else {
                throw problem(index, Message(.problemDate).text())
            }
            if version.erasedAt != nil { throw problem(index, Message(.transferProblemErased).text()) }
            let next = index + 1 < versions.count ? versions[index + 1].validFrom : nil
            if version.validTo != next || (next.map { $0 < version.validFrom } ?? false) {
                throw problem(index, Message(.transferProblemOrder).text())
            }
        }
        if let refused = FreeText.shortProblem(reason, .reason) {
            throw problem(versions.count - 1, "reason: " + refused.text())
        }
        guard numbers.count == 1 else { throw problem(versions.count - 1, Message(.transferProblemNumber).text()) }
        guard last.event == .transferOut, last.status == .transferred, last.exitDate == last.validFrom,
              last.number != nil else {
            throw problem(versions.count - 1, Message(.transferProblemLast).text())
        }
    }
}
