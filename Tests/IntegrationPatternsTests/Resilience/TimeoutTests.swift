import IntegrationPatterns
import Testing

@Suite("Timeout")
struct TimeoutTests {
    @Test("a fast operation returns its value and leaves no timer behind")
    func fast() async throws {
        let clock = ManualClock()
        #expect(try await withTimeout(.seconds(1), clock: clock) { 42 } == 42)
        for _ in 0..<100 { await Task.yield() }
        #expect(clock.sleeperCount == 0)
    }

    @Test("a hang ends in TimeoutError at the deadline, and the operation is cancelled")
    func hang() async throws {
        let clock = ManualClock()
        let operationClock = ManualClock()
        let cancelled = Counter()
        let task = Task {
            try await withTimeout(.seconds(2), clock: clock) { () async throws -> Int in
                do {
                    try await operationClock.sleep(until: .init(offset: .seconds(3600)), tolerance: nil)
                } catch {
                    cancelled.increment()
                    throw error
                }
                return 1
            }
        }
        await clock.waitForSleepers()
        await operationClock.waitForSleepers()
        clock.advance(by: .seconds(2))
        let result = await task.result
        #expect(throws: TimeoutError(limit: .seconds(2))) { try result.get() }
        await operationClock.waitForSleepers(0)
        for _ in 0..<1000 where cancelled.value == 0 { await Task.yield() }
        #expect(cancelled.value == 1)
    }

    @Test("the operation's own error passes through; cancelling the caller cancels both")
    func errorsAndCancellation() async {
        let clock = ManualClock()
        await #expect(throws: HTTPResponseError.self) {
            try await withTimeout(.seconds(1), clock: clock) { () async throws -> Int in throw serviceUnavailable }
        }
        let task = Task {
            try await withTimeout(.seconds(5), clock: clock) { () async throws -> Int in
                try await clock.sleep(until: .init(offset: .seconds(60)), tolerance: nil)
                return 1
            }
        }
        await clock.waitForSleepers(2)
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }
}
