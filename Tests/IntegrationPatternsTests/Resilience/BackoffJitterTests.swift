import IntegrationPatterns
import Testing

@Suite("Backoff and jitter")
struct BackoffJitterTests {
    private func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    @Test("constant, linear and exponential match Polly's documented schedules, with the cap")
    func pollySchedules() {
        let exponential = Backoff.exponential(base: .seconds(1))
        #expect((0..<5).map { exponential.delay(forRetry: $0) } == [1, 2, 4, 8, 16].map { Duration.seconds($0) })
        let linear = Backoff.linear(base: .seconds(1))
        #expect((0..<5).map { linear.delay(forRetry: $0) } == [1, 2, 3, 4, 5].map { Duration.seconds($0) })
        let constant = Backoff.constant(.seconds(2))
        #expect((0..<5).map { constant.delay(forRetry: $0) } == Array(repeating: .seconds(2), count: 5))
        let capped = Backoff.exponential(base: .seconds(1), cap: .milliseconds(15_000))
        #expect(capped.delay(forRetry: 4) == .seconds(15))
        #expect(capped.delay(forRetry: 3) == .seconds(8))
        #expect(Backoff.exponential(base: .seconds(1), factor: 3).delay(forRetry: 2) == .seconds(9))
    }

    @Test("any retry number is safe: huge exponents saturate at the cap, or at a day without one")
    func overflow() {
        let capped = Backoff.exponential(base: .seconds(1), cap: .seconds(20))
        for n in [64, 1023, 1024, 5000, Int.max] {
            #expect(capped.delay(forRetry: n) == .seconds(20))
        }
        let uncapped = Backoff.exponential(base: .milliseconds(1))
        #expect(uncapped.delay(forRetry: Int.max) == .seconds(86_400))
        #expect(Backoff.linear(base: .seconds(1)).delay(forRetry: Int.max) == .seconds(86_400))
        var state = Jitter.State()
        var generator = SplitMix64(seed: 1)
        for jitter in [Jitter.none, .full, .equal, .decorrelated, .decorrelatedV2, .proportional()] {
            let delay = jitter.delay(forRetry: Int.max, backoff: capped, state: &state, using: &generator)
            #expect(delay >= .zero && delay <= .seconds(25), "\(jitter.kind)")
        }
        // Polly's V2 formula reaches infinity past t ≈ 1024 (issue #2163): it must return the cap, and keep
        // doing so once its memory is infinite.
        var v2 = Jitter.State()
        #expect(
            Jitter.decorrelatedV2.delay(forRetry: 1100, backoff: capped, state: &v2, using: &generator) == .seconds(20))
        #expect(
            Jitter.decorrelatedV2.delay(forRetry: 1101, backoff: capped, state: &v2, using: &generator) == .seconds(20))
    }

    @Test("full jitter stays in [0, v) and equal jitter in [v/2, v) for every retry, over many seeds")
    func fullAndEqualBounds() {
        let backoff = Backoff.exponential(base: .milliseconds(100), cap: .seconds(5))
        for seed in UInt64(0)..<300 {
            var generator = SplitMix64(seed: seed)
            var state = Jitter.State()
            for n in 0..<12 {
                let ceiling = ms(backoff.delay(forRetry: n))
                let full = ms(Jitter.full.delay(forRetry: n, backoff: backoff, state: &state, using: &generator))
                #expect(full >= 0 && full < ceiling + 1e-6)
                let equal = ms(Jitter.equal.delay(forRetry: n, backoff: backoff, state: &state, using: &generator))
                #expect(equal >= ceiling / 2 - 1e-6 && equal < ceiling + 1e-6)
                let proportional = ms(
                    Jitter.proportional(0.25).delay(forRetry: n, backoff: backoff, state: &state, using: &generator))
                #expect(proportional >= ceiling * 0.75 - 1e-6 && proportional <= ceiling * 1.25 + 1e-6)
            }
        }
    }

    @Test("decorrelated jitter draws from [base, 3·previous], capped, over many seeds")
    func decorrelatedBounds() {
        let backoff = Backoff.exponential(base: .milliseconds(5), cap: .milliseconds(2000))
        for seed in UInt64(0)..<300 {
            var generator = SplitMix64(seed: seed)
            var state = Jitter.State()
            var previous = 5.0
            for n in 0..<30 {
                let delay = ms(
                    Jitter.decorrelated.delay(forRetry: n, backoff: backoff, state: &state, using: &generator))
                #expect(delay >= 5 - 1e-6)
                #expect(delay <= min(2000, previous * 3) + 1e-6)
                previous = delay
            }
        }
    }

    @Test(
        "decorrelated V2 is never negative, never above the cap, and the time waited by retry n has a median near base·2^n"
    )
    func decorrelatedV2() {
        // Polly.Contrib's `medianFirstRetryDelay`: the cumulative wait up to retry n has a median near
        // f·2^n (the formula telescopes: the sum is next(t)·b/1.4 with t = n + U(0, 1)).
        let backoff = Backoff.exponential(base: .seconds(1), cap: .seconds(3600))
        var cumulative = Array(repeating: [Double](), count: 8)
        for seed in UInt64(0)..<1001 {
            var generator = SplitMix64(seed: seed)
            var state = Jitter.State()
            var total = 0.0
            for n in 0..<8 {
                let delay = ms(
                    Jitter.decorrelatedV2.delay(forRetry: n, backoff: backoff, state: &state, using: &generator))
                #expect(delay >= 0 && delay <= 3_600_000)
                total += delay
                cumulative[n].append(total)
            }
        }
        for n in 0..<8 {
            let median = cumulative[n].sorted()[500]
            let expected = 1000 * Double(1 << n)
            #expect(median > expected * 0.8 && median < expected * 1.25, "retry \(n): median \(median) ms")
        }
    }

    @Test("the cap comes before the jitter: saturated clients stay spread instead of all waiting the cap")
    func capBeforeJitter() {
        let backoff = Backoff.exponential(base: .seconds(1), cap: .seconds(20))
        var generator = SplitMix64(seed: 7)
        var state = Jitter.State()
        let delays = (0..<200).map { _ in
            ms(Jitter.full.delay(forRetry: 30, backoff: backoff, state: &state, using: &generator))
        }
        #expect(Set(delays.map { Int($0) }).count > 150)
        #expect(delays.allSatisfy { $0 < 20_000 })
        #expect(delays.filter { $0 < 10_000 }.count > 60)
    }

    @Test("a policy's delays are reproducible from the seed")
    func reproducible() {
        let policy = RetryPolicy(backoff: .exponential(base: .seconds(1), cap: .seconds(30)), jitter: .full)
        func schedule(_ seed: UInt64) -> [Duration] {
            var generator = SplitMix64(seed: seed)
            var state = Jitter.State()
            return (0..<8).map { policy.delay(forRetry: $0, state: &state, using: &generator) }
        }
        #expect(schedule(42) == schedule(42))
        #expect(schedule(42) != schedule(43))
    }
}
