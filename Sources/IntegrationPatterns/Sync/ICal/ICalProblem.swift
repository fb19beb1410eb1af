/// Something wrong in a feed, with the line where it starts; the rest of the feed was still read.
public struct ICalProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based physical line of the input where the problem is (the event's BEGIN, or the property's line).
    public var line: Int
    /// What is wrong, in one sentence.
    public var message: String
    /// Whether the event it concerns was left out (`false` when it was kept, for example with a made-up UID).
    public var skipped: Bool
    /// The event's UID, when known.
    public var uid: String?

    /// Creates a problem.
    public init(line: Int, message: String, skipped: Bool, uid: String? = nil) {
        self.line = line
        self.message = message
        self.skipped = skipped
        self.uid = uid
    }

    public var description: String { "line \(line): \(message)\(skipped ? " (event skipped)" : "")" }
}
