import IntegrationPatterns
import Testing

@Suite("Resilience pipeline")
struct ResiliencePipelineTests {
    func drive<T: Sendable>(_ clock: ManualClock, _ task: Task<T, any Error>) async -> Result<T, any Error> {
        await clock.result(of: task)
    }

    @Test("the breaker sits inside the retry: it counts every attempt, and its rejection is a retry-after")
    func breakerInsideRetry() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(
            name: "provider",
            policy: CircuitBreakerPolicy(trip: .consecutiveFailures(3), breakDuration: .fixed(.seconds(30))),
            clock: clock)
        let events = Recorder<RetryEvent>()
        let pipeline = ResiliencePipeline(
            retry: RetryPolicy(maxAttempts: 3, backoff: .constant(.seconds(1)), jitter: .none), breaker: breaker,
            clock: clock,
            onRetryEvent: { events.append($0) })
        let calls = Counter()
        let failing = await drive(
            clock,
            Task {
                try await pipeline.run { () async throws -> Int in
                    calls.increment(); throw serviceUnavailable
                }
            })
        #expect(failing.failure is HTTPResponseError)
        #expect(calls.value == 3)
        #expect(await breaker.state == .open)
        // The next call is rejected without reaching the dependency; the retry waits out the break (30 s,
        // the rejection's retry-after, not the 1 s backoff) and the probe succeeds.
        let start = clock.elapsed
        let recovered = await drive(clock, Task { try await pipeline.run { calls.increment() } })
        #expect(try recovered.get() == 4)
        #expect(clock.elapsed - start == .seconds(30))
        #expect(await breaker.state == .closed)
    }

    @Test("the attempt timeout turns a hang into a retried failure; the overall timeout bounds the whole")
    func timeouts() async throws {
        let clock = ManualClock()
        let hangs = Counter()
        let pipeline = ResiliencePipeline(
            overallTimeout: .seconds(100),
            retry: RetryPolicy(maxAttempts: 5, backoff: .constant(.seconds(1)), jitter: .none),
            attemptTimeout: .seconds(10), clock: clock)
        let result = await drive(
            clock,
            Task {
                try await pipeline.run { () async throws -> String in
                    if hangs.increment() < 3 {
                        try await clock.sleep(until: clock.now.advanced(by: .seconds(3600)), tolerance: nil)
                    }
                    return "ok"
                }
            })
        #expect(try result.get() == "ok")
        #expect(clock.elapsed == .seconds(10 + 1 + 10 + 1))
        let endless = ResiliencePipeline(
            overallTimeout: .seconds(25),
            retry: RetryPolicy(maxAttempts: 50, backoff: .constant(.seconds(1)), jitter: .none),
            attemptTimeout: .seconds(10), clock: clock)
        let start = clock.elapsed
        let bounded = await drive(
            clock,
            Task {
                try await endless.run { () async throws -> Int in
                    try await clock.sleep(until: clock.now.advanced(by: .seconds(3600)), tolerance: nil)
                    return 0
                }
            })
        #expect(throws: TimeoutError(limit: .seconds(25))) { try bounded.get() }
        #expect(clock.elapsed - start == .seconds(25))
    }

    @Test("with no stages it is a plain call")
    func plain() async throws {
        let pipeline = ResiliencePipeline(retry: nil)
        #expect(try await pipeline.run { "x" } == "x")
        await #expect(throws: HTTPResponseError.self) {
            try await pipeline.run { () async throws -> Int in throw serviceUnavailable }
        }
    }
}
