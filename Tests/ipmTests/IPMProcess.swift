import Foundation
import Testing

/// The outcome of running the built `ipm` binary.
struct ProcessResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the `ipm` binary built beside the test bundle, with a controlled environment.
enum IPM {
    /// The built binary: next to the test bundle in `.build/<triple>/debug`.
    static let binary: URL = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("ipm")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/ipm").standardized
    }()

    /// An environment with no colour, language or content settings leaking in from the developer's shell.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": FileManager.default.temporaryDirectory.appendingPathComponent("ipm-test-home").path,
            "LANG": "C.UTF-8",
        ]
        for (key, value) in overrides { environment[key] = value }
        return environment
    }

    /// Runs `ipm arguments…` with `input` on standard input (empty by default).
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String = "") throws
        -> ProcessResult
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = Self.environment(environment)
        let standardInput = Pipe()
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        let writer = Thread {
            try? standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? standardInput.fileHandleForWriting.close()
        }
        writer.start()
        let errorBox = DataBox()
        let errorDone = DispatchSemaphore(value: 0)
        let errorReader = Thread {
            errorBox.data = standardError.fileHandleForReading.readDataToEndOfFile()
            errorDone.signal()
        }
        errorReader.start()
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorDone.wait()
        return ProcessResult(
            status: process.terminationStatus, standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errorBox.data ?? Data(), as: UTF8.self))
    }
}

final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    var data: Data? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
