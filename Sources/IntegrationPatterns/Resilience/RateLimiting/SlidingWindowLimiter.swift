/// At most `limit` calls in any rolling `window`: an exact sliding log, without the fixed window's
/// double burst at the boundary.
///
/// It keeps the times of the last `limit` permits in a ring (O(limit) memory). A permit at time `t` is
/// allowed when fewer than `limit` were granted after `t − window`, that is when the oldest of the last
/// `limit` is at least `window` old. Reservations take the earliest such time, so waiting callers queue.
public struct SlidingWindowLimiter: RateLimitAlgorithm, Hashable {
    /// Calls allowed per window.
    public let limit: Int
    /// The window's length.
    public let window: Duration
    private var times: [Duration]
    private var next = 0
    private var filled = 0

    /// An empty limiter.
    public init(limit: Int, window: Duration) {
        self.limit = max(1, limit)
        self.window = max(.nanoseconds(1), window)
        times = Array(repeating: .zero, count: self.limit)
    }

    /// How many permits were granted in the window ending at `now`.
    public func count(now: Duration) -> Int {
        (0..<filled).reduce(0) { total, offset in
            let time = times[(next - 1 - offset + limit * 2) % limit]
            return time > now - window ? total + 1 : total
        }
    }

    public mutating func tryAcquire(_ permits: Int = 1, now: Duration) -> RateLimitDecision {
        let start = earliest(permits, now: now)
        guard start <= now else { return .rejected(retryAfter: start - now) }
        take(permits, at: now)
        return .allowed
    }

    public mutating func reserve(_ permits: Int = 1, now: Duration, maxWait: Duration) -> Duration? {
        let start = earliest(permits, now: now)
        guard start - now <= maxWait else { return nil }
        take(permits, at: start)
        return start - now
    }

    public func isIdle(now: Duration) -> Bool { filled == 0 || newest <= now - window }

    private var newest: Duration { times[(next - 1 + limit) % limit] }

    /// The earliest time `permits` more are allowed: when the permit `limit − permits` back from the
    /// newest has left the window (and never before the newest, so times stay in order).
    private func earliest(_ permits: Int, now: Duration) -> Duration {
        let wanted = min(max(1, permits), limit)
        var start = now
        if filled > 0 { start = max(start, newest) }
        let needed = filled + wanted - limit
        if needed > 0 {
            // The `needed`-th oldest permit must be out of the window.
            let oldestIndex = (next - filled + limit) % limit
            let blocking = times[(oldestIndex + needed - 1) % limit]
            start = max(start, blocking + window)
        }
        return start
    }

    private mutating func take(_ permits: Int, at time: Duration) {
        for _ in 0..<min(max(1, permits), limit) {
            times[next] = time
            next = (next + 1) % limit
            filled = min(limit, filled + 1)
        }
    }
}
