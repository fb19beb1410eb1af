/// A contradiction or risk in the answers, pointed out rather than silently fixed.
public struct DesignWarning: Sendable, Hashable {
    /// A stable id (`exactly-once-over-ical`).
    public var id: String
    /// What is wrong and what to do instead.
    public var text: Text
}
