import KarteiMessages

/// Errors of the command-line layer itself (input it could not get, options that clash).
struct CLIError: UserFacingError {
    let key: MessageKey
    let arguments: [String: String]
    let exitCode: KarteiExitCode

    init(_ key: MessageKey, _ arguments: [String: String] = [:], exitCode: KarteiExitCode = .configuration) {
        self.key = key
        self.arguments = arguments
        self.exitCode = exitCode
    }

    var message: Message { Message(key, arguments) }
}
