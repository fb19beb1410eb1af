import Foundation
import IntegrationPatterns
import Testing

@Suite("Retrier on a manual clock")
struct RetrierTests {
    struct Invalid: Error {}

    /// Runs `retrier.run(operation)` in a task and moves the clock to each wait's end until it finishes.
    func drive<T: Sendable>(
        _ clock: ManualClock, _ retrier: Retrier, _ operation: @escaping @Sendable () async throws -> T
    ) async -> Result<T, any Error> {
        await clock.result(of: Task { try await retrier.run(operation) })
    }

    @Test("transient failures are retried with the policy's exact backoff, and events tell the story")
    func retriesWithBackoff() async throws {
        let clock = ManualClock()
        let calls = Counter()
        let events = Recorder<RetryEvent>()
        let policy = RetryPolicy(
            maxAttempts: 5, backoff: .exponential(base: .seconds(1), cap: .seconds(30)), jitter: .none)
        let retrier = Retrier(policy: policy, clock: clock, onEvent: { events.append($0) })
        let result = await drive(clock, retrier) {
            if calls.increment() < 4 { throw serviceUnavailable }
            return "ok"
        }
        #expect(try result.get() == "ok")
        #expect(calls.value == 4)
        #expect(clock.elapsed == .seconds(1 + 2 + 4))
        let delays: [Duration] = events.values.compactMap {
            if case .retryScheduled(_, let delay, _, _) = $0 { return delay }
            return nil
        }
        #expect(delays == [.seconds(1), .seconds(2), .seconds(4)])
        guard case .succeeded(let attempts) = events.values.last else {
            Issue.record("no success event")
            return
        }
        #expect(attempts == 4)
    }

    @Test("permanent errors are not retried; exhausted attempts rethrow the last error")
    func permanentAndExhausted() async {
        let clock = ManualClock()
        let calls = Counter()
        let events = Recorder<RetryEvent>()
        let retrier = Retrier(
            policy: RetryPolicy(maxAttempts: 3, jitter: .none), clock: clock, onEvent: { events.append($0) })
        let permanent = await drive(clock, retrier) { () async throws -> Int in
            calls.increment()
            throw HTTPResponseError(statusCode: 400)
        }
        #expect(calls.value == 1)
        #expect((permanent.failure as? HTTPResponseError)?.statusCode == 400)
        guard case .gaveUp(1, .permanent, _) = events.values.last else {
            Issue.record("expected gaveUp(permanent)")
            return
        }
        let exhausted = await drive(clock, retrier) { () async throws -> Int in
            calls.increment()
            throw serviceUnavailable
        }
        #expect(calls.value == 4)
        #expect((exhausted.failure as? HTTPResponseError)?.statusCode == 503)
        guard case .gaveUp(3, .attemptsExhausted, _) = events.values.last else {
            Issue.record("expected gaveUp(attemptsExhausted)")
            return
        }
    }

    @Test("maxElapsed stops before a wait that would end past it")
    func maxElapsed() async {
        let clock = ManualClock()
        let calls = Counter()
        let events = Recorder<RetryEvent>()
        let policy = RetryPolicy(
            maxAttempts: 10, maxElapsed: .seconds(10), backoff: .exponential(base: .seconds(1)), jitter: .none)
        let retrier = Retrier(policy: policy, clock: clock, onEvent: { events.append($0) })
        _ = await drive(clock, retrier) { () async throws -> Int in
            calls.increment()
            throw serviceUnavailable
        }
        // Waits 1 + 2 + 4 = 7 s; the next (8 s) would end at 15 s ≥ 10 s.
        #expect(calls.value == 4)
        #expect(clock.elapsed == .seconds(7))
        guard case .gaveUp(4, .elapsedExhausted, _) = events.values.last else {
            Issue.record("expected gaveUp(elapsedExhausted)")
            return
        }
    }

    @Test("Retry-After is a floor on the wait, dates rounded up; beyond the maximum wait it gives up")
    func retryAfter() async throws {
        let clock = ManualClock()
        let wallStart = Date(timeIntervalSince1970: 1_700_000_000)
        // The calendar runs 0.3 s ahead of the manual clock's whole seconds, so dates need rounding up.
        let wall = WallClock.custom { wallStart.addingTimeInterval(Double(clock.elapsed.components.seconds) + 0.3) }
        let calls = Counter()
        let policy = RetryPolicy(
            maxAttempts: 4, backoff: .constant(.seconds(1)), jitter: .none, retryAfterMaxWait: .seconds(60))
        let retrier = Retrier(policy: policy, clock: clock, wallClock: wall)
        let result = await drive(clock, retrier) { () async throws -> String in
            switch calls.increment() {
            case 1: throw HTTPResponseError(statusCode: 429, headers: ["Retry-After": "7"])
            case 2:
                let date = wallStart.addingTimeInterval(14)
                throw HTTPResponseError(statusCode: 503, headers: ["Retry-After": RetryAfter.date(date).headerValue])
            default: return "done"
            }
        }
        #expect(try result.get() == "done")
        // 7 s (the header, above the 1 s backoff); then a date 6.7 s away by the calendar, rounded up to 7 s:
        // the retry lands exactly on the date, never before it.
        #expect(clock.elapsed == .seconds(14))
        let events = Recorder<RetryEvent>()
        let patient = Retrier(policy: policy, clock: clock, wallClock: wall, onEvent: { events.append($0) })
        let tooLong = await drive(clock, patient) { () async throws -> Int in
            throw HTTPResponseError(statusCode: 503, headers: ["Retry-After": "3600"])
        }
        #expect(tooLong.failure is HTTPResponseError)
        guard case .gaveUp(1, .retryAfterTooLong, _) = events.values.last else {
            Issue.record("expected gaveUp(retryAfterTooLong)")
            return
        }
    }

    @Test("an abort predicate wins over the classifier")
    func abort() async {
        let clock = ManualClock()
        let calls = Counter()
        let policy = RetryPolicy(
            maxAttempts: 5, jitter: .none, abortWhen: { ($0 as? HTTPResponseError)?.statusCode == 503 })
        let retrier = Retrier(policy: policy, clock: clock)
        _ = await drive(clock, retrier) { () async throws -> Int in
            calls.increment()
            throw serviceUnavailable
        }
        #expect(calls.value == 1)
    }

    @Test("a shared budget stops retries when failure is widespread, and successes earn them back")
    func budget() async throws {
        let clock = ManualClock()
        let budget = RetryBudget(.init(capacity: 10, retryCost: 5, timeoutRetryCost: 10, successRefund: 1))
        let calls = Counter()
        let retrier = Retrier(
            policy: RetryPolicy(maxAttempts: 3, backoff: .constant(.milliseconds(10)), jitter: .none), budget: budget,
            clock: clock)
        // Two callers each retry twice... but the bucket pays only two retries in all.
        for _ in 0..<2 {
            _ = await drive(clock, retrier) { () async throws -> Int in
                calls.increment()
                throw serviceUnavailable
            }
        }
        #expect(calls.value == 3 + 1)
        #expect(budget.availableTokens == 0)
        for _ in 0..<5 {
            _ = try await drive(clock, retrier) { 1 }.get()
        }
        #expect(budget.availableTokens == 5)
        let tries = Counter()
        let recovered = await drive(clock, retrier) {
            if tries.increment() == 1 { throw serviceUnavailable }
            return 2
        }
        #expect(try recovered.get() == 2)
        #expect(budget.availableTokens == 5)
    }

    @Test("cancellation during a wait ends the sequence at once")
    func cancellation() async {
        let clock = ManualClock()
        let retrier = Retrier(
            policy: RetryPolicy(maxAttempts: 5, backoff: .constant(.seconds(60)), jitter: .none), clock: clock)
        let task = Task { try await retrier.run { () async throws -> Int in throw serviceUnavailable } }
        await clock.waitForSleepers()
        task.cancel()
        let result = await task.result
        #expect(result.failure is CancellationError)
        #expect(clock.elapsed == .zero)
    }

    @Test("the same seed gives the same jittered waits")
    func seeded() async {
        func totalWait(_ seed: UInt64) async -> Duration {
            let clock = ManualClock()
            let retrier = Retrier(
                policy: RetryPolicy(maxAttempts: 6, jitter: .full), clock: clock, generator: SplitMix64(seed: seed))
            _ = await drive(clock, retrier) { () async throws -> Int in throw serviceUnavailable }
            return clock.elapsed
        }
        let first = await totalWait(9)
        #expect(first > .zero)
        #expect(await totalWait(9) == first)
        #expect(await totalWait(10) != first)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
