import IntegrationPatterns
import Testing

@Suite("Rate limiters")
struct RateLimiterTests {
    @Test("a token bucket allows its burst, then one call per 1/rate, and refills lazily")
    func tokenBucket() {
        var bucket = TokenBucket(capacity: 10, refillPerSecond: 5)
        for _ in 0..<10 { #expect(bucket.tryAcquire(now: .zero) == .allowed) }
        #expect(bucket.tryAcquire(now: .zero) == .rejected(retryAfter: .milliseconds(200)))
        #expect(bucket.tryAcquire(now: .milliseconds(100)) == .rejected(retryAfter: .milliseconds(100)))
        #expect(bucket.tryAcquire(now: .milliseconds(200)) == .allowed)
        #expect(bucket.isIdle(now: .milliseconds(200)) == false)
        // 0.4 tokens: the next arrives in (1 − 0.4) / 5 = 0.12 s, which a header rounds up to 1.
        var partial = TokenBucket(capacity: 10, refillPerSecond: 5)
        for _ in 0..<10 { _ = partial.tryAcquire(now: .zero) }
        guard case .rejected(let wait) = partial.tryAcquire(now: .milliseconds(80)) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(wait == .milliseconds(120))
        #expect(RetryAfter.delay(wait).headerValue == "1")
        #expect(partial.isIdle(now: .seconds(2)))
        #expect(partial.available(now: .seconds(100)) == 10)
    }

    @Test("token bucket reservations queue callers fairly and respect the maximum wait")
    func tokenBucketReservations() {
        var bucket = TokenBucket(capacity: 2, refillPerSecond: 10)
        #expect(bucket.reserve(1, now: .zero, maxWait: .seconds(1)) == .zero)
        #expect(bucket.reserve(1, now: .zero, maxWait: .seconds(1)) == .zero)
        #expect(bucket.reserve(1, now: .zero, maxWait: .seconds(1)) == .milliseconds(100))
        #expect(bucket.reserve(1, now: .zero, maxWait: .seconds(1)) == .milliseconds(200))
        #expect(bucket.reserve(1, now: .zero, maxWait: .milliseconds(250)) == nil)
        #expect(bucket.reserve(1, now: .zero, maxWait: .milliseconds(300)) == .milliseconds(300))
    }

    @Test("a sliding window allows the limit in any rolling window, with no double burst at an edge")
    func slidingWindow() {
        var window = SlidingWindowLimiter(limit: 3, window: .seconds(60))
        #expect(window.tryAcquire(now: .seconds(0)) == .allowed)
        #expect(window.tryAcquire(now: .seconds(50)) == .allowed)
        #expect(window.tryAcquire(now: .seconds(59)) == .allowed)
        #expect(window.tryAcquire(now: .seconds(60)) == .allowed)  // the call at 0 has left the window
        #expect(window.tryAcquire(now: .seconds(61)) == .rejected(retryAfter: .seconds(49)))
        #expect(window.count(now: .seconds(61)) == 3)
        #expect(window.tryAcquire(now: .seconds(110)) == .allowed)
        #expect(window.isIdle(now: .seconds(171)))
        // A fixed one-minute window would allow 3 at 0:59 and 3 more at 1:00; the sliding one does not.
        var edge = SlidingWindowLimiter(limit: 3, window: .seconds(60))
        for _ in 0..<3 { #expect(edge.tryAcquire(now: .seconds(59)) == .allowed) }
        #expect(edge.tryAcquire(now: .seconds(60)) == .rejected(retryAfter: .seconds(59)))
        var reservations = SlidingWindowLimiter(limit: 2, window: .seconds(10))
        #expect(reservations.reserve(1, now: .zero, maxWait: .seconds(30)) == .zero)
        #expect(reservations.reserve(1, now: .zero, maxWait: .seconds(30)) == .zero)
        #expect(reservations.reserve(1, now: .zero, maxWait: .seconds(30)) == .seconds(10))
        #expect(reservations.reserve(1, now: .zero, maxWait: .seconds(30)) == .seconds(10))
        #expect(reservations.reserve(1, now: .zero, maxWait: .seconds(15)) == nil)
        #expect(reservations.reserve(1, now: .zero, maxWait: .seconds(30)) == .seconds(20))
    }

    @Test("over many seeds, a token bucket never lets more than capacity + rate·t through in t")
    func tokenBucketProperty() {
        for seed in UInt64(0)..<200 {
            var generator = SplitMix64(seed: seed)
            var bucket = TokenBucket(capacity: 5, refillPerSecond: 20)
            var now = Duration.zero
            var allowed = 0
            for _ in 0..<500 {
                now += .microseconds(Int64.random(in: 0..<20_000, using: &generator))
                if bucket.tryAcquire(now: now) == .allowed { allowed += 1 }
            }
            let seconds = Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18
            #expect(Double(allowed) <= 5 + 20 * seconds + 1e-9)
        }
    }

    @Test("acquire waits for its turn on the clock; past the maximum wait it throws with a retry-after")
    func acquireWaits() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(maxWait: .seconds(1), clock: clock) { _ in
            TokenBucket(capacity: 1, refillPerSecond: 2)
        }
        try await limiter.acquire(key: "api")
        let waiting = Task { try await limiter.acquire(key: "api") }
        await clock.waitForSleepers()
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(499))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        try await waiting.value
        // Two more are queued at 0.5 s and 1 s from now; a third would wait 1.5 s > 1 s, and is told so.
        let second = Task { try await limiter.acquire(key: "api") }
        let third = Task { try await limiter.acquire(key: "api") }
        await clock.waitForSleepers(2)
        do {
            try await limiter.acquire(key: "api")
            Issue.record("expected RateLimitExceeded")
        } catch let error as RateLimitExceeded {
            #expect(error.key == "api")
            #expect(error.retryAfter == .delay(.milliseconds(1500)))
        }
        clock.advance(by: .seconds(1))
        try await second.value
        try await third.value
    }

    @Test("tryAcquire keeps one limiter per key, and idle keys are evicted past maxKeys")
    func perKey() async {
        let clock = ManualClock()
        let limiter = RateLimiter(maxKeys: 3, clock: clock) { _ in SlidingWindowLimiter(limit: 1, window: .seconds(60))
        }
        #expect(await limiter.tryAcquire(key: "a") == .allowed)
        #expect(await limiter.tryAcquire(key: "a") == .rejected(retryAfter: .seconds(60)))
        #expect(await limiter.tryAcquire(key: "b") == .allowed)
        #expect(await limiter.tryAcquire(key: "c") == .allowed)
        #expect(await limiter.keyCount == 3)
        clock.advance(by: .seconds(61))
        #expect(await limiter.tryAcquire(key: "d") == .allowed)
        #expect(await limiter.keyCount == 1)
    }
}
