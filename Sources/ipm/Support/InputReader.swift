internal import Foundation

/// Reads a command's input bytes from a file or from standard input.
enum InputReader {
    /// The bytes of `path` if given, else of standard input; standard input on a terminal is a usage error
    /// (the command would otherwise wait for typing), and an unreadable file is an I/O error.
    static func bytes(path: String?, option: String, _ arguments: ParsedArguments, _ context: Context) throws -> [UInt8]
    {
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(.ioError, "cannot read '\(path)' (\(option))")
            }
            return Array(data)
        }
        guard !context.inputIsTerminal else {
            throw UsageError(
                "No body: give \(option) PATH, or pipe the body on standard input.", commandPath: arguments.commandPath)
        }
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
}
