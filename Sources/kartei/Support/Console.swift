import Foundation
import KarteiMessages

/// Data goes to stdout, diagnostics and progress to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func out(_ message: Message) { out(message.text()) }

    /// Text exactly as given (CSV brings its own line ends).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ message: Message) {
        FileHandle.standardError.write(Data(("kartei: " + message.text() + "\n").utf8))
    }

    static func note(_ message: Message) {
        FileHandle.standardError.write(Data((message.text() + "\n").utf8))
    }
}
