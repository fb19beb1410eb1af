import Foundation
import IntegrationPatterns
import Testing

@Suite("Circuit breaker state machine")
struct CircuitBreakerStateMachineTests {
    typealias Machine = CircuitBreakerStateMachine

    /// Makes a call at `now` that ends with `outcome` after `duration`; returns the transitions.
    @discardableResult
    func call(
        _ machine: inout Machine, _ outcome: Machine.Outcome, at now: Duration, lasting duration: Duration = .zero
    ) -> [Machine.Transition] {
        let (decision, opened) = machine.acquire(now: now)
        guard case .allowed(let permit) = decision else { return opened.map { [$0] } ?? [] }
        let recorded = machine.record(outcome, permit: permit, now: now + duration)
        return [opened, recorded].compactMap { $0 }
    }

    func permit(_ machine: inout Machine, at now: Duration) -> Machine.Permit? {
        if case .allowed(let permit) = machine.acquire(now: now).decision { return permit }
        return nil
    }

    @Test("closed → open after N consecutive failures; a success in between resets the count")
    func consecutive() {
        var machine = Machine(
            policy: CircuitBreakerPolicy(trip: .consecutiveFailures(3), breakDuration: .fixed(.seconds(5))))
        call(&machine, .failure, at: .seconds(1))
        call(&machine, .failure, at: .seconds(2))
        call(&machine, .success, at: .seconds(3))
        #expect(machine.consecutiveFailures == 0)
        call(&machine, .failure, at: .seconds(4))
        call(&machine, .failure, at: .seconds(5))
        let transitions = call(&machine, .failure, at: .seconds(6))
        #expect(transitions == [.init(from: .closed, to: .open, at: .seconds(6), breakDuration: .seconds(5))])
        #expect(machine.state == .open)
    }

    @Test("open rejects with the time left, turns half-open when the break ends, probes are limited")
    func openAndHalfOpen() {
        var machine = Machine(
            policy: CircuitBreakerPolicy(
                trip: .consecutiveFailures(1), breakDuration: .fixed(.seconds(5)),
                halfOpen: .init(probes: 2, successThreshold: 2)))
        call(&machine, .failure, at: .zero)
        #expect(machine.acquire(now: .seconds(1)).decision == .rejected(retryAfter: .seconds(4), isolated: false))
        #expect(
            machine.acquire(now: .milliseconds(4999)).decision
                == .rejected(retryAfter: .milliseconds(1), isolated: false))
        #expect(machine.remainingBreak(now: .seconds(2)) == .seconds(3))
        let (first, transition) = machine.acquire(now: .seconds(5))
        #expect(transition == .init(from: .open, to: .halfOpen, at: .seconds(5), breakDuration: nil))
        guard case .allowed(let probe1) = first else {
            Issue.record("the first probe must pass")
            return
        }
        #expect(probe1.isProbe)
        let probe2 = permit(&machine, at: .seconds(5))
        #expect(probe2 != nil)
        #expect(machine.acquire(now: .seconds(5)).decision == .rejected(retryAfter: nil, isolated: false))
        #expect(machine.record(.success, permit: probe1, now: .seconds(6)) == nil)
        #expect(machine.state == .halfOpen)
        let closed = machine.record(.success, permit: probe2!, now: .seconds(6))
        #expect(closed == .init(from: .halfOpen, to: .closed, at: .seconds(6), breakDuration: nil))
        #expect(machine.consecutiveOpenings == 0)
    }

    @Test("a failed probe opens again, for longer when the break grows, up to its maximum")
    func growingBreak() {
        var machine = Machine(
            policy: CircuitBreakerPolicy(
                trip: .consecutiveFailures(1), breakDuration: .growing(initial: .seconds(5), max: .seconds(300))))
        var now = Duration.zero
        var breaks: [Duration] = []
        for _ in 0..<9 {
            let transitions = call(&machine, .failure, at: now)
            if let opened = transitions.last(where: { $0.to == .open }), let duration = opened.breakDuration {
                breaks.append(duration)
                now += duration
            }
        }
        #expect(breaks == [5, 10, 20, 40, 80, 160, 300, 300, 300].map { Duration.seconds($0) })
        // Success closes it and the next opening starts from the initial break again.
        call(&machine, .success, at: now)
        #expect(machine.state == .closed)
        let reopened = call(&machine, .failure, at: now + .seconds(1))
        #expect(reopened.last?.breakDuration == .seconds(5))
    }

    @Test("manual isolate rejects everything without a retry-after until closed by hand")
    func isolation() {
        var machine = Machine(policy: CircuitBreakerPolicy())
        #expect(
            machine.isolate(now: .seconds(1))
                == .init(from: .closed, to: .isolated, at: .seconds(1), breakDuration: nil))
        #expect(machine.isolate(now: .seconds(2)) == nil)
        #expect(machine.acquire(now: .seconds(1000)).decision == .rejected(retryAfter: nil, isolated: true))
        #expect(machine.close(now: .seconds(1001))?.to == .closed)
        #expect(permit(&machine, at: .seconds(1002)) != nil)
        #expect(machine.close(now: .seconds(1003)) == nil)
    }

    @Test("late results from before a transition are ignored; ignored outcomes release a probe")
    func staleAndIgnored() {
        var machine = Machine(
            policy: CircuitBreakerPolicy(trip: .consecutiveFailures(2), breakDuration: .fixed(.seconds(5))))
        let slow = permit(&machine, at: .zero)!
        call(&machine, .failure, at: .seconds(1))
        call(&machine, .failure, at: .seconds(1))
        #expect(machine.state == .open)
        #expect(machine.record(.failure, permit: slow, now: .seconds(2)) == nil)
        #expect(machine.remainingBreak(now: .seconds(2)) == .seconds(4))
        let probe = permit(&machine, at: .seconds(6))!
        #expect(machine.acquire(now: .seconds(6)).decision == .rejected(retryAfter: nil, isolated: false))
        #expect(machine.record(.ignored, permit: probe, now: .seconds(6)) == nil)
        #expect(machine.state == .halfOpen)
        #expect(permit(&machine, at: .seconds(6)) != nil)
        // Ignored outcomes never count while closed either.
        var closed = Machine(policy: CircuitBreakerPolicy(trip: .consecutiveFailures(1)))
        call(&closed, .ignored, at: .zero)
        #expect(closed.state == .closed)
    }

    @Test("slow successes count as failures when a threshold is set")
    func slowCalls() {
        var machine = Machine(
            policy: CircuitBreakerPolicy(trip: .consecutiveFailures(2), slowCallThreshold: .seconds(8)))
        call(&machine, .success, at: .zero, lasting: .seconds(7))
        #expect(machine.consecutiveFailures == 0)
        call(&machine, .success, at: .seconds(10), lasting: .seconds(8))
        call(&machine, .success, at: .seconds(20), lasting: .seconds(9))
        #expect(machine.state == .open)
    }

    @Test("a count window opens at the ratio only once the minimum throughput is reached")
    func countWindow() {
        let ratio = CircuitBreakerPolicy.FailureRatio(threshold: 0.5, window: .count(10), minimumThroughput: 6)
        var machine = Machine(policy: CircuitBreakerPolicy(trip: .failureRatio(ratio)))
        for second in 0..<5 { call(&machine, .failure, at: .seconds(second)) }
        #expect(machine.state == .closed)
        call(&machine, .success, at: .seconds(5))
        #expect(machine.state == .open)  // 5 of 6 failed
        var sparse = Machine(policy: CircuitBreakerPolicy(trip: .failureRatio(ratio)))
        // 20 calls, one in three failing: a third is under half, never opens; the window holds the last 10.
        for index in 0..<20 { call(&sparse, index % 3 == 0 ? .failure : .success, at: .seconds(index)) }
        #expect(sparse.state == .closed)
        #expect(sparse.windowCounts.calls == 10)
        #expect(sparse.windowCounts.failures == 3)
    }

    @Test("a time window forgets calls older than its duration")
    func timeWindow() {
        let ratio = CircuitBreakerPolicy.FailureRatio(
            threshold: 0.5, window: .time(.seconds(10), buckets: 10), minimumThroughput: 4)
        var machine = Machine(policy: CircuitBreakerPolicy(trip: .failureRatio(ratio)))
        call(&machine, .failure, at: .seconds(0))
        call(&machine, .failure, at: .seconds(1))
        call(&machine, .failure, at: .seconds(2))
        #expect(machine.windowCounts == (3, 3))
        // 12 s later the first three have slid out: one failure in a fresh window is under the throughput.
        call(&machine, .failure, at: .seconds(14))
        #expect(machine.state == .closed)
        #expect(machine.windowCounts.calls == 1)
        call(&machine, .success, at: .seconds(15))
        call(&machine, .failure, at: .seconds(16))
        call(&machine, .failure, at: .seconds(17))
        #expect(machine.state == .open)  // 3 of 4 in the last 10 s
    }

    @Test("state exports to JSON and resumes elsewhere, the time since taken off the break")
    func snapshot() throws {
        let policy = CircuitBreakerPolicy(trip: .consecutiveFailures(2), breakDuration: .fixed(.seconds(60)))
        var machine = Machine(policy: policy)
        call(&machine, .failure, at: .seconds(100))
        call(&machine, .failure, at: .seconds(101))
        let saved = Date(timeIntervalSince1970: 1_700_000_000)
        let snapshot = machine.snapshot(now: .seconds(111), wallNow: saved)
        #expect(snapshot.remainingBreakMilliseconds == 50_000)
        let json = try JSONEncoder().encode(snapshot)
        let decoded = try JSONDecoder().decode(Machine.Snapshot.self, from: json)
        #expect(decoded == snapshot)
        var resumed = Machine(policy: policy, snapshot: decoded, now: .zero, wallNow: saved.addingTimeInterval(20))
        #expect(resumed.state == .open)
        #expect(resumed.acquire(now: .zero).decision == .rejected(retryAfter: .seconds(30), isolated: false))
        #expect(resumed.acquire(now: .seconds(30)).transition?.to == .halfOpen)
        #expect(resumed.consecutiveOpenings == 1)

        let ratio = CircuitBreakerPolicy.FailureRatio(threshold: 0.5, window: .count(4), minimumThroughput: 4)
        var counted = Machine(policy: CircuitBreakerPolicy(trip: .failureRatio(ratio)))
        call(&counted, .failure, at: .zero)
        call(&counted, .success, at: .zero)
        call(&counted, .failure, at: .zero)
        var restored = Machine(
            policy: counted.policy, snapshot: counted.snapshot(now: .zero, wallNow: saved), now: .zero, wallNow: saved)
        #expect(restored.windowCounts == (3, 2))
        call(&restored, .success, at: .zero)
        #expect(restored.state == .open)  // 2 of 4

        let timed = CircuitBreakerPolicy.FailureRatio(threshold: 0.5, window: .time(.seconds(10)), minimumThroughput: 1)
        var timeMachine = Machine(policy: CircuitBreakerPolicy(trip: .failureRatio(timed)))
        _ = timeMachine.acquire(now: .zero)
        let aged = Machine(
            policy: timeMachine.policy,
            snapshot: Machine.Snapshot(
                state: .closed, consecutiveFailures: 0, consecutiveOpenings: 0, remainingBreakMilliseconds: nil,
                recentOutcomes: nil, buckets: [.init(ageMilliseconds: 3000, calls: 4, failures: 1)], savedAt: saved),
            now: .seconds(50), wallNow: saved.addingTimeInterval(5))
        #expect(aged.windowCounts == (4, 1))
        let expired = Machine(
            policy: timeMachine.policy,
            snapshot: Machine.Snapshot(
                state: .closed, consecutiveFailures: 0, consecutiveOpenings: 0, remainingBreakMilliseconds: nil,
                recentOutcomes: nil, buckets: [.init(ageMilliseconds: 3000, calls: 4, failures: 1)], savedAt: saved),
            now: .seconds(50), wallNow: saved.addingTimeInterval(9))
        #expect(expired.windowCounts == (0, 0))
    }
}
