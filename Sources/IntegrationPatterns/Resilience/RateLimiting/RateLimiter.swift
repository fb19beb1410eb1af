/// One rate limiter per key (client, host, credential), made on first use by a factory.
///
/// ``acquire(key:permits:)`` waits for a permit, up to `maxWait`, for outbound work that should pace
/// itself; ``tryAcquire(key:permits:)`` never waits and says when to come back, for inbound requests.
/// Keys idle long enough to be back at their initial state are forgotten once there are more than
/// `maxKeys`, so a stream of one-off clients cannot grow the table without bound.
///
/// ```swift
/// let limiter = RateLimiter(maxWait: .seconds(10)) { _ in TokenBucket(capacity: 10, refillPerSecond: 5) }
/// try await limiter.acquire(key: "api.provider.example")
/// ```
public actor RateLimiter<Algorithm: RateLimitAlgorithm> {
    /// The longest ``acquire(key:permits:)`` waits before throwing ``RateLimitExceeded``.
    public nonisolated let maxWait: Duration
    /// How many keys are kept before idle ones are evicted.
    public nonisolated let maxKeys: Int
    private nonisolated let makeLimiter: @Sendable (String) -> Algorithm
    private nonisolated let clock: ElapsedClock
    private var limiters: [String: Entry] = [:]

    private struct Entry {
        var limiter: Algorithm
        var lastUsed: Duration
    }

    /// Creates the limiter.
    ///
    /// - Parameters:
    ///   - maxWait: The longest `acquire` waits (resilience4j waits 5 s by default).
    ///   - maxKeys: Keys kept before idle ones are evicted.
    ///   - clock: The clock waits are measured and slept on (`ContinuousClock` by default).
    ///   - makeLimiter: Makes the limiter of a new key; it is created at time zero of the clock.
    public init<C: Clock<Duration>>(
        maxWait: Duration = .seconds(5), maxKeys: Int = 10_000, clock: C = ContinuousClock(),
        makeLimiter: @escaping @Sendable (String) -> Algorithm
    ) {
        self.maxWait = maxWait
        self.maxKeys = max(1, maxKeys)
        self.makeLimiter = makeLimiter
        self.clock = ElapsedClock(clock)
    }

    /// Waits until `permits` are available for `key` (at most `maxWait`), or throws
    /// ``RateLimitExceeded`` at once when the wait would be longer. Cancellation while waiting throws
    /// `CancellationError` (the reserved permits are not given back).
    public func acquire(key: String, permits: Int = 1) async throws {
        let now = clock.now()
        var entry = entry(for: key, now: now)
        let wait = entry.limiter.reserve(permits, now: now, maxWait: maxWait)
        entry.lastUsed = now
        if wait == nil, case .rejected(let retryAfter) = entry.limiter.tryAcquire(permits, now: now) {
            limiters[key] = entry
            throw RateLimitExceeded(key: key, retryAfter: .delay(retryAfter))
        }
        limiters[key] = entry
        guard let wait else { return }
        try await clock.sleep(for: wait)
    }

    /// Takes `permits` for `key` now if they are available; otherwise says how long until they are.
    public func tryAcquire(key: String, permits: Int = 1) -> RateLimitDecision {
        let now = clock.now()
        var entry = entry(for: key, now: now)
        let decision = entry.limiter.tryAcquire(permits, now: now)
        entry.lastUsed = now
        limiters[key] = entry
        return decision
    }

    /// How many keys are tracked.
    public var keyCount: Int { limiters.count }

    private func entry(for key: String, now: Duration) -> Entry {
        if let entry = limiters[key] { return entry }
        if limiters.count >= maxKeys { evict(now: now) }
        return Entry(limiter: makeLimiter(key), lastUsed: now)
    }

    /// Drops idle keys; if none is idle, the least recently used tenth.
    private func evict(now: Duration) {
        let idle = limiters.filter { $0.value.limiter.isIdle(now: now) }.map(\.key)
        if !idle.isEmpty {
            for key in idle { limiters[key] = nil }
            return
        }
        let oldest = limiters.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(max(1, limiters.count / 10))
        for (key, _) in oldest { limiters[key] = nil }
    }
}
