import KarteiMessages

/// Everything that can go wrong with a vault, as a user sees it.
///
/// Equality compares the code only (tests match codes). `context` fills the message's
/// placeholders (file names, page numbers; never personal data); `cause` keeps the underlying
/// error for diagnostics.
public struct VaultError: UserFacingError, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Hashable, Sendable {
            case notFound, alreadyExists, notAVault, plainSQLite, newerFormat, truncated
            case wrongKey, noHolderOfKind, headerDamaged, headerTampered
            case pageTampered, walTampered, walHeaderTampered, journalTampered, geometry
            case missingWAL, busy, damaged, io, holderNotFound, holderExists, lastHolder, keyringFull
            case recoveryCodeTypo, passphraseTooShort, unsupportedHolder, sqlite, temporaryFileRefused
            case writePattern, notOpen, folderMissing, folderNotWritable
        }
        fileprivate let base: Base
        private init(_ base: Base) { self.base = base }

        public static let notFound = Code(.notFound)
        public static let alreadyExists = Code(.alreadyExists)
        public static let notAVault = Code(.notAVault)
        public static let plainSQLite = Code(.plainSQLite)
        public static let newerFormat = Code(.newerFormat)
        public static let truncated = Code(.truncated)
        public static let wrongKey = Code(.wrongKey)
        public static let noHolderOfKind = Code(.noHolderOfKind)
        public static let headerDamaged = Code(.headerDamaged)
        public static let headerTampered = Code(.headerTampered)
        public static let pageTampered = Code(.pageTampered)
        public static let walTampered = Code(.walTampered)
        public static let walHeaderTampered = Code(.walHeaderTampered)
        public static let journalTampered = Code(.journalTampered)
        public static let geometry = Code(.geometry)
        public static let missingWAL = Code(.missingWAL)
        public static let busy = Code(.busy)
        public static let damaged = Code(.damaged)
        public static let io = Code(.io)
        public static let holderNotFound = Code(.holderNotFound)
        public static let holderExists = Code(.holderExists)
        public static let lastHolder = Code(.lastHolder)
        public static let keyringFull = Code(.keyringFull)
        public static let recoveryCodeTypo = Code(.recoveryCodeTypo)
        public static let passphraseTooShort = Code(.passphraseTooShort)
        public static let unsupportedHolder = Code(.unsupportedHolder)
        public static let sqlite = Code(.sqlite)
        public static let temporaryFileRefused = Code(.temporaryFileRefused)
        public static let writePattern = Code(.writePattern)
        public static let notOpen = Code(.notOpen)
        public static let folderMissing = Code(.folderMissing)
        public static let folderNotWritable = Code(.folderNotWritable)

        public var description: String { base.rawValue }

        var messageKey: MessageKey {
            switch base {
            case .notFound: .vaultNotFound
            case .alreadyExists: .vaultAlreadyExists
            case .notAVault: .vaultNotAVault
            case .plainSQLite: .vaultPlainSQLite
            case .newerFormat: .vaultNewerFormat
            case .truncated: .vaultTruncated
            case .wrongKey: .vaultWrongKey
            case .noHolderOfKind: .vaultNoHolderOfKind
            case .headerDamaged: .vaultHeaderDamaged
            case .headerTampered: .vaultHeaderTampered
            case .pageTampered: .vaultPageTampered
            case .walTampered: .vaultWALTampered
            case .walHeaderTampered: .vaultWALHeaderTampered
            case .journalTampered: .vaultJournalTampered
            case .geometry: .vaultGeometry
            case .missingWAL: .vaultMissingWAL
            case .busy: .vaultBusy
            case .damaged: .vaultDamaged
            case .io: .vaultIOError
            case .holderNotFound: .vaultHolderNotFound
            case .holderExists: .vaultHolderExists
            case .lastHolder: .vaultLastHolder
            case .keyringFull: .vaultKeyringFull
            case .recoveryCodeTypo: .vaultRecoveryCodeTypo
            case .passphraseTooShort: .vaultPassphraseTooShort
            case .unsupportedHolder: .vaultUnsupportedHolder
            case .sqlite: .vaultSQLiteError
            case .temporaryFileRefused: .vaultTemporaryFileRefused
            case .writePattern: .vaultWritePattern
            case .notOpen: .vaultNotOpen
            case .folderMissing: .vaultFolderMissing
            case .folderNotWritable: .vaultFolderNotWritable
            }
        }

        var exitCode: KarteiExitCode {
            switch base {
            case .notFound: .noInput
            case .alreadyExists, .folderMissing, .folderNotWritable: .cannotCreate
            case .notAVault, .plainSQLite: .notAVault
            case .newerFormat, .unsupportedHolder: .newerFormat
            case .truncated, .damaged, .missingWAL, .headerDamaged, .geometry: .damaged
            case .wrongKey, .noHolderOfKind: .wrongKey
            case .headerTampered, .pageTampered, .walTampered, .walHeaderTampered, .journalTampered: .tampered
            case .busy: .busy
            case .io: .ioError
            case .recoveryCodeTypo, .passphraseTooShort, .holderNotFound: .dataError
            case .holderExists: .cannotCreate
            case .lastHolder, .keyringFull, .sqlite, .temporaryFileRefused, .writePattern, .notOpen:
                .failure
            }
        }
    }

    public let code: Code
    public var context: [String: String]
    public var cause: String?
    public let file: String
    public let line: Int

    public init(_ code: Code, _ context: [String: String] = [:], cause: (any Error)? = nil,
                file: String = #fileID, line: Int = #line) {
        self.code = code
        self.context = context
        self.cause = cause.map { String(describing: $0) }
        self.file = file
        self.line = line
    }

    public var message: Message { Message(code.messageKey, context) }
    public var exitCode: KarteiExitCode { code.exitCode }

    public static func == (lhs: VaultError, rhs: VaultError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// What went wrong → why → where, for logs and test failures (English, no personal data).
    public var description: String {
        var text = "VaultError.\(code): \(message.text(in: .english))"
        if let cause { text += " — cause: \(cause)" }
        return text + " (\(file):\(line))"
    }

    func adding(_ key: String, _ value: String) -> VaultError {
        var copy = self
        copy.context[key] = value
        return copy
    }
}
