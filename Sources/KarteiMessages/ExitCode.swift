/// The exit codes of the `kartei` tool: the documented contract for scripts (docs/CLI.md).
///
/// 0, 1 and 64 follow swift-argument-parser; 65–78 follow BSD sysexits.h; 80 and up are kartei's own.
public enum KarteiExitCode: Int32, Sendable, CaseIterable {
    case success = 0
    /// A failure no other code describes (no declaration on file for a certificate, the last key
    /// holder, an unexpected error).
    case failure = 1
    case usage = 64
    /// Malformed input data: a file or row that cannot be read.
    case dataError = 65
    /// A file that should exist does not (vault, secret or identity file, checkpoint, import file).
    case noInput = 66
    /// A file that should not exist yet does (init over an existing vault).
    case cannotCreate = 73
    /// Reading or writing a file failed (disk full, permissions, a place nobody may write to).
    case ioError = 74
    /// The vault is busy (another process holds it); try again later.
    case busy = 75
    /// The access policy denies this operation to this user.
    case permissionDenied = 77
    /// A setting is missing or wrong: no terminal to ask for a secret (and no file for it), an
    /// empty secret file, no key holder to work through.
    case configuration = 78
    /// The key does not open the vault: wrong passphrase, recovery code or certificate.
    case wrongKey = 80
    /// Bytes of the vault were changed: a page, frame or header failed authentication.
    case tampered = 81
    /// The vault is damaged or incomplete (truncated file, missing WAL after a crash).
    case damaged = 82
    /// The vault was written by a newer kartei.
    case newerFormat = 83
    /// The file is not a kartei vault (for example a plain SQLite database).
    case notAVault = 84
    /// `vault check` or a verification found problems.
    case checkFailed = 85
    /// The identity was refused: certificate expired, not yet valid, revoked, from another CA,
    /// not the user's current one, or the user is locked.
    case identityRefused = 86
    /// The vault went back in time: it is older than, shorter than, or rewritten against a
    /// checkpoint this client saw before.
    case rollbackDetected = 87
    /// `audit verify` found the log changed: a missing, changed, reordered or inserted entry, or
    /// a bad checkpoint.
    case auditInvalid = 88
}

/// An error a user sees: a message from the catalogue and an exit code.
public protocol UserFacingError: Error, Sendable {
    /// What happened, where, and what to do.
    var message: Message { get }
    var exitCode: KarteiExitCode { get }
}
