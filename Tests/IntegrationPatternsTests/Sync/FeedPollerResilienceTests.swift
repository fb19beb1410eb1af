import Foundation
import IntegrationPatterns
import Synchronization
import Testing

/// The poller's retries, per-host rate limit and per-feed breaker, against the loopback server, on a
/// manual clock that the tests move by hand.
@Suite("FeedPoller resilience")
struct FeedPollerResilienceTests {
    private let body: [UInt8]

    init() throws { body = try SyncFixtures.bytes("airbnb.ics") }

    /// Retries that wait a known time: `attempts` calls, a constant backoff, no jitter.
    private static func retry(attempts: Int, every delay: Duration = .seconds(2)) -> RetryPolicy {
        RetryPolicy(maxAttempts: attempts, backoff: .constant(delay), jitter: .none)
    }

    private func poller(
        _ configuration: FeedPollerConfiguration, clock: ManualClock,
        store: any SyncStateStore = InMemorySyncStateStore()
    ) -> FeedPoller<ManualClock> {
        FeedPoller(
            configuration: configuration, store: store, clock: clock, wallClock: TestWallClock().wallClock, seed: 11)
    }

    private func feed(_ server: LoopbackHTTPServer, name: String = "airbnb", host: String = "127.0.0.1") -> PolledFeed {
        let url = URL(string: "http://\(host):\(server.port)/\(name).ics")!
        return PolledFeed(unit: "A1", feed: name, url: url, source: .airbnb)
    }

    // MARK: - Retries

    @Test("a 503 then a 200 is applied within one cycle: the retrier waits its backoff on the poller's clock")
    func retriedWithinOneCycle() async throws {
        let clock = ManualClock()
        let seen = Recorder<Duration>()
        let body = self.body
        let server = try LoopbackHTTPServer { _, index in
            seen.append(clock.now.offset)
            return index == 0 ? .text(503, "busy") : .respond(status: 200, headers: [("ETag", "\"v1\"")], body: body)
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let configuration = FeedPollerConfiguration(
            timeout: .seconds(3_600), retry: Self.retry(attempts: 3), hostRateLimit: nil)
        let poller = poller(configuration, clock: clock, store: store)
        let target = feed(server)
        let task = Task { try await poller.sync(target, reconciler: Reconciler()) }
        try await pump(clock, until: { server.requests.count >= 2 })
        let report = try await task.value
        #expect(report.outcome == .applied)
        #expect(report.failure == nil)
        #expect(report.requests == 2)
        #expect(report.result?.added.count == 3)
        let times = seen.values
        #expect(times.count == 2)
        #expect(times[0] == .zero)
        #expect(times[1] >= .seconds(2), "the second request waited the 2 s backoff")
        #expect(
            try await store.history(for: target.key, limit: 5).map(\.outcome) == [.applied],
            "one cycle, one history line")
        #expect(await poller.breakerState(of: target.key) == .closed)
    }

    @Test("Retry-After is honoured: the retry waits the server's 30 s, not the 2 s backoff")
    func retryAfterHonoured() async throws {
        let clock = ManualClock()
        let seen = Recorder<Duration>()
        let body = self.body
        let server = try LoopbackHTTPServer { _, index in
            seen.append(clock.now.offset)
            return index == 0
                ? .text(429, "slow down", headers: [("Retry-After", "30")])
                : .respond(status: 200, headers: [], body: body)
        }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(
            timeout: .seconds(3_600), retry: Self.retry(attempts: 2), hostRateLimit: nil)
        let poller = poller(configuration, clock: clock)
        let target = feed(server)
        let task = Task { try await poller.sync(target, reconciler: Reconciler()) }
        try await pump(clock, until: { server.requests.count >= 2 })
        let report = try await task.value
        #expect(report.outcome == .applied)
        #expect(report.requests == 2)
        let times = seen.values
        #expect(times.count == 2)
        #expect(times[1] >= .seconds(30), "asked again after \(times.count > 1 ? times[1] : .zero)")
    }

    @Test("a feed that keeps failing fails once per cycle after its retries are spent, with the last failure")
    func retriesExhausted() async throws {
        let clock = ManualClock()
        let server = try LoopbackHTTPServer { _, _ in .text(502, "bad gateway") }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(
            timeout: .seconds(3_600), retry: Self.retry(attempts: 3), hostRateLimit: nil)
        let poller = poller(configuration, clock: clock)
        let target = feed(server)
        let task = Task { try await poller.sync(target, reconciler: Reconciler()) }
        try await pump(clock, until: { server.requests.count >= 3 })
        let report = try await task.value
        #expect(report.outcome == .failed)
        #expect(report.requests == 3)
        #expect(report.failure?.httpStatus == 502)
        #expect(report.failure?.kind == .httpStatus)
        #expect(server.requests.count == 3)
    }

    @Test("a permanent failure is not retried")
    func permanentNotRetried() async throws {
        let server = try LoopbackHTTPServer { _, _ in .text(410, "gone") }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(retry: Self.retry(attempts: 5), hostRateLimit: nil)
        let report = try await poller(configuration, clock: ManualClock()).sync(feed(server), reconciler: Reconciler())
        #expect(report.outcome == .failed)
        #expect(report.failure?.isTransient == false)
        #expect(report.requests == 1)
        #expect(server.requests.count == 1)
    }

    // MARK: - Circuit breaker

    @Test(
        "a feed that keeps failing opens its breaker; later cycles record a failure without reaching the server",
        arguments: [503, 404])
    func breakerOpens(status: Int) async throws {
        let clock = ManualClock()
        let healthy = Mutex(false)
        let body = self.body
        let server = try LoopbackHTTPServer { _, _ in
            healthy.withLock { $0 } ? .respond(status: 200, headers: [], body: body) : .text(status, "down")
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let configuration = FeedPollerConfiguration(
            retry: nil, hostRateLimit: nil,
            feedBreaker: CircuitBreakerPolicy(trip: .consecutiveFailures(3), breakDuration: .fixed(.seconds(600))))
        let poller = poller(configuration, clock: clock, store: store)
        let target = feed(server)
        for cycle in 1...3 {
            let report = try await poller.sync(target, reconciler: Reconciler())
            #expect(report.failure?.httpStatus == status, "cycle \(cycle)")
            #expect(report.requests == 1)
        }
        #expect(await poller.breakerState(of: target.key) == .open)
        #expect(server.requests.count == 3)

        clock.advance(by: .seconds(300))
        for _ in 1...2 {
            let skipped = try await poller.sync(target, reconciler: Reconciler())
            #expect(skipped.outcome == .failed)
            #expect(skipped.failure?.kind == .circuitOpen)
            #expect(skipped.failure?.isTransient == true)
            #expect(skipped.failure?.retryAfter == .delay(.seconds(300)))
            #expect(
                skipped.failure?.message
                    == "not fetched: the feed's circuit breaker is open after repeated failures (next try in 300 s)")
            #expect(skipped.requests == 0)
        }
        #expect(server.requests.count == 3, "an open breaker sends nothing")
        let history = try await store.history(for: target.key, limit: 10)
        #expect(history.map(\.outcome) == Array(repeating: .failed, count: 5))
        #expect(history.first?.detail.hasPrefix("not fetched: the feed's circuit breaker is open") == true)

        healthy.withLock { $0 = true }
        clock.advance(by: .seconds(300))
        let probe = try await poller.sync(target, reconciler: Reconciler())
        #expect(probe.outcome == .applied)
        #expect(probe.requests == 1)
        #expect(await poller.breakerState(of: target.key) == .closed)
        #expect(server.requests.count == 4)
    }

    @Test("the breaker counts cycles, not requests: three failed retries are one failure")
    func breakerCountsCycles() async throws {
        let clock = ManualClock()
        let server = try LoopbackHTTPServer { _, _ in .text(503, "down") }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(
            timeout: .seconds(3_600), retry: Self.retry(attempts: 3), hostRateLimit: nil,
            feedBreaker: CircuitBreakerPolicy(trip: .consecutiveFailures(2), breakDuration: .fixed(.seconds(600))))
        let poller = poller(configuration, clock: clock)
        let target = feed(server)
        let first = Task { try await poller.sync(target, reconciler: Reconciler()) }
        try await pump(clock, until: { server.requests.count >= 3 })
        #expect(try await first.value.requests == 3)
        #expect(await poller.breakerState(of: target.key) == .closed, "one failed cycle of three requests")
        let second = Task { try await poller.sync(target, reconciler: Reconciler()) }
        try await pump(clock, until: { server.requests.count >= 6 })
        #expect(try await second.value.requests == 3)
        #expect(await poller.breakerState(of: target.key) == .open)
    }

    @Test("429s ask for patience: they never open the feed's breaker")
    func throttlingDoesNotOpen() async throws {
        let server = try LoopbackHTTPServer { _, _ in .text(429, "slow down") }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(
            retry: nil, hostRateLimit: nil, feedBreaker: CircuitBreakerPolicy(trip: .consecutiveFailures(2)))
        let poller = poller(configuration, clock: ManualClock())
        let target = feed(server)
        for _ in 1...4 {
            #expect(try await poller.sync(target, reconciler: Reconciler()).failure?.httpStatus == 429)
        }
        #expect(server.requests.count == 4)
        #expect(await poller.breakerState(of: target.key) == .closed)
    }

    // MARK: - Rate limit per host

    @Test("two feeds on one host share the host's rate limit; a feed on another host does not wait")
    func sharedHostLimit() async throws {
        let clock = ManualClock()
        let seen = Recorder<String>()
        let body = self.body
        let server = try LoopbackHTTPServer { request, _ in
            seen.append("\(request.path)@\(clock.now.offset)")
            return .respond(status: 200, headers: [], body: body)
        }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(
            timeout: .seconds(3_600), retry: nil,
            hostRateLimit: FeedPollerConfiguration.HostRateLimit(
                requestsPerSecond: 0.25, burst: 1, maxWait: .seconds(300)),
            feedBreaker: nil)
        let poller = poller(configuration, clock: clock)
        let airbnb = feed(server, name: "airbnb")
        let booking = feed(server, name: "booking")
        let other = feed(server, name: "vrbo", host: "localhost")
        #expect(try await poller.sync(airbnb, reconciler: Reconciler()).outcome == .applied)
        #expect(
            try await poller.sync(other, reconciler: Reconciler()).outcome == .applied,
            "another host has its own budget")
        let task = Task { try await poller.sync(booking, reconciler: Reconciler()) }
        try await waitUntil(steadyFor: 200) { clock.sleeperCount == 1 }
        #expect(server.requests.count == 2, "the second feed on 127.0.0.1 waits for the host's next permit")
        clock.advance(by: .seconds(3))
        try await waitUntil(steadyFor: 200) { clock.sleeperCount == 1 }
        #expect(server.requests.count == 2)
        clock.advance(by: .seconds(1))
        let report = try await task.value
        #expect(report.outcome == .applied)
        #expect(seen.values == ["/airbnb.ics@0.0 seconds", "/vrbo.ics@0.0 seconds", "/booking.ics@4.0 seconds"])
    }

    @Test("a request that would wait past the limiter's maximum fails as rate limited, without a request")
    func rateLimitedFailure() async throws {
        let body = self.body
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, headers: [], body: body) }
        defer { server.stop() }
        let configuration = FeedPollerConfiguration(
            retry: nil,
            hostRateLimit: FeedPollerConfiguration.HostRateLimit(
                requestsPerSecond: 0.25, burst: 1, maxWait: .seconds(1)),
            feedBreaker: CircuitBreakerPolicy(trip: .consecutiveFailures(1)))
        let poller = poller(configuration, clock: ManualClock())
        #expect(try await poller.sync(feed(server, name: "airbnb"), reconciler: Reconciler()).outcome == .applied)
        let booking = feed(server, name: "booking")
        let refused = try await poller.sync(booking, reconciler: Reconciler())
        #expect(refused.outcome == .failed)
        #expect(refused.failure?.kind == .rateLimited)
        #expect(refused.failure?.isTransient == true)
        #expect(refused.failure?.retryAfter == .delay(.seconds(4)))
        #expect(refused.requests == 0)
        #expect(server.requests.count == 1)
        #expect(await poller.breakerState(of: booking.key) == .closed, "the host's limit says nothing about the feed")
    }

    @Test("file feeds are read directly: no retries, no breaker")
    func fileFeedsUnguarded() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let missing = PolledFeed(unit: "A1", feed: "gone", url: temporary.directory.appendingPathComponent("nope.ics"))
        let configuration = FeedPollerConfiguration(
            retry: Self.retry(attempts: 5), feedBreaker: CircuitBreakerPolicy(trip: .consecutiveFailures(1)))
        let poller = poller(configuration, clock: ManualClock())
        for _ in 1...3 {
            let report = try await poller.sync(missing, reconciler: Reconciler())
            #expect(report.failure?.kind == .unreadable)
            #expect(report.requests == 1)
        }
        #expect(await poller.breakerState(of: missing.key) == nil)
    }

    // MARK: - Classification and schedule

    struct ClassificationCase: Sendable, CustomTestStringConvertible {
        var failure: FeedFailure
        var expected: ErrorClassifier.Classification
        var testDescription: String { "\(failure.kind.rawValue) \(failure.httpStatus.map(String.init) ?? "-")" }
    }

    @Test(
        "a FeedFailure classifies itself for ErrorClassifier",
        arguments: [
            ClassificationCase(
                failure: FeedFailure(kind: .timeout, message: "t", isTransient: true), expected: .timeout),
            ClassificationCase(
                failure: FeedFailure(kind: .httpStatus, httpStatus: 408, message: "t", isTransient: true),
                expected: .timeout),
            ClassificationCase(
                failure: FeedFailure(kind: .httpStatus, httpStatus: 503, message: "t", isTransient: true),
                expected: .transient),
            ClassificationCase(
                failure: FeedFailure(kind: .transport, message: "t", isTransient: true), expected: .transient),
            ClassificationCase(
                failure: FeedFailure(kind: .truncated, httpStatus: 200, message: "t", isTransient: true),
                expected: .transient),
            ClassificationCase(
                failure: FeedFailure(kind: .httpStatus, httpStatus: 404, message: "t", isTransient: false),
                expected: .permanent),
            ClassificationCase(
                failure: FeedFailure(kind: .notACalendar, httpStatus: 200, message: "t", isTransient: false),
                expected: .permanent),
        ])
    func classification(_ row: ClassificationCase) {
        #expect(ErrorClassifier.default.classify(row.failure) == row.expected)
        #expect(ErrorClassifier.retryingUnknownErrors.classify(row.failure) == row.expected)
        let overridden = ErrorClassifier.default.overriding {
            ($0 as? FeedFailure)?.httpStatus == 404 ? .transient : nil
        }
        #expect(overridden.classify(row.failure) == (row.failure.httpStatus == 404 ? .transient : row.expected))
    }

    @Test("the retry decision waits at least a FeedFailure's Retry-After, and gives up beyond the policy's maximum")
    func retryAfterDecision() {
        let policy = RetryPolicy(
            maxAttempts: 3, backoff: .constant(.seconds(1)), jitter: .none, retryAfterMaxWait: .seconds(60))
        var generator = SplitMix64(seed: 3)
        let now = Date(timeIntervalSince1970: 1_775_037_600)
        var machine = RetryStateMachine(policy: policy)
        _ = machine.attemptStarted()
        let asked = FeedFailure(
            kind: .httpStatus, httpStatus: 503, message: "HTTP 503", isTransient: true, retryAfter: .delay(.seconds(45))
        )
        #expect(machine.failed(with: asked, now: .zero, wallNow: now, using: &generator) == .retry(after: .seconds(45)))
        let plain = FeedFailure(kind: .httpStatus, httpStatus: 503, message: "HTTP 503", isTransient: true)
        var other = RetryStateMachine(policy: policy)
        _ = other.attemptStarted()
        #expect(other.failed(with: plain, now: .zero, wallNow: now, using: &generator) == .retry(after: .seconds(1)))
        var patient = RetryStateMachine(policy: policy)
        _ = patient.attemptStarted()
        let tooLong = FeedFailure(
            kind: .httpStatus, httpStatus: 429, message: "HTTP 429", isTransient: true, retryAfter: .delay(.seconds(61))
        )
        #expect(
            patient.failed(with: tooLong, now: .zero, wallNow: now, using: &generator) == .giveUp(.retryAfterTooLong))
    }

    @Test("a Retry-After longer than the next wait pushes the feed's next turn back, and a shorter one does not")
    func scheduleNotBefore() {
        var random = SplitMix64(seed: 5)
        let start = ManualClock.Instant(offset: .zero)
        var machine = PollingStateMachine(
            feedCount: 2, interval: .seconds(300), jitter: 0.1, startingAt: start, using: &random)
        let now = start.advanced(by: .seconds(300))
        machine.polled(0, at: now, notBefore: now.advanced(by: .seconds(900)), using: &random)
        #expect(machine.dueTime(of: 0) == now.advanced(by: .seconds(900)))
        machine.polled(1, at: now, notBefore: now.advanced(by: .seconds(10)), using: &random)
        let due = machine.dueTime(of: 1)!
        #expect(due >= now.advanced(by: .seconds(270)) && due <= now.advanced(by: .seconds(330)))
    }

    @Test("the defaults are the documented ones")
    func defaults() {
        let configuration = FeedPollerConfiguration()
        #expect(configuration.retry?.maxAttempts == 3)
        #expect(configuration.retry?.maxElapsed == .seconds(120))
        #expect(configuration.retry?.backoff == .exponential(base: .seconds(1), cap: .seconds(20)))
        #expect(configuration.retry?.jitter == .full)
        #expect(configuration.retry?.retryAfterMaxWait == .seconds(60))
        #expect(
            configuration.hostRateLimit
                == FeedPollerConfiguration.HostRateLimit(requestsPerSecond: 1, burst: 5, maxWait: .seconds(30)))
        #expect(configuration.feedBreaker?.trip == .consecutiveFailures(5))
        #expect(
            configuration.feedBreaker?.breakDuration
                == .growing(initial: .seconds(900), factor: 2, max: .seconds(7_200)))
        #expect(
            FeedPollerConfiguration.HostRateLimit.perMinute(30)
                == FeedPollerConfiguration.HostRateLimit(requestsPerSecond: 0.5, burst: 5))
        #expect(FeedPollerConfiguration.HostRateLimit.perMinute(2).burst == 2)
    }
}

/// Moves `clock` forward by `step` each time the code under test has settled asleep on it, until `done`;
/// fails the test, without sleeping for real, after `limit` steps.
func pump(
    _ clock: ManualClock, step: Duration = .seconds(1), limit: Int = 1_000, until done: @Sendable () -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    for _ in 0..<limit {
        if done() { return }
        let asleepOrDone: @Sendable () -> Bool = { clock.sleeperCount > 0 || done() }
        try await waitUntil(steadyFor: 100, asleepOrDone, sourceLocation: sourceLocation)
        if done() { return }
        clock.advance(by: step)
    }
    Issue.record("not done after \(limit) steps of \(step)", sourceLocation: sourceLocation)
    throw CancellationError()
}
