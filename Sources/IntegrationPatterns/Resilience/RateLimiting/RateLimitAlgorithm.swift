/// A rate-limiting algorithm as a pure value: asked at a given time, it grants permits now, later,
/// or not at all. ``TokenBucket`` and ``SlidingWindowLimiter`` conform; ``RateLimiter`` keeps one per key.
///
/// Times are durations since a fixed origin chosen by the caller.
public protocol RateLimitAlgorithm: Sendable {
    /// Takes `permits` at `now` if they are available, or says how long until they would be.
    mutating func tryAcquire(_ permits: Int, now: Duration) -> RateLimitDecision

    /// Reserves `permits` for the earliest time they are available, if that is within `maxWait` of `now`;
    /// returns how long to wait before using them (zero when available now), or `nil` (reserving
    /// nothing) when the wait would be longer. Reservations queue fairly: each one pushes the next later.
    mutating func reserve(_ permits: Int, now: Duration, maxWait: Duration) -> Duration?

    /// Whether the limiter is back to its initial state at `now` (a key that may be forgotten).
    func isIdle(now: Duration) -> Bool
}

/// The answer of a rate limiter to `tryAcquire`.
public enum RateLimitDecision: Sendable, Hashable {
    /// Go ahead.
    case allowed
    /// Not now; the permits would be available after `retryAfter`.
    case rejected(retryAfter: Duration)
}
