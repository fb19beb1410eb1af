/// A usage error: exit 64, with the command's usage and where to find help.
struct UsageError: Error, Sendable {
    /// What is wrong, naming the offending argument.
    var message: String
    /// The command whose usage to show (empty for the top level).
    var commandPath: [String]

    init(_ message: String, commandPath: [String]) {
        self.message = message
        self.commandPath = commandPath
    }
}

/// An error that ends the command with a specific exit code and a message on standard error.
struct CommandFailure: Error, Sendable {
    /// Exit codes per ../shared/CLI.md.
    enum Code: Int32, Sendable {
        case negative = 1
        case usage = 64
        case dataError = 65
        case internalError = 70
        case ioError = 74
    }

    var code: Code
    var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
