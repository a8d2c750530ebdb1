import CKarteiVFS
import Foundation
import GRDB
import KarteiCrypto
import KarteiMessages
import Logging

/// Settings for creating and opening vaults.
public struct VaultOptions: Sendable {
    /// Cost of the scrypt derivation for new passphrase holders.
    public var passphraseKDF: ScryptParameters
    /// Library code receives its logger (no personal data is ever logged: record ids, counts).
    public var logger: Logger
    /// The clock (tests pin it).
    public var now: @Sendable () -> Date
    /// Open although the WAL state block says a WAL should exist and there is none (the
    /// transactions in the lost WAL are gone; `kartei vault repair --accept-missing-wal`).
    public var acceptMissingWAL: Bool
    /// Registers the migrations of higher layers after the vault's own.
    public var schema: @Sendable (inout DatabaseMigrator) -> Void

    public init(
        passphraseKDF: ScryptParameters = .vaultPassphrase,
        logger: Logger = Logger(label: "kartei.vault"),
        now: @escaping @Sendable () -> Date = { Date() },
        acceptMissingWAL: Bool = false,
        schema: @escaping @Sendable (inout DatabaseMigrator) -> Void = { _ in }
    ) {
        self.passphraseKDF = passphraseKDF
        self.logger = logger
        self.now = now
        self.acceptMissingWAL = acceptMissingWAL
        self.schema = schema
    }

    /// Passphrases shorter than this are refused when a holder is created.
    public static let minimumPassphraseLength = 12
}

/// An open, unlocked vault: an encrypted SQLite database whose data key a key holder released.
///
/// Open with ``open(at:unlocking:options:)``, create with ``create(at:passphrase:label:options:)``.
/// Every read and write goes through ``read(_:)`` and ``write(_:)``; the connection never leaves
/// the closure. Errors are ``VaultError`` values with a message a treasurer understands.
public final class Vault: @unchecked Sendable {
    /// The vault file.
    public let path: String
    /// The logical vault (the same in backups and after a rekey).
    public let vaultID: [UInt8]
    /// This file.
    public let fileID: [UInt8]
    /// The key holder whose secret opened the vault (nil after create or rekey).
    public let unlockedHolderID: String?
    /// Offsets of keyring copies that did not authenticate and were rewritten from the other one
    /// when this vault was opened: once after a crash during a key-holder change, otherwise a
    /// changed file. `vault check` and the audit log report it.
    public let rewrittenKeyringCopies: [Int]

    let binding: VaultBinding
    let schedule: KeySchedule
    let dataKey: SecretBytes
    let options: VaultOptions
    let superblock: Superblock
    private let pool: DatabasePool
    private let lock = NSLock()
    private var keyring: KeyringSlot
    private var isClosed = false

    /// The path of the WAL file.
    public var walPath: String { path + "-wal" }

    private init(path: String, binding: VaultBinding, superblock: Superblock, dataKey: SecretBytes, schedule: KeySchedule,
                 keyring: KeyringSlot, holderID: String?, rewritten: [Int], options: VaultOptions) throws {
        self.path = path
        self.unlockedHolderID = holderID
        self.rewrittenKeyringCopies = rewritten
        self.binding = binding
        self.superblock = superblock
        self.vaultID = superblock.vaultID
        self.fileID = superblock.fileID
        self.dataKey = dataKey
        self.schedule = schedule
        self.keyring = keyring
        self.options = options
        try binding.setKeys(schedule)
        try binding.lockPresence(exclusive: false)
        do {
            pool = try DatabasePool(path: path, configuration: Vault.configuration())
        } catch {
            throw Vault.mapError(error, binding: binding, path: path)
        }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            var migrator = DatabaseMigrator()
            VaultSchema.register(in: &migrator)
            options.schema(&migrator)
            try migrator.migrate(pool)
        } catch {
            try? pool.close()
            throw Vault.mapError(error, binding: binding, path: path)
        }
    }

    deinit {
        if !isClosed {
            pool.releaseMemory()
            try? pool.close()
            binding.detach()
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "kartei.vault"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 4
        configuration.prepareDatabase { db in
            // Sorter spills, temp tables, statement journals and VACUUM scratch stay in memory;
            // the VFS refuses temporary files anyway.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            try db.execute(sql: "PRAGMA cell_size_check = ON")
            // Deleted records are overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }

    // MARK: - Access

    /// Runs body in a read transaction.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        try checkOpen()
        do {
            return try pool.read(body)
        } catch {
            throw Vault.mapError(error, binding: binding, path: path)
        }
    }

    /// Runs body in a write transaction; everything in it commits or nothing does.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        try checkOpen()
        do {
            return try pool.write(body)
        } catch {
            throw Vault.mapError(error, binding: binding, path: path)
        }
    }

    /// Runs body outside of a transaction (VACUUM, pragmas, checkpoints).
    package func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try checkOpen()
        do {
            return try pool.writeWithoutTransaction(body)
        } catch {
            throw Vault.mapError(error, binding: binding, path: path)
        }
    }

    /// Copies every committed page into the database file and empties the WAL, so that page
    /// images from before an erasure leave the WAL at once (secure_delete clears freed cells).
    package func checkpointTruncatingWAL() throws {
        _ = try writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// The database pool, for the vault's own operations (backup).
    var databasePool: DatabasePool { pool }

    private func checkOpen() throws {
        lock.lock()
        defer { lock.unlock() }
        if isClosed { throw VaultError(.notOpen, ["path": path]) }
    }

    /// Closes the database; the WAL is checkpointed and removed when this was the last connection.
    package func close() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        defer { binding.detach() }
        do {
            // Readers first: GRDB closes the writer before the readers, and then no connection is
            // the last one to leave, so SQLite would neither checkpoint nor remove the WAL. This
            // way a closed vault is one file with everything in it.
            pool.releaseMemory()
            try pool.close()
        } catch {
            throw Vault.mapError(error, binding: binding, path: path)
        }
    }

    // MARK: - Keyring

    var currentKeyring: KeyringSlot {
        lock.lock()
        defer { lock.unlock() }
        return keyring
    }

    /// Writes a new keyring generation to both slots, inside a write transaction so that
    /// concurrent writers (other processes) are serialised by SQLite's write lock.
    func updateKeyring(inTransactionWith db: Database, _ change: (inout [HolderEntry]) throws -> Void) throws {
        // Another process may have changed the keyring since we opened: start from the disk.
        let onDisk = try Vault.readAuthenticKeyring(binding: binding, superblock: superblock, schedule: schedule)
            ?? currentKeyring
        var entries = onDisk.entries
        try change(&entries)
        let next = KeyringSlot(generation: onDisk.generation + 1, entries: entries)
        let bytes = try next.encoded(superblock: superblock, macKey: schedule.keyringMAC)
        let first = Int(next.generation % 2)
        try binding.writeSynced(bytes, at: HeaderLayout.slotOffsets[first])
        try binding.writeSynced(bytes, at: HeaderLayout.slotOffsets[1 - first])
        lock.lock()
        keyring = next
        lock.unlock()
        _ = db
    }

    /// The newest keyring slot that authenticates with this file's keys.
    static func readAuthenticKeyring(binding: VaultBinding, superblock: Superblock, schedule: KeySchedule) throws -> KeyringSlot? {
        var best: KeyringSlot?
        for offset in HeaderLayout.slotOffsets {
            let bytes = try binding.read(count: HeaderLayout.slotSize, at: offset)
            guard let parsed = KeyringSlot.parse(bytes), parsed.isAuthentic(superblock: superblock, macKey: schedule.keyringMAC)
            else { continue }
            if best == nil || parsed.slot.generation > best!.generation { best = parsed.slot }
        }
        return best
    }
}

// MARK: - Create and open

extension Vault {
    /// Creates a new vault at path with one passphrase holder. The file appears complete or not
    /// at all: it is built under a temporary name and linked into place.
    package static func create(
        at path: String,
        passphrase: SecretBytes,
        label: String,
        options: VaultOptions = VaultOptions()
    ) throws -> Vault {
        let built = try buildNew(for: path, purpose: "creating", passphrase: passphrase, label: label, options: options)
        try VaultFileBuilder.linkIntoPlace(built.temporary, built.path)
        options.logger.info("vault created", metadata: ["vault": "\(Hex.string(built.vaultID).prefix(8))"])
        return try openUnlocked(at: built.path, dataKey: built.dataKey, options: options)
    }

    /// Builds a new, closed vault under a hidden name next to `path` (`.NAME.PURPOSE-RANDOM`):
    /// `create` links it into place, `VaultStaging.create` opens it where it is.
    static func buildNew(for path: String, purpose: String, passphrase: SecretBytes, label: String,
                         options: VaultOptions) throws -> (path: String, temporary: String, vaultID: [UInt8], dataKey: SecretBytes) {
        KarteiVFS.register()
        try checkPassphrase(passphrase)
        let path = try VaultPath.new(path)
        let dataKey = try SecretBytes(randomCount: 32)
        let vaultID = try SecureRandom.bytes(16)
        let holder = try KeyHolder.makePassphrase(passphrase, dataKey: dataKey, vaultID: vaultID,
                                                  parameters: options.passphraseKDF)
        let temporary = try VaultFileBuilder.build(
            finalPath: path, purpose: purpose, vaultID: vaultID, dataKey: dataKey,
            entries: [holder], options: options
        ) { vault in
            try vault.write { db in
                try VaultSchema.recordHolder(db, id: holder.idHex, kind: holder.kind, label: label, at: options.now())
            }
        }
        return (path, temporary, vaultID, dataKey)
    }

    /// Refuses passphrases shorter than `VaultOptions.minimumPassphraseLength` characters.
    public static func checkPassphrase(_ passphrase: SecretBytes) throws {
        let characters = passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self).count }
        guard characters >= VaultOptions.minimumPassphraseLength else {
            throw VaultError(.passphraseTooShort, ["minimum": String(VaultOptions.minimumPassphraseLength)])
        }
    }

    /// Opens the vault at path with the given key holder's secret.
    ///
    /// Checks, in this order and before SQLite reads a page: the file is a vault of a format this
    /// kartei reads; the secret unlocks a holder; the keyring is authentic; no WAL went missing
    /// after a crash; the file is not truncated.
    package static func open(at path: String, unlocking unlocker: Unlocker, options: VaultOptions = VaultOptions()) throws -> Vault {
        KarteiVFS.register()
        let path = try VaultPath.existing(path)
        let binding = try VaultBinding(path: path, create: false)
        let header = try binding.read(count: HeaderLayout.regionSize, at: 0)
        let superblock = try recognize(header, path: path)
        guard header.count == HeaderLayout.regionSize else { throw VaultError(.truncated, ["path": path]) }

        let parsed = HeaderLayout.slotOffsets.compactMap {
            KeyringSlot.parse(Array(header[$0..<($0 + HeaderLayout.slotSize)]))
        }.sorted { $0.slot.generation > $1.slot.generation }
        guard !parsed.isEmpty else { throw VaultError(.headerDamaged, ["path": path]) }
        guard parsed.contains(where: { $0.slot.entries.contains { unlocker.opens($0.kind) } }) else {
            throw VaultError(.noHolderOfKind, ["path": path, "kind": unlocker.kind.name])
        }

        // Both slots normally hold the same entries: try each distinct entry once (scrypt is slow).
        var tried: [HolderEntry: SecretBytes?] = [:]
        var sawTampering = false
        for candidate in parsed {
            for entry in candidate.slot.entries where unlocker.opens(entry.kind) {
                let key: SecretBytes?
                if let known = tried[entry] {
                    key = known
                } else {
                    do {
                        key = try KeyHolder.unlock(entry, with: unlocker, vaultID: superblock.vaultID)
                    } catch let error as VaultError where error.code == .unsupportedHolder {
                        throw error
                    } catch {
                        // A malformed entry: this keyring copy was changed or torn; try the other.
                        sawTampering = true
                        tried[entry] = .some(nil)
                        continue
                    }
                    tried[entry] = key
                }
                guard let key else { continue }
                let schedule = try KeySchedule(dataKey: key, vaultID: superblock.vaultID, fileID: superblock.fileID)
                guard candidate.isAuthentic(superblock: superblock, macKey: schedule.keyringMAC) else {
                    sawTampering = true
                    continue
                }
                return try finishOpen(path: path, binding: binding, header: header, superblock: superblock, dataKey: key,
                                      schedule: schedule, keyring: candidate.slot, holderID: entry.idHex, options: options)
            }
        }
        options.logger.notice("vault unlock refused", metadata: ["kind": "\(unlocker.kind.name)"])
        throw VaultError(sawTampering ? .headerTampered : .wrongKey, ["path": path])
    }

    /// Opens a vault whose data key is already known (after create, rekey).
    /// `building`: a file the builder has just written (no pages yet; anything else with no
    /// pages was cut short).
    static func openUnlocked(at path: String, dataKey: SecretBytes, options: VaultOptions, building: Bool = false) throws -> Vault {
        let binding = try VaultBinding(path: path, create: false)
        let header = try binding.read(count: HeaderLayout.regionSize, at: 0)
        let superblock = try recognize(header, path: path)
        let schedule = try KeySchedule(dataKey: dataKey, vaultID: superblock.vaultID, fileID: superblock.fileID)
        guard let keyring = try readAuthenticKeyring(binding: binding, superblock: superblock, schedule: schedule) else {
            throw VaultError(.headerTampered, ["path": path])
        }
        return try finishOpen(path: path, binding: binding, header: header, superblock: superblock, dataKey: dataKey,
                              schedule: schedule, keyring: keyring, holderID: nil, options: options, building: building)
    }

    static func recognize(_ header: [UInt8], path: String) throws -> Superblock {
        switch Superblock.recognize(header) {
        case .vault(let superblock): return superblock
        case .newerVersion(let version):
            throw VaultError(.newerFormat, ["path": path, "version": String(version),
                                            "supported": String(Superblock.currentVersion)])
        case .plainSQLite: throw VaultError(.plainSQLite, ["path": path])
        case .tooShort: throw VaultError(.truncated, ["path": path])
        case .unknown: throw VaultError(.notAVault, ["path": path])
        }
    }

    private static func finishOpen(path: String, binding: VaultBinding, header: [UInt8], superblock: Superblock,
                                   dataKey: SecretBytes, schedule: KeySchedule, keyring: KeyringSlot,
                                   holderID: String?, options: VaultOptions, building: Bool = false) throws -> Vault {
        // Bytes of the header region that belong to nothing must be zero, so that no changed
        // byte goes unnoticed.
        guard HeaderLayout.unusedRanges.allSatisfy({ header[$0].allSatisfy { $0 == 0 } }) else {
            throw VaultError(.headerTampered, ["path": path])
        }
        // One keyring copy may be torn by a crash during a keyring update: it is rewritten from
        // the authentic copy (both copies damaged means no authentic copy: refused above).
        var rewritten: [Int] = []
        for offset in HeaderLayout.slotOffsets {
            let slot = KeyringSlot.parse(Array(header[offset..<(offset + HeaderLayout.slotSize)]))
            if slot?.slot != keyring || slot?.isAuthentic(superblock: superblock, macKey: schedule.keyringMAC) != true {
                options.logger.warning("keyring copy rewritten", metadata: ["offset": "\(offset)"])
                try binding.writeSynced(try keyring.encoded(superblock: superblock, macKey: schedule.keyringMAC), at: offset)
                rewritten.append(offset)
            }
        }
        let stateBytes = Array(header[HeaderLayout.stateOffset..<(HeaderLayout.stateOffset + HeaderLayout.stateSize)])
        guard let state = schedule.parseStateBlock(stateBytes) else { throw VaultError(.headerTampered, ["path": path]) }
        let walPath = path + "-wal"
        let walExists = FileManager.default.fileExists(atPath: walPath)
        if state.flags & CKARTEI_STATE_WAL_IN_USE != 0 && !walExists {
            guard options.acceptMissingWAL else {
                throw VaultError(.missingWAL, ["path": path, "wal": (walPath as NSString).lastPathComponent])
            }
            options.logger.warning("missing WAL accepted")
            try binding.writeSynced(schedule.stateBlock(counter: state.counter + 1, flags: 0), at: HeaderLayout.stateOffset)
        }
        // Only a cleanly closed vault (no WAL, no hot journal) must hold exactly its pages.
        let journalPath = path + "-journal"
        let hotJournal = ((try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0) > 0
        if !walExists && !hotJournal {
            try checkNotTruncated(binding: binding, schedule: schedule, path: path, mayBeEmpty: building)
        }
        return try Vault(path: path, binding: binding, superblock: superblock, dataKey: dataKey, schedule: schedule,
                         keyring: keyring, holderID: holderID, rewritten: rewritten, options: options)
    }

    /// With no WAL, the main file must hold exactly the pages page 1 says the database has.
    /// Every vault holds pages once it was created (its schema is written in `create`): a file of
    /// only its header region was cut short, unless the builder is making it right now.
    private static func checkNotTruncated(binding: VaultBinding, schedule: KeySchedule, path: String,
                                          mayBeEmpty: Bool) throws {
        let size = try binding.fileSize
        let body = size - HeaderLayout.regionSize
        guard body >= 0, body % Int(CKARTEI_PAGE_SIZE) == 0 else { throw VaultError(.truncated, ["path": path]) }
        guard body > 0 else {
            if mayBeEmpty { return }
            throw VaultError(.truncated, ["path": path])
        }
        let sealed = try binding.read(count: Int(CKARTEI_PAGE_SIZE), at: HeaderLayout.regionSize)
        var plain = [UInt8](repeating: 0, count: Int(CKARTEI_PAGE_SIZE))
        defer { SecureWipe.wipe(&plain) }
        var keys = schedule.vfsKeys
        defer { withUnsafeMutableBytes(of: &keys) { SecureWipe.wipe($0) } }
        let opened = withUnsafeBytes(of: &keys.main_page) { key in
            withUnsafeBytes(of: &keys.file_id) { fileID in
                ckartei_page_open(key.bindMemory(to: UInt8.self).baseAddress, fileID.bindMemory(to: UInt8.self).baseAddress,
                                  CKARTEI_ROLE_MAIN, 1, nil, sealed, &plain)
            }
        }
        guard opened == 0 else {
            throw VaultError(.pageTampered, ["file": (path as NSString).lastPathComponent, "page": "1"])
        }
        let changeCounter = plain[24..<28].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let validFor = plain[92..<96].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let pageCount = plain[28..<32].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if changeCounter == validFor && Int(pageCount) > body / Int(CKARTEI_PAGE_SIZE) {
            throw VaultError(.truncated, ["path": path])
        }
    }
}

// MARK: - Errors

extension Vault {
    /// Turns SQLite errors into vault errors; keeps errors of higher layers as they are.
    static func mapError(_ error: any Error, binding: VaultBinding, path: String) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        let file = (path as NSString).lastPathComponent
        let extended = database.extendedResultCode.rawValue
        if extended == CKARTEI_SQLITE_IOERR_DATA || extended == CKARTEI_SQLITE_IOERR_WRITE, let failure = binding.takeFailure() {
            switch (Int32(failure.kind), failure.role) {
            case (CKARTEI_FAIL_GEOMETRY, _):
                return VaultError(.geometry, ["path": path], cause: database)
            case (CKARTEI_FAIL_PARTIAL_PAGE, _):
                return VaultError(.truncated, ["path": path], cause: database)
            case (CKARTEI_FAIL_WRITE_PATTERN, _):
                return VaultError(.writePattern, ["path": path], cause: database)
            case (_, CKARTEI_ROLE_WAL) where failure.frame == 0:
                return VaultError(.walHeaderTampered, ["file": file + "-wal"], cause: database)
            case (_, CKARTEI_ROLE_WAL):
                return VaultError(.walTampered, ["file": file + "-wal", "frame": String(failure.frame),
                                                 "page": String(failure.page_number)], cause: database)
            case (_, CKARTEI_ROLE_JOURNAL):
                return VaultError(.journalTampered, ["file": file + "-journal", "page": String(failure.page_number)],
                                  cause: database)
            default:
                return VaultError(.pageTampered, ["file": file, "page": String(failure.page_number)], cause: database)
            }
        }
        switch database.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return VaultError(.damaged, ["path": path], cause: database)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return VaultError(.busy, ["path": path], cause: database)
        case .SQLITE_CANTOPEN:
            return VaultError(.temporaryFileRefused, ["path": path], cause: database)
        case .SQLITE_IOERR, .SQLITE_FULL:
            return VaultError(.io, ["path": path, "reason": database.message ?? "I/O"], cause: database)
        default:
            return VaultError(.sqlite, ["path": path, "reason": database.message ?? "\(database.resultCode)"],
                              cause: database)
        }
    }
}
