/// What a redrive did.
public struct RedriveReport: Sendable, Hashable, Codable {
    /// Messages the handler accepted, removed from the queue.
    public var redriven: [Int64] = []
    /// Messages the handler failed again, left in the queue with one more attempt.
    public var failed: [Int64] = []
    /// Whether the redrive stopped at a failure before trying every selected message.
    public var stoppedEarly = false

    /// An empty report.
    public init() {}
}
