import Foundation
import KarteiCrypto
import KarteiMessages
import KarteiVault

/// Setting up a new installation (`kartei init`): one operation, all or nothing.
///
/// The vault is built under a hidden name in its folder (`.NAME.init-<hex>`, `InitLeftovers`),
/// with its CA, recovery code, treasurer and key holder; the CA key file and the treasurer's
/// bundle are written under hidden names too. Only when everything succeeded do the files get
/// their names: the key file and the bundle first, the vault last. An interruption leaves hidden
/// files, perhaps a key file and a bundle without a vault (harmless: they belong to no vault and
/// their passphrases were never shown), never a vault at the path the user gave without its CA key.
/// A second `kartei init` names every file the interrupted one left (`CoreError.initInterrupted`).
public enum Provisioning {
    /// Resolves every path (absolute, links resolved) and checks every precondition: the vault,
    /// key and bundle paths are free, their folders exist and are writable, no interrupted init
    /// left files for this vault, the treasurer's name is not empty, the texts keep the text rule
    /// (`FreeText`) and the declaration date is not in the future. Asks for nothing, writes nothing.
    public static func prepare(_ plan: VaultPlan, now: Date) throws -> VaultPlan {
        var plan = plan
        plan.path = try VaultPath.new(plan.path)
        let caKeyPath = try absolute(plan.caKeyPath ?? plan.path + ".ca-key.pem")
        plan.caKeyPath = caKeyPath
        try FreeText.check(plan.label, .name, field: "label")
        var bundle: String?
        if var treasurer = plan.treasurer {
            guard !treasurer.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CoreError(.nameEmpty) }
            try FreeText.check([(treasurer.name, .name, "treasurer"), (treasurer.contact, .contact, "contact")])
            // The vault does not exist yet: its time zone is the default one.
            let today = CalendarDate(now, in: AssociationTime.defaultZone)
            guard treasurer.declarationDate <= today else {
                throw CoreError(.declarationInvalid, ["date": treasurer.declarationDate.german])
            }
            // The first user of a new vault always has the number 1.
            let path = try absolute(treasurer.bundlePath
                ?? URL(fileURLWithPath: plan.path).deletingLastPathComponent().appendingPathComponent("treasurer-1.p12").path)
            guard path != caKeyPath, path != plan.path, caKeyPath != plan.path else {
                throw CoreError(.fileExists, ["path": path])
            }
            bundle = path
            treasurer.bundlePath = path
            plan.treasurer = treasurer
        }
        let leftovers = InitLeftovers.find(vault: plan.path, companions: [caKeyPath] + (bundle.map { [$0] } ?? []))
        guard leftovers.isEmpty else {
            throw CoreError(.initInterrupted, ["path": plan.path, "files": leftovers.joined(separator: "\n  ")])
        }
        try NewFile.checkAvailable(caKeyPath)
        if let bundle { try NewFile.checkAvailable(bundle) }
        return plan
    }

    /// Creates everything the plan names (after `prepare`). The CA key is written encrypted under
    /// `caPassphrase`; the vault opens with `passphrase`, the recovery code and the treasurer's
    /// certificate. Every step is in the vault's audit log.
    public static func initialize(_ plan: VaultPlan, passphrase: SecretBytes, caPassphrase: SecretBytes,
                                  options: VaultOptions, checkpoints: ClientCheckpointStore?) throws -> VaultInitialization {
        let plan = try prepare(plan, now: options.now())
        guard let caKeyPath = plan.caKeyPath else { throw CoreError(.caKeyNeeded) }
        try Vault.checkPassphrase(caPassphrase)
        let session = try KarteiSession.createHidden(for: plan.path, purpose: InitLeftovers.purpose, passphrase: passphrase,
                                                     label: plan.label, options: options)
        let hidden = session.vault.path
        var staged: [NewFile.Staged] = []
        var published: [String] = []
        do {
            var result: VaultInitialization
            let checkpoint: Checkpoint?
            do {
                let created = try session.authority.create()
                let (ca, caKey) = (created.certificate, created.key)
                staged.append(try NewFile.stage(Array(EncryptedPrivateKey.pem(caKey, passphrase: caPassphrase).utf8),
                                                for: caKeyPath,
                                                as: InitLeftovers.companion(of: hidden, for: caKeyPath, role: InitLeftovers.caKeyRole)))
                result = VaultInitialization(path: plan.path, vaultID: session.vault.vaultID, caSerial: ca.serialHex,
                                             caKeyPath: caKeyPath)
                if plan.recoveryCode {
                    result.recoveryCode = try session.vaultAdmin.addRecoveryCode(label: Message(.recoveryCodeDefaultLabel).text())
                }
                if let treasurer = plan.treasurer, let bundlePath = treasurer.bundlePath {
                    let user = try session.users.add(name: treasurer.name, role: .treasurer, scope: .all, contact: treasurer.contact,
                                                   declarationDate: treasurer.declarationDate.iso)
                    guard let id = user.id else { throw CoreError(.userNotFound, ["id": "?"]) }
                    let issued = try session.authority.issue(userID: id, caKey: caKey)
                    guard let bundle = issued.bundle, let transport = issued.transportPassphrase else {
                        throw CoreError(.userNotFound, ["id": String(id)])
                    }
                    staged.append(try NewFile.stage(bundle, for: bundlePath,
                                                    as: InitLeftovers.companion(of: hidden, for: bundlePath,
                                                                                role: InitLeftovers.bundleRole)))
                    _ = try session.vaultAdmin.addKeyHolder(userID: id)
                    result.treasurer = .init(userID: id, serial: issued.certificate.serialHex, bundlePath: bundlePath,
                                             transportPassphrase: transport)
                }
                checkpoint = try session.finish()
            } catch {
                try? session.close()
                throw error
            }
            // The companions first, the vault last: a CA key and a bundle without a vault are
            // harmless and can be deleted; a vault without its CA key could never issue again.
            for file in staged {
                try file.publish()
                published.append(file.path)
            }
            try VaultStaging.publish(hidden, as: plan.path)
            published.append(plan.path)
            for file in staged { file.discard() }
            if let checkpoint { try checkpoints?.save(checkpoint, vaultID: result.vaultID, path: plan.path) }
            return result
        } catch {
            // Nobody else can have used the vault yet: it had its name for a moment only. It goes
            // first, so that an interruption here cannot leave it without its CA key.
            for path in published.reversed() { NewFile.remove(path) }
            for file in staged { file.discard() }
            VaultStaging.discard(hidden)
            throw error
        }
    }

    static func absolute(_ path: String) throws -> String {
        guard !path.isEmpty else { throw CoreError(.folderMissing, ["folder": "", "path": path]) }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
