internal import Foundation

/// Secrets for a command: from environment variables or files, never from argv, never printed.
enum SecretSource {
    /// Every secret named by `--secret-env` and `--secret-file`, in that order.
    static func secrets(_ arguments: ParsedArguments, _ context: Context) throws -> [String] {
        var secrets: [String] = []
        for name in arguments.allValues("--secret-env") {
            guard let value = context.environment[name], !value.isEmpty else {
                throw UsageError(
                    "The environment variable '\(name)' (from --secret-env) is not set or empty.",
                    commandPath: arguments.commandPath)
            }
            secrets.append(value)
        }
        for path in arguments.allValues("--secret-file") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(.ioError, "cannot read the secret file '\(path)'")
            }
            var text = String(decoding: data, as: UTF8.self)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            secrets.append(text)
        }
        guard !secrets.isEmpty else {
            throw UsageError(
                "No secret: give --secret-env NAME (an environment variable holding it) or --secret-file PATH.",
                commandPath: arguments.commandPath)
        }
        return secrets
    }
}
