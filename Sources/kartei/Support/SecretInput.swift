import Foundation
import KarteiCrypto
import KarteiMessages
import KarteiVault
#if canImport(Glibc)
import Glibc
#endif

/// Secrets come from a file (`--passphrase-file`, `KARTEI_PASSPHRASE_FILE`) or from the terminal
/// with echo off; never from the command line, where other users could read them in `ps`.
enum SecretInput {
    /// Reads a secret file: the first line, without its line ending. A file that is not there is
    /// missing input (66); one that is there but cannot be read, a read failure (74).
    static func read(file path: String) throws -> SecretBytes {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CLIError(.secretFileMissing, ["path": path], exitCode: exists ? .ioError : .noInput)
        }
        var bytes = [UInt8](data)
        defer { SecureWipe.wipe(&bytes) }
        if let newline = bytes.firstIndex(where: { $0 == 0x0a || $0 == 0x0d }) { bytes.removeSubrange(newline...) }
        guard !bytes.isEmpty else { throw CLIError(.secretFileEmpty, ["path": path]) }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            Console.note(Message(.secretFileReadable, ["path": path]))
        }
        return SecretBytes(copying: bytes)
    }

    /// Where a secret can come from instead of the terminal: an option and, for most, its
    /// environment variable. The no-terminal message names exactly these.
    struct Source: Sendable {
        let option: String
        let variable: String?

        static let passphrase = Source(option: "--passphrase-file", variable: "KARTEI_PASSPHRASE_FILE")
        static let holderPassphrase = Source(option: "--holder-passphrase-file", variable: "KARTEI_HOLDER_PASSPHRASE_FILE")
        static let approverPassphrase = Source(option: "--approver-passphrase-file", variable: nil)
        static let caPassphrase = Source(option: "--ca-passphrase-file", variable: "KARTEI_CA_PASSPHRASE_FILE")
        static let recoveryCode = Source(option: "--recovery-code-file", variable: "KARTEI_RECOVERY_CODE_FILE")
        static let newPassphrase = Source(option: "--new-passphrase-file", variable: nil)

        var noTerminal: CLIError {
            guard let variable else { return CLIError(.secretNoTerminalOption, ["option": option]) }
            return CLIError(.secretNoTerminal, ["option": option, "variable": variable])
        }
    }

    /// Asks on the terminal with echo off; without a terminal, names where else the secret can come from.
    static func prompt(_ message: Message, or source: Source) throws -> SecretBytes {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { throw source.noTerminal }
        defer { close(tty) }
        let promptText = message.text() + " "
        _ = promptText.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        let isTerminal = tcgetattr(tty, &saved) == 0
        if isTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(tty, TCSAFLUSH, &silent)
        }
        defer {
            if isTerminal { _ = tcsetattr(tty, TCSAFLUSH, &saved) }
            _ = write(tty, "\n", 1)
        }
        var bytes: [UInt8] = []
        defer { SecureWipe.wipe(&bytes) }
        var byte: UInt8 = 0
        while Glibc.read(tty, &byte, 1) == 1, byte != 0x0a, byte != 0x0d { bytes.append(byte) }
        guard !bytes.isEmpty else { throw CLIError(.secretEmptyInput) }
        return SecretBytes(copying: bytes)
    }

    /// A new passphrase: from the file, or typed twice.
    static func newPassphrase(file: String?, prompt key: MessageKey = .promptNewPassphrase, or source: Source) throws -> SecretBytes {
        if let file { return try read(file: file) }
        let first = try prompt(Message(key), or: source)
        let second = try prompt(Message(.promptRepeatPassphrase), or: source)
        guard first.constantTimeEquals(second) else { throw CLIError(.secretMismatch) }
        return first
    }
}
