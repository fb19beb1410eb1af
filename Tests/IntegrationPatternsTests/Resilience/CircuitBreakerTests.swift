import IntegrationPatterns
import Testing

@Suite("Circuit breaker actor")
struct CircuitBreakerTests {
    struct NotFound: Error {}

    @Test("opens after failures, rejects with a retry-after, probes after the break, closes; emits each change")
    func lifecycle() async throws {
        let clock = ManualClock()
        let changes = Recorder<CircuitBreakerStateMachine.Transition>()
        let breaker = CircuitBreaker(
            name: "feed",
            policy: CircuitBreakerPolicy(trip: .consecutiveFailures(2), breakDuration: .fixed(.seconds(30))),
            clock: clock, onStateChange: { changes.append($0) })
        for _ in 0..<2 {
            await #expect(throws: HTTPResponseError.self) {
                try await breaker.run { () async throws -> Int in throw serviceUnavailable }
            }
        }
        #expect(await breaker.state == .open)
        let calls = Counter()
        do {
            _ = try await breaker.run { calls.increment() }
            Issue.record("an open breaker must reject")
        } catch let error as CircuitOpenError {
            #expect(error.retryAfter == .delay(.seconds(30)))
            #expect(!error.isIsolated)
            #expect(error.name == "feed")
        }
        #expect(calls.value == 0)
        clock.advance(by: .seconds(30))
        #expect(try await breaker.run { 7 } == 7)
        #expect(await breaker.state == .closed)
        #expect(changes.values.map(\.to) == [.open, .halfOpen, .closed])
    }

    @Test("errors that say nothing about the dependency's health are not counted, but are rethrown")
    func notCounted() async {
        let breaker = CircuitBreaker(policy: CircuitBreakerPolicy(trip: .consecutiveFailures(1)), clock: ManualClock())
        await #expect(throws: NotFound.self) { try await breaker.run { () async throws -> Int in throw NotFound() } }
        await #expect(throws: HTTPResponseError.self) {
            try await breaker.run { () async throws -> Int in throw HTTPResponseError(statusCode: 404) }
        }
        await #expect(throws: HTTPResponseError.self) {
            try await breaker.run { () async throws -> Int in throw HTTPResponseError(statusCode: 429) }
        }
        #expect(await breaker.state == .closed)
        await #expect(throws: TimeoutError.self) {
            try await breaker.run { () async throws -> Int in throw TimeoutError(limit: .seconds(1)) }
        }
        #expect(await breaker.state == .open)
    }

    @Test("isolate and close by hand; a snapshot resumes in a new breaker")
    func manualAndSnapshot() async throws {
        let clock = ManualClock()
        let policy = CircuitBreakerPolicy(trip: .consecutiveFailures(1), breakDuration: .fixed(.seconds(60)))
        let breaker = CircuitBreaker(policy: policy, clock: clock)
        await breaker.isolate()
        await #expect(throws: CircuitOpenError(name: "default", retryAfter: nil, isIsolated: true)) {
            try await breaker.run { 1 }
        }
        await breaker.close()
        #expect(try await breaker.run { 1 } == 1)
        await #expect(throws: HTTPResponseError.self) {
            try await breaker.run { () async throws -> Int in throw serviceUnavailable }
        }
        clock.advance(by: .seconds(10))
        let snapshot = await breaker.snapshot()
        let resumed = CircuitBreaker(policy: policy, snapshot: snapshot, clock: ManualClock())
        #expect(await resumed.state == .open)
        do {
            _ = try await resumed.run { 1 }
        } catch let error as CircuitOpenError {
            #expect(error.retryAfter == .delay(.seconds(50)))
        }
    }

    @Test("acquire and record serve callers that cannot wrap the call")
    func acquireRecord() async throws {
        let breaker = CircuitBreaker(policy: CircuitBreakerPolicy(trip: .consecutiveFailures(1)), clock: ManualClock())
        let permit = try await breaker.acquire()
        await breaker.record(.failure, permit: permit)
        #expect(await breaker.state == .open)
        await #expect(throws: CircuitOpenError.self) { try await breaker.acquire() }
    }
}
