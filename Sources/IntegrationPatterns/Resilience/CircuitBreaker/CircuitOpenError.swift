/// A call rejected by an open, half-open (probes busy) or isolated circuit breaker.
///
/// Carries the time left in the break as its ``retryAfter`` (Polly's `BrokenCircuitException.RetryAfter`,
/// Failsafe's `getRemainingDelay()`), so a ``Retrier`` waits at least that long or gives up at once; on
/// an inbound path, answer 503 with `Retry-After: retryAfter.headerValue`.
public struct CircuitOpenError: Error, RetryAfterProviding, Sendable, Hashable, CustomStringConvertible {
    /// The breaker's name.
    public var name: String
    /// The time left in the break, when known (not while isolated or while probes are in flight).
    public var retryAfter: RetryAfter?
    /// Whether the breaker is held open by hand.
    public var isIsolated: Bool

    /// Creates the error.
    public init(name: String, retryAfter: RetryAfter?, isIsolated: Bool) {
        self.name = name
        self.retryAfter = retryAfter
        self.isIsolated = isIsolated
    }

    public var description: String {
        if isIsolated { return "circuit '\(name)' is isolated" }
        if case .delay(let duration) = retryAfter {
            return "circuit '\(name)' is open; retry after \(DurationArithmetic.millisecondsRoundedUp(duration)) ms"
        }
        return "circuit '\(name)' is open"
    }
}
