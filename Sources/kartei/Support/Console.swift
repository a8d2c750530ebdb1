import Foundation
import KarteiMessages

/// Data goes to stdout, diagnostics and progress to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func out(_ message: Message) { out(message.text()) }

    static func error(_ message: Message) {
        FileHandle.standardError.write(Data(("kartei: " + message.text() + "\n").utf8))
    }

    static func note(_ message: Message) {
        FileHandle.standardError.write(Data((message.text() + "\n").utf8))
    }
}
