import Foundation

/// Finds executables built by this package (kartei, KarteiTestWriter) next to the test bundle.
public enum TestBinaries {
    public static var productsDirectory: URL {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for candidate in candidates {
            var url = URL(fileURLWithPath: candidate).resolvingSymlinksInPath()
            // …/debug/karteiPackageTests.xctest (a file on Linux, a bundle on macOS)
            while url.pathComponents.count > 1 {
                url.deleteLastPathComponent()
                if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("kartei").path) { return url }
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
    }

    public static func path(_ name: String) -> String {
        productsDirectory.appendingPathComponent(name).path
    }
}

/// A child process whose stdout is read line by line while it runs.
public final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var lines: [String] = []
    private var partial = ""
    private var errorText = ""

    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.partial += String(decoding: data, as: UTF8.self)
            while let newline = self.partial.firstIndex(of: "\n") {
                self.lines.append(String(self.partial[..<newline]))
                self.partial = String(self.partial[self.partial.index(after: newline)...])
            }
            self.lock.unlock()
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.errorText += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    /// Complete lines printed so far.
    public var printedLines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    public var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return errorText
    }

    /// Waits until a printed line satisfies the predicate (or the process ends / time runs out).
    @discardableResult
    public func waitForLine(timeout: TimeInterval = 30, where predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = printedLines.first(where: predicate) { return line }
            if !process.isRunning { return printedLines.first(where: predicate) }
            usleep(2_000)
        }
        return nil
    }

    /// SIGKILL, then wait for the process to be gone.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        // Drain what was written before the kill.
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        lock.lock()
        partial += String(decoding: rest, as: UTF8.self)
        while let newline = partial.firstIndex(of: "\n") {
            lines.append(String(partial[..<newline]))
            partial = String(partial[partial.index(after: newline)...])
        }
        lock.unlock()
    }

    public func waitUntilExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    public var terminationReason: Process.TerminationReason { process.terminationReason }
}

/// The result of running a command to its end.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a command and collects its output.
public func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                       stdin: String? = nil, currentDirectory: String? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    // Read both pipes concurrently so a full stderr cannot block stdout.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Finds a tool on PATH (openssl, sqlite3, curl).
public func which(_ tool: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = "\(directory)/\(tool)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
