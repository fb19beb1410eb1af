/// The search index could not be built or queried.
public struct SearchError: Error, Sendable, CustomStringConvertible {
    /// SQLite's message.
    public var message: String
    public var description: String { "search failed: \(message)" }
}
