/// An operation ran out of time and was cancelled; thrown by ``withTimeout(_:clock:operation:)``.
///
/// ``ErrorClassifier/default`` classifies it as ``ErrorClassifier/Classification/timeout``: worth a
/// retry if the operation is idempotent, and counted as a failure by a circuit breaker.
public struct TimeoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The limit that was exceeded.
    public var limit: Duration

    /// Creates the error for `limit`.
    public init(limit: Duration) { self.limit = limit }

    public var description: String { "timed out after \(limit)" }
}
