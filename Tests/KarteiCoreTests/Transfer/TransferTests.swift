import Foundation
import GRDB
import KarteiCrypto
import KarteiTesting
import Testing
@testable import KarteiCore

/// Transfers between two vaults, each with its own CA (two test installations): a member with a
/// history leaves A and arrives in B; every kind of bad package is refused with nothing written;
/// the stock openssl opens and verifies a package.
@Suite("Transfer packages")
struct TransferTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    /// Two installations that registered each other as partners.
    struct World {
        let a: TestInstallation
        let b: TestInstallation

        init() throws {
            a = try TestInstallation()
            b = try TestInstallation()
            try TransferTests.register(b, in: a, as: "LV B")
            try TransferTests.register(a, in: b, as: "LV A")
        }
    }

    static func caPEM(_ install: TestInstallation) throws -> String {
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        return try session.authority.certificate().pemEncoded
    }

    static func register(_ partner: TestInstallation, in install: TestInstallation, as name: String) throws {
        let pem = try caPEM(partner)
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        _ = try session.transfers.addPartner(name: name, certificatePEM: pem, file: "ca.pem")
    }

    /// 2009-03-01 entry in Leipzig · 2014-06-01 new address · 2019-01-01 moves to Dresden.
    static func memberWithHistory(_ session: KarteiSession) throws -> Int {
        let added = try session.members.add(MemberChange(givenName: "Jürgen", familyName: "Weißgerber", birthDate: "1961-04-12",
                                                       gender: "m", street: "Karl-Liebknecht-Straße", houseNumber: "12",
                                                       postalCode: "04107", city: "Leipzig", email: "jw@example.org",
                                                       district: "Leipzig", duesCents: 1200),
                                          entryDate: day("2009-03-01"), reason: "Eintrittserklärung")
        let number = try #require(added.number)
        _ = try session.members.change(.number(number), MemberChange(street: "Kantstraße", houseNumber: "3"),
                                     validFrom: day("2014-06-01"), reason: "neue Anschrift")
        _ = try session.members.change(.number(number), MemberChange(postalCode: "01069", city: "Dresden", district: "Dresden"),
                                     validFrom: day("2019-01-01"), reason: "Umzug")
        return number
    }

    /// A's treasurer writes a package for `partner`; returns the member number and the file.
    static func send(from install: TestInstallation, to partner: String, reason: String = "Umzug nach Sachsen-Anhalt")
        throws -> (number: Int, file: String, result: TransferResult) {
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        let number = try memberWithHistory(session)
        let file = install.dir.file("\(number)-\(UUID().uuidString.prefix(8)).kartei-transfer")
        let signer = try install.members[.treasurer]!.source.load()
        let result = try session.transfers.transferOut(.number(number), to: partner, signer: signer, out: file, reason: reason)
        try session.close()
        return (number, file, result)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    /// How many people and transfers a vault holds (to prove that a refusal wrote nothing).
    static func counts(_ install: TestInstallation) throws -> [Int] {
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        return try session.vault.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM personVersion") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM transfer") ?? -1]
        }
    }

    static func receive(_ install: TestInstallation, _ package: [UInt8], district: String = "Leipzig") throws -> TransferResult {
        let session = try install.session(.treasurer)
        defer { try? session.close() }
        let result = try session.transfers.transferIn(package, file: "package", caKey: install.caKey, district: district)
        try session.close()
        return result
    }

    // MARK: The way it should go

    @Test("a member with a history leaves A and arrives in B: A shows transferred, B active with transferIn and the history")
    func roundTrip() throws {
        let world = try World()
        let (number, file, sent) = try Self.send(from: world.a, to: "LV B")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(sent.transfer.direction == .out && sent.transfer.partner == "LV B" && sent.transfer.packageID.count == 32)

        let a = try world.a.session(.treasurer)
        let before = try a.members.show(.number(number))
        #expect(before.current.status == .transferred && before.current.event == .transferOut)
        #expect(before.current.exitDate == CalendarDate(Date(), in: AssociationTime.defaultZone).iso)
        #expect(before.history.map(\.event) == [.entry, .change, .move, .transferOut])
        #expect(try a.transfers.list().map(\.packageID) == [sent.transfer.packageID])
        try a.close()

        let received = try Self.receive(world.b, try Self.bytes(file), district: "Zwickau")
        let b = try world.b.session(.treasurer)
        defer { try? b.close() }
        let newNumber = try #require(received.member.number)
        let detail = try b.members.show(.number(newNumber))
        #expect(detail.current.status == .active && detail.current.event == .transferIn)
        #expect(detail.current.district == "Zwickau" && detail.current.familyName == "Weißgerber")
        #expect(detail.current.entryDate == "2009-03-01", "party membership since the first entry")
        #expect(detail.current.street == "Kantstraße" && detail.current.duesCents == 1200)
        #expect(detail.history.count == 1)
        let imported = try #require(detail.importedHistory)
        #expect(imported == before.history, "every version, every field, as A recorded it")
        #expect(received.transfer.partnerNumber == number && received.transfer.partner == "LV A")
        // B's own timeline starts with the transfer: no count of an earlier day includes the person.
        let earlier = try b.members.list(MemberQuery(asOf: Self.day("2020-01-01"), statuses: nil))
        #expect(!earlier.contains { $0.familyName == "Weißgerber" })
        #expect(try b.members.list(MemberQuery(district: "Zwickau")).contains { $0.number == newNumber })
        let report = try b.members.report(.number(newNumber))
        #expect(report.person.importedHistory?.count == 4)
        let entry = try #require(try b.vault.read { db in try AuditLog.entries(db) }.compactMap(\.event)
            .last { $0.action == "memberWrite" && $0.outcome == .success })
        #expect(entry.objectIDs == [String(newNumber)])
    }

    @Test("the package is the documented JSON: canonical, decodes and re-encodes to the same bytes")
    func canonicalPayload() throws {
        let world = try World()
        let (_, file, _) = try Self.send(from: world.a, to: "LV B", reason: "Umzug nach Halle/Saale")
        let inner = try CMSEnvelope.open(try Self.bytes(file), certificate: try Certificate(pemEncoded: try Self.caPEM(world.b)),
                                         privateKey: world.b.caKey).withUnsafeBytes { Array($0) }
        let content = try CMSSignedData(derEncoded: inner).unverifiedContent
        let text = String(decoding: content, as: UTF8.self)
        #expect(text.hasPrefix(#"{"createdAt":""#))
        #expect(text.contains(#""format":"kartei-transfer-v1","from":{"caFingerprint":""#))
        #expect(text.contains(#""reason":"Umzug nach Halle/Saale""#))
        #expect(text.contains(#""birthDate":"1961-04-12""#) && text.contains(#""exitDate":null"#))
        #expect(!text.contains(" \"") && !text.contains("\n"))
        let payload = try #require(TransferPayload.decode(content))
        #expect(try payload.encoded() == content)
    }

    // MARK: Refusals

    @Test("a changed byte in the envelope is refused and writes nothing; no change anywhere yields other content")
    func tamperedEnvelope() throws {
        let world = try World()
        let (_, file, _) = try Self.send(from: world.a, to: "LV B")
        let package = try Self.bytes(file)
        let before = try Self.counts(world.b)
        var flipped = package
        flipped[package.count / 2] ^= 0x01 // inside the AES-GCM ciphertext
        let error = #expect(throws: CoreError(.transferTampered)) { try Self.receive(world.b, flipped) }
        #expect(error?.message.text(in: .english).contains("the encryption") == true)
        #expect(try Self.counts(world.b) == before)
        let b = try world.b.session(.treasurer)
        defer { try? b.close() }
        let failed = try b.vault.read { db in try AuditLog.entries(db) }.compactMap(\.event)
            .filter { $0.action == "memberWrite" && $0.outcome == .failed }
        #expect(failed.count == 1, "the refusal is in the audit log")

        // Every byte: a refusal, or (for the few unauthenticated envelope fields: version numbers,
        // the inner content type, the ICV length) exactly the same payload.
        let (ca, partners) = try b.vault.read { db in (try CertificateAuthority.certificate(db), try TransferStore.partners(db)) }
        let original = try TransferPackage.open(package, file: "p", ca: ca, caKey: world.b.caKey, partners: partners, now: Date())
        let refusals: Set<CoreError.Code> = [.transferTampered, .transferNotAPackage, .transferWrongVault]
        var unchanged = 0
        for index in package.indices {
            var changed = package
            changed[index] ^= 0x01
            do {
                let opened = try TransferPackage.open(changed, file: "p", ca: ca, caKey: world.b.caKey, partners: partners,
                                                      now: Date())
                #expect(opened.payload == original.payload, "byte \(index)")
                #expect(index < 400, "byte \(index) lies in the ciphertext or tag, yet the package opened")
                unchanged += 1
            } catch let error as CoreError {
                #expect(refusals.contains(error.code), "byte \(index): \(error)")
            }
        }
        #expect(unchanged < 20)
    }

    @Test("a changed signed payload, sealed again for B, fails the signature")
    func tamperedSignature() throws {
        let world = try World()
        let (_, file, _) = try Self.send(from: world.a, to: "LV B")
        let caB = try Certificate(pemEncoded: try Self.caPEM(world.b))
        var inner = try CMSEnvelope.open(try Self.bytes(file), certificate: caB, privateKey: world.b.caKey)
            .withUnsafeBytes { Array($0) }
        let name = Array("Weißgerber".utf8)
        let at = try #require((0...(inner.count - name.count)).first { Array(inner[$0..<($0 + name.count)]) == name })
        inner[at + 1] = UInt8(ascii: "a") // "Waißgerber": still valid JSON
        let resealed = try CMSEnvelope.seal(SecretBytes(copying: inner), to: [caB])
        let before = try Self.counts(world.b)
        let error = #expect(throws: CoreError(.transferTampered)) { try Self.receive(world.b, resealed) }
        #expect(error?.message.text(in: .english).contains("the signature") == true)
        #expect(try Self.counts(world.b) == before)
    }

    @Test("a package whose reasons break the text rule is refused and writes nothing (a sender around the rule)")
    func reasonsOfAnotherVault() throws {
        let world = try World()
        let (number, file, _) = try Self.send(from: world.a, to: "LV B")
        let caB = try Certificate(pemEncoded: try Self.caPEM(world.b))
        let session = try world.b.session(.treasurer)
        let opened = try TransferPackage.open(try Self.bytes(file), file: "package", ca: caB, caKey: world.b.caKey,
                                              partners: try session.vault.read { db in try TransferStore.partners(db) },
                                              now: Date())
        try session.close()
        let signer = try world.a.members[.treasurer]!.source.load()
        var payload = opened.payload
        payload.reason = "Umzug\u{1B}]52;c;cHduZWQ=\u{07}"
        let badReason = try TransferPackage.seal(payload, signer: signer, recipient: caB)
        payload = opened.payload
        payload.member[0].reason = "Eintritt\n180  2026-12-04T20:15:20.000Z  treasurer"
        let badHistory = try TransferPackage.seal(payload, signer: signer, recipient: caB)
        let before = try Self.counts(world.b)
        for (package, version, code) in [(badReason, "4", "U+001B"), (badHistory, "1", "U+000A")] {
            let error = #expect(throws: CoreError(.transferHistoryInvalid)) { try Self.receive(world.b, package) }
            #expect(error?.context["version"] == version)
            #expect(error?.context["problem"]?.contains(code) == true, "\(String(describing: error))")
        }
        #expect(try Self.counts(world.b) == before)
        // The package as sent is fine.
        #expect(try Self.receive(world.b, try Self.bytes(file)).transfer.partnerNumber == number)
    }

    @Test("a package for a third vault is refused, also when that vault seals its content again for B")
    func thirdVault() throws {
        let world = try World()
        let c = try TestInstallation()
        try Self.register(c, in: world.a, as: "LV C")
        let (_, file, _) = try Self.send(from: world.a, to: "LV C")
        let package = try Self.bytes(file)
        let before = try Self.counts(world.b)
        #expect(throws: CoreError(.transferWrongVault)) { try Self.receive(world.b, package) }
        // C forwards the signed content to B: the signature holds, the addressee does not.
        let inner = try CMSEnvelope.open(package, certificate: try Certificate(pemEncoded: try Self.caPEM(c)), privateKey: c.caKey)
        let forwarded = try CMSEnvelope.seal(inner, to: [try Certificate(pemEncoded: try Self.caPEM(world.b))])
        #expect(throws: CoreError(.transferWrongVault)) { try Self.receive(world.b, forwarded) }
        #expect(try Self.counts(world.b) == before)
        // B's CA key does not belong to C.
        let session = try c.session(.treasurer)
        defer { try? session.close() }
        #expect(throws: CoreError(.caKeyMismatch)) {
            try session.transfers.transferIn(package, file: "package", caKey: world.b.caKey, district: "Leipzig")
        }
    }

    @Test("a package read in once is refused the second time")
    func replay() throws {
        let world = try World()
        let (_, file, sent) = try Self.send(from: world.a, to: "LV B")
        let first = try Self.receive(world.b, try Self.bytes(file))
        let before = try Self.counts(world.b)
        let error = #expect(throws: CoreError(.transferReplay)) { try Self.receive(world.b, try Self.bytes(file)) }
        #expect(error?.context["id"] == sent.transfer.packageID)
        #expect(error?.context["member"] == first.member.number.map(String.init))
        #expect(try Self.counts(world.b) == before)
    }

    @Test("a package from a CA that is not registered as a partner is refused")
    func unknownPartner() throws {
        let a = try TestInstallation()
        let b = try TestInstallation()
        try Self.register(b, in: a, as: "LV B") // A knows B; B does not know A
        let (_, file, _) = try Self.send(from: a, to: "LV B")
        let before = try Self.counts(b)
        let error = #expect(throws: CoreError(.transferSenderUnknown)) { try Self.receive(b, try Self.bytes(file)) }
        #expect(error?.context["fingerprint"]?.count == 64)
        #expect(try Self.counts(b) == before)
        let session = try a.session(.treasurer)
        defer { try? session.close() }
        let number = try Self.memberWithHistory(session)
        #expect(throws: CoreError(.transferPartnerNotFound)) {
            try session.transfers.transferOut(.number(number), to: "LV Atlantis", signer: try a.members[.treasurer]!.source.load(),
                                    out: a.dir.file("x.kartei-transfer"))
        }
        #expect(!FileManager.default.fileExists(atPath: a.dir.file("x.kartei-transfer")))
    }

    @Test("expired partner CA and expired signer certificate are refused (checked at the reader's time)")
    func expiry() throws {
        let world = try World()
        let (_, file, _) = try Self.send(from: world.a, to: "LV B")
        let package = try Self.bytes(file)
        let session = try world.b.session(.treasurer)
        defer { try? session.close() }
        let (ca, partners) = try session.vault.read { db in
            (try CertificateAuthority.certificate(db), try TransferStore.partners(db))
        }
        func open(at time: Date) throws -> TransferPayload {
            try TransferPackage.open(package, file: "p", ca: ca, caKey: world.b.caKey, partners: partners, now: time).payload
        }
        #expect(try open(at: Date()).member.count == 4)
        let error = #expect(throws: CoreError(.transferSignerInvalid)) { try open(at: Date().addingTimeInterval(400 * 86_400)) }
        #expect(error?.message.text(in: .english).contains("expired") == true)
        #expect(throws: CoreError(.transferPartnerExpired)) { try open(at: Date().addingTimeInterval(3_700 * 86_400)) }
    }

    @Test("only treasurer and office transfer; a district officer is denied on both sides, and the denial is logged")
    func districtDenied() throws {
        let world = try World()
        let treasurer = try world.a.session(.treasurer)
        let number = try Self.memberWithHistory(treasurer)
        _ = try treasurer.members.change(.number(number), MemberChange(district: "Leipzig"), validFrom: Self.day("2020-01-01"))
        try treasurer.close()
        let district = try world.a.session(.district)
        let out = world.a.dir.file("denied.kartei-transfer")
        #expect(throws: AccessDenied.self) {
            try district.transfers.transferOut(.number(number), to: "LV B", signer: try world.a.members[.district]!.source.load(), out: out)
        }
        try district.close()
        #expect(!FileManager.default.fileExists(atPath: out))

        let (_, file, _) = try Self.send(from: world.a, to: "LV B")
        let receiving = try world.b.session(.district)
        #expect(throws: AccessDenied.self) {
            try receiving.transfers.transferIn(try Self.bytes(file), file: "p", caKey: world.b.caKey, district: "Leipzig")
        }
        try receiving.close()
        for install in [world.a, world.b] {
            let session = try install.session(.treasurer)
            let denied = try session.vault.read { db in try AuditLog.entries(db) }.compactMap(\.event)
                .filter { $0.action == "memberWrite" && $0.outcome == .denied && $0.actorRole == "district" }
            #expect(denied.count == 1)
            try session.close()
        }
        let office = try world.a.session(.office)
        defer { try? office.close() }
        #expect(throws: AccessDenied.self) { try office.transfers.partners() }
    }

    @Test("a failed transfer out leaves the member active and no file: file exists, member not active, foreign signer")
    func nothingWrittenOut() throws {
        let world = try World()
        let session = try world.a.session(.treasurer)
        defer { try? session.close() }
        let signer = try world.a.members[.treasurer]!.source.load()
        let number = try Self.memberWithHistory(session)
        let taken = world.a.dir.file("taken")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: taken))
        #expect(throws: CoreError(.fileExists)) {
            try session.transfers.transferOut(.number(number), to: "LV B", signer: signer, out: taken)
        }
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "keep")
        let fresh = world.a.dir.file("fresh")
        #expect(throws: CoreError(.transferSignerMismatch)) {
            try session.transfers.transferOut(.number(number), to: "LV B", signer: try world.a.members[.office]!.source.load(), out: fresh)
        }
        #expect(throws: CoreError(.memberEventBeforeLast)) {
            try session.transfers.transferOut(.number(number), to: "LV B", signer: signer, out: fresh, on: Self.day("2018-01-01"))
        }
        _ = try session.members.recordEvent(.number(number), .resignation, reason: "Austritt")
        #expect(throws: CoreError(.memberEventNotAllowed)) {
            try session.transfers.transferOut(.number(number), to: "LV B", signer: signer, out: fresh)
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
        #expect(try session.members.show(.number(number)).current.status == .resigned)
        #expect(try session.transfers.list().isEmpty)
    }

    @Test("partners: a kartei CA certificate, not this vault's own, each once, listed with fingerprint")
    func partners() throws {
        let world = try World()
        let session = try world.a.session(.treasurer)
        defer { try? session.close() }
        let listed = try session.transfers.partners()
        #expect(listed.map(\.name) == ["LV B"])
        #expect(listed[0].fingerprint == Hex.string(try Certificate(pemEncoded: try Self.caPEM(world.b)).sha256Fingerprint))
        #expect(throws: CoreError(.transferPartnerIsOwnCA)) {
            try session.transfers.addPartner(name: "Wir", certificatePEM: try session.authority.certificate().pemEncoded, file: "own.pem")
        }
        #expect(throws: CoreError(.transferPartnerExists)) {
            try session.transfers.addPartner(name: "LV B again", certificatePEM: try Self.caPEM(world.b), file: "b.pem")
        }
        let leaf = try world.a.members[.treasurer]!.source.certificate().pemEncoded
        #expect(throws: CoreError(.transferPartnerInvalid)) {
            try session.transfers.addPartner(name: "X", certificatePEM: leaf, file: "treasurer.pem")
        }
        #expect(throws: CoreError(.transferPartnerInvalid)) {
            try session.transfers.addPartner(name: "X", certificatePEM: "not a certificate", file: "x.pem")
        }
        #expect(throws: CoreError(.nameEmpty)) {
            try session.transfers.addPartner(name: " ", certificatePEM: try Self.caPEM(world.b), file: "b.pem")
        }
    }

    @Test("erasing a person who came by transfer blanks the imported history too")
    func erasure() throws {
        let world = try World()
        let (_, file, _) = try Self.send(from: world.a, to: "LV B")
        let received = try Self.receive(world.b, try Self.bytes(file))
        let number = try #require(received.member.number)
        let b = try world.b.session(.treasurer)
        defer { try? b.close() }
        // B passes them on to A, then erases them on request.
        let onward = world.b.dir.file("onward.kartei-transfer")
        _ = try b.transfers.transferOut(.number(number), to: "LV A", signer: try world.b.members[.treasurer]!.source.load(), out: onward)
        _ = try b.vaultAdmin.addKeyHolder(userID: world.b.members[.office]!.userID)
        _ = try b.members.erase(only: [.number(number)], dryRun: false, approver: world.b.members[.office]!.source)
        let detail = try b.members.show(.number(number))
        let imported = try #require(detail.importedHistory)
        #expect(imported.count == 4 && imported.allSatisfy { $0.familyName.isEmpty && $0.street.isEmpty && $0.erasedAt != nil })
        #expect(imported.map(\.district) == ["Leipzig", "Leipzig", "Dresden", "Dresden"])
        // The onward package carries what B recorded (from the transfer in) and reads in at A.
        let back = try Self.receive(world.a, try Self.bytes(onward))
        #expect(back.member.familyName == "Weißgerber")
    }

    // MARK: Interoperability

    @Test("stock openssl opens the envelope with the receiving CA's key and verifies the signature against the sending CA")
    func opensslInterop() throws {
        let openssl = try #require(which("openssl"), "openssl is needed (scripts/test installs it)")
        let world = try World()
        let (_, file, sent) = try Self.send(from: world.a, to: "LV B")
        let dir = try TemporaryDirectory("kartei-transfer-openssl")
        try Data(try world.b.caKey.pkcs8PEM().utf8).write(to: URL(fileURLWithPath: dir.file("b-ca-key.pem")))
        try Data(try Self.caPEM(world.b).utf8).write(to: URL(fileURLWithPath: dir.file("b-ca.pem")))
        try Data(try Self.caPEM(world.a).utf8).write(to: URL(fileURLWithPath: dir.file("a-ca.pem")))
        let decrypt = try runCommand(openssl, ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", file,
                                               "-recip", dir.file("b-ca.pem"), "-inkey", dir.file("b-ca-key.pem"),
                                               "-out", dir.file("signed.der")])
        #expect(decrypt.status == 0, "\(decrypt.stderr)")
        let verify = try runCommand(openssl, ["cms", "-verify", "-binary", "-inform", "DER", "-in", dir.file("signed.der"),
                                              "-CAfile", dir.file("a-ca.pem"), "-purpose", "sslclient",
                                              "-out", dir.file("payload.json")])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("Verification successful"))
        let payload = try #require(TransferPayload.decode(try Self.bytes(dir.file("payload.json"))))
        #expect(payload.packageID == sent.transfer.packageID && payload.member.count == 4)
        // Against B's CA (not the signer's) the same signature does not verify.
        let wrong = try runCommand(openssl, ["cms", "-verify", "-binary", "-inform", "DER", "-in", dir.file("signed.der"),
                                             "-CAfile", dir.file("b-ca.pem"), "-purpose", "sslclient", "-out", "/dev/null"])
        #expect(wrong.status != 0)
        let printed = try runCommand(openssl, ["cms", "-cmsout", "-print", "-inform", "DER", "-in", file])
        #expect(printed.stdout.contains("authEnvelopedData") && printed.stdout.contains("dhSinglePass-stdDH-sha256kdf-scheme"))
    }
}
