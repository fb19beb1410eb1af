/// A page whose front matter cannot be read, with the place where reading stopped.
public struct FrontMatterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or embedded path) the page came from.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// What is wrong, in plain words.
    public var message: String

    /// Creates an error for `file` at `line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
