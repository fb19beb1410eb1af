/// The generated package could not be written.
public struct ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The output folder has files and `--force` was not given.
        case directoryNotEmpty
        /// A file could not be read or written.
        case ioError
    }

    /// What went wrong.
    public var code: Code
    /// Where, and why, in plain words.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
