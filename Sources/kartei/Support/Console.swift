import Foundation
import KarteiCore
import KarteiMessages

/// Data goes to stdout, diagnostics and progress to stderr. Nothing reaches the terminal raw that
/// the text rule refuses (docs/CLI.md, "Output"): a control character, an invisible character or a
/// tower of accents in stored text — also in data stored before the rule — is shown as its code
/// point, `⟨U+001B⟩` (`TextRule.shown`).
enum Console {
    /// A block of lines kartei laid out itself (a message, a letter): its line breaks stay.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((TextRule.shown(text, keepingLineBreaks: true) + "\n").utf8))
    }

    static func out(_ message: Message) { out(shown(message).text()) }

    /// One line of a list, built from stored fields: whatever they hold, it stays one line.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((TextRule.shown(text) + "\n").utf8))
    }

    /// Text exactly as given (CSV brings its own line ends and byte-order mark), but with no
    /// other character shown raw.
    static func write(_ text: String) {
        let bom = "\u{FEFF}"
        let (mark, rest) = text.hasPrefix(bom) ? (bom, String(text.dropFirst())) : ("", text)
        FileHandle.standardOutput.write(Data((mark + TextRule.shown(rest, keepingLineBreaks: true)).utf8))
    }

    static func error(_ message: Message) {
        diagnostic("kartei: " + shown(message).text())
    }

    static func note(_ message: Message) {
        diagnostic(shown(message).text())
    }

    /// A diagnostic on stderr (also one of the argument parser's, which repeats what was typed).
    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data((TextRule.shown(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// The message with every placeholder value on one line: the template's lines are kartei's,
    /// a value (a district typed, a file name) never starts a line of its own.
    static func shown(_ message: Message) -> Message {
        Message(message.key, message.arguments.mapValues { TextRule.shown($0) })
    }
}
