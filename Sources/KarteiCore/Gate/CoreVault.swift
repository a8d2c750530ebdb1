import Foundation
import GRDB
import KarteiCrypto
import KarteiVault

/// The vault as the core holds it open: the file with the core's schema, what every operation
/// needs from it (the association's time zone, a clock that never goes back behind the log), and
/// this client's checkpoint store. Long-lived: the command line opens one per command, a server
/// one per process, and gates for many principals stand on it. Nothing outside the core reaches
/// its database.
public final class CoreVault: @unchecked Sendable {
    /// The vault file (benchmarks and tests of the storage read it through `package` access).
    package let vault: Vault
    let options: VaultOptions
    /// Where this client keeps the last checkpoint it saw (nil: not kept).
    let checkpoints: ClientCheckpointStore?
    /// The places this client keeps checkpoints for: the path as it was named (absolute, links not
    /// resolved) and the file it leads to. A link put where the vault was, pointing at an older
    /// copy, is a rollback of the named place.
    let places: [String]
    /// The association's time zone (a vault setting, Europe/Berlin by default): what "today" is.
    public let timeZone: TimeZone

    private var floor: Date
    private let clockLock = NSLock()
    private let lock = NSLock()
    private var closed = false

    init(vault: Vault, options: VaultOptions, checkpoints: ClientCheckpointStore?, namedPath: String? = nil) {
        self.vault = vault
        self.options = options
        self.checkpoints = checkpoints
        let named = namedPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        places = Array(Set([named, vault.path].compactMap { $0 })).sorted()
        timeZone = Self.associationTimeZone(of: vault)
        floor = Self.latestRecordedTime(of: vault) ?? .distantPast
    }

    /// The zone the vault's settings name (no personal data; read before a principal acts).
    static func associationTimeZone(of vault: Vault) -> TimeZone {
        (try? vault.read { db in try Settings.timeZone(db) }) ?? AssociationTime.defaultZone
    }

    /// The logical vault (the same in backups and after a rekey).
    public var vaultID: [UInt8] { vault.vaultID }
    /// The vault file, absolute, links resolved.
    public var path: String { vault.path }

    /// The clock, but after the newest time in the audit log: what is recorded (audit entries,
    /// `recordedAt`, cancellations) only moves forward, whatever the system clock does. A clock
    /// behind the log gives the log's newest time plus a millisecond (instants of the ledger are
    /// milliseconds: a correction is never "at" the instant a receipt run printed).
    public var now: Date {
        clockLock.lock()
        defer { clockLock.unlock() }
        let clock = options.now()
        if clock >= floor {
            floor = clock
            return clock
        }
        floor = floor.addingTimeInterval(0.001)
        return floor
    }

    /// Today in the association's time zone.
    public var today: CalendarDate { CalendarDate(now, in: timeZone) }

    /// The newest time in the vault's audit log (nil for an empty log).
    static func latestRecordedTime(of vault: Vault) -> Date? {
        (try? vault.read { db in try AuditLog.latestTime(db) }).flatMap { $0 }.flatMap(AuditTime.parse)
    }

    /// The vault options with the core's schema registered after the vault's own.
    static func options(_ base: VaultOptions) -> VaultOptions {
        var options = base
        let higher = base.schema
        options.schema = { migrator in
            CoreSchema.register(&migrator)
            higher(&migrator)
        }
        return options
    }

    /// Signs a checkpoint of the log as it is now, keeps it in the vault and in the client's store
    /// for every place, and closes the vault. Returns the checkpoint (nil when already closed).
    func finish() throws -> Checkpoint? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return nil }
        closed = true
        let checkpoint: Checkpoint
        do {
            checkpoint = try vault.write { db in try AuditLog.signCheckpoint(vaultID: vault.vaultID, now: now, db) }
            for place in places { try checkpoints?.save(checkpoint, vaultID: vault.vaultID, path: place) }
        } catch {
            try? vault.close()
            throw error
        }
        try vault.close()
        return checkpoint
    }

    /// Closes the vault after signing a checkpoint (`finish`).
    public func close() throws { _ = try finish() }
}
