internal import Foundation

/// Shows long output through a pager: `$PAGER`, else `less -FIRX`.
///
/// Used only when standard output is a terminal and the text is taller than the screen; an empty `PAGER`
/// or `cat` means no pager. If the pager cannot be started the text is written directly.
public struct Pager: Sendable {
    /// The environment the pager command comes from.
    public var environment: [String: String]

    /// Creates a pager for an environment.
    public init(environment: [String: String]) { self.environment = environment }

    /// Whether `lineCount` lines need a pager on a screen of `capabilities`.
    public func isNeeded(lineCount: Int, capabilities: TerminalCapabilities) -> Bool {
        guard capabilities.isTerminal, let height = capabilities.height else { return false }
        if let pager = environment["PAGER"], pager.trimmingCharacters(in: .whitespaces).isEmpty || pager == "cat" {
            return false
        }
        return lineCount >= height
    }

    /// Writes `text` through the pager and waits for the user to leave it; `false` if it could not start.
    public func show(_ text: String) -> Bool {
        let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FIRX"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var pagerEnvironment = environment
        if pagerEnvironment["LESS"] == nil && command.hasPrefix("less") { pagerEnvironment["LESS"] = "FIRX" }
        pagerEnvironment["LESSCHARSET"] = pagerEnvironment["LESSCHARSET"] ?? "utf-8"
        process.environment = pagerEnvironment
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        signal(SIGPIPE, SIG_IGN)
        try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
