/// A token bucket: holds up to `capacity` tokens, gains `refillPerSecond` a second, and a call takes a
/// token. The capacity is the burst allowance, the rate the sustained limit.
///
/// Refill is lazy (computed from the time elapsed at each call; no timer). A reservation may take the
/// bucket below zero: that debt is the queue of waiting callers, paid back by the refill in order.
/// Capacity 10 at 5 a second: 10 calls at once, then one every 200 ms; after 2 s idle, full again.
public struct TokenBucket: RateLimitAlgorithm, Hashable {
    /// The most tokens the bucket holds.
    public let capacity: Double
    /// Tokens added per second.
    public let refillPerSecond: Double
    /// Tokens at ``updatedAt`` (negative while reservations are waiting).
    public private(set) var tokens: Double
    /// When ``tokens`` was last brought up to date.
    public private(set) var updatedAt: Duration

    /// A full bucket at time `now`.
    public init(capacity: Double, refillPerSecond: Double, now: Duration = .zero) {
        self.capacity = max(1, capacity)
        self.refillPerSecond = max(1e-9, refillPerSecond)
        tokens = self.capacity
        updatedAt = now
    }

    /// The tokens available at `now`.
    public func available(now: Duration) -> Double {
        guard now > updatedAt else { return tokens }
        return min(capacity, tokens + DurationArithmetic.seconds(now - updatedAt) * refillPerSecond)
    }

    public mutating func tryAcquire(_ permits: Int = 1, now: Duration) -> RateLimitDecision {
        refill(now: now)
        let wanted = Double(max(1, permits))
        if tokens >= wanted {
            tokens -= wanted
            return .allowed
        }
        return .rejected(retryAfter: wait(for: wanted))
    }

    public mutating func reserve(_ permits: Int = 1, now: Duration, maxWait: Duration) -> Duration? {
        refill(now: now)
        let wanted = Double(max(1, permits))
        let wait = tokens >= wanted ? .zero : self.wait(for: wanted)
        guard wait <= maxWait else { return nil }
        tokens -= wanted
        return wait
    }

    public func isIdle(now: Duration) -> Bool { available(now: now) >= capacity }

    private mutating func refill(now: Duration) {
        tokens = available(now: now)
        if now > updatedAt { updatedAt = now }
    }

    /// Time until `wanted` tokens are there: `(wanted − tokens) / rate`, rounded up to the nanosecond.
    private func wait(for wanted: Double) -> Duration {
        DurationArithmetic.duration(seconds: (wanted - tokens) / refillPerSecond)
    }
}
