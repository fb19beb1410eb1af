public import Foundation

/// Polls iCal feeds and keeps each feed's state in a ``SyncStateStore``: the sync engine of the seed's
/// first story.
///
/// One cycle of one feed (``sync(_:reconciler:acceptSuspicious:)``):
/// 1. the feed's circuit breaker is asked first: while it is open the cycle records a failure
///    (``FeedFailure/Kind/circuitOpen``) and fetches nothing, so the stored state stays as it was, stale;
/// 2. a conditional GET with the stored ``HTTPValidators``, after a permit from the host's rate limiter
///    and bounded by the configured timeout (measured on the poller's clock); a transient failure (a
///    timeout, a connection error, 408, 429, 5xx, a truncated body) is retried within the cycle by the
///    configured ``RetryPolicy``, waiting at least the server's `Retry-After`;
/// 3. the response classified: 304, a calendar, or a ``FeedFailure`` (an HTML page served with 200, a
///    revoked URL, or a transient failure that outlasted its retries) that leaves the state as it was;
///    the breaker records the cycle's result;
/// 4. a body identical to the last applied one (same SHA-256) is not parsed again;
/// 5. otherwise parse (``ICalParser``), reconcile (``Reconciler``) and commit the state, the new
///    validators and a history line in one transaction; a held (suspicious) body stores no validators,
///    so the next poll fetches it in full again.
///
/// A 304 or an unchanged body still counts as one more miss for blocks waiting to be confirmed
/// cancelled, so a cancellation is confirmed even when the feed then stops changing.
///
/// The breaker counts *cycles*, not requests: a cycle fails when its failure outlasted the retries, or at
/// once when it is permanent, because for a feed a revoked URL (404, 410) or an expired link that serves
/// an HTML page is exactly the dead dependency a breaker should stop polling. A 429 and the host limiter's
/// own refusal count neither way: they ask for patience, not for a break. `file:` feeds are read
/// directly, without retries, rate limit or breaker.
///
/// ``run(_:reconciler:maxPolls:report:)`` repeats cycles forever on a jittered schedule
/// (``PollingStateMachine``), one request at a time; a server's `Retry-After` longer than the interval
/// pushes that feed's next turn back.
public actor FeedPoller<C: Clock<Duration>> {
    /// How the poller polls.
    public let configuration: FeedPollerConfiguration
    private let store: any SyncStateStore
    private let clock: C
    private let wallClock: WallClock
    private var random: SplitMix64
    private let pipeline: FeedFetchPipeline<C>
    private var breakers: [FeedKey: CircuitBreaker] = [:]

    /// Creates a poller.
    ///
    /// - Parameters:
    ///   - configuration: Interval, jitter, timeout, time zone, retries, rate limit and breakers.
    ///   - fetcher: How requests are made (``CurlFeedFetcher`` by default).
    ///   - store: Where state, checkpoints and history are kept.
    ///   - clock: The clock timeouts, retry waits, the rate limit, the breakers and the schedule are
    ///     measured on (`ManualClock` in tests).
    ///   - wallClock: Calendar time for first-seen dates, miss periods, history and `Retry-After` dates.
    ///   - seed: Seeds the schedule's and the retries' jitter; `nil` seeds them from the system's generator.
    public init(
        configuration: FeedPollerConfiguration = FeedPollerConfiguration(),
        fetcher: any FeedFetcher = CurlFeedFetcher(), store: any SyncStateStore, clock: C,
        wallClock: WallClock = .system, seed: UInt64? = nil
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.wallClock = wallClock
        var system = SystemRandomNumberGenerator()
        var random = SplitMix64(seed: seed ?? system.next())
        let retrier = configuration.retry.map {
            Retrier(policy: $0, clock: clock, wallClock: wallClock, generator: SplitMix64(seed: random.next()))
        }
        let limiter = configuration.hostRateLimit.map { limit in
            RateLimiter(maxWait: limit.maxWait, clock: clock) { _ in
                TokenBucket(capacity: Double(limit.burst), refillPerSecond: limit.requestsPerSecond)
            }
        }
        self.random = random
        pipeline = FeedFetchPipeline(
            fetcher: fetcher, clock: clock, wallClock: wallClock, timeout: configuration.timeout, retrier: retrier,
            limiter: limiter)
    }

    // MARK: - One poll

    /// One conditional GET of `feed` through its breaker, the host's rate limit, the retries and the
    /// timeout, classified.
    public func poll(_ feed: PolledFeed, validators: HTTPValidators = HTTPValidators()) async -> PollOutcome {
        await guardedPoll(feed, validators: validators).outcome
    }

    /// The state of a feed's circuit breaker: `nil` before the feed's first poll over the network, or
    /// without breakers. An open breaker whose break is over reads open until the next cycle probes.
    public func breakerState(of feed: FeedKey) async -> CircuitBreakerStateMachine.State? {
        guard let breaker = breakers[feed] else { return nil }
        return await breaker.state
    }

    private func guardedPoll(_ feed: PolledFeed, validators: HTTPValidators) async -> FeedFetchPipeline<C>.Result {
        var headers = validators.requestHeaders
        headers.add(name: "User-Agent", value: configuration.userAgent)
        headers.add(name: "Accept", value: "text/calendar, text/plain;q=0.9, */*;q=0.5")
        let request = FeedRequest(url: feed.url, headers: headers, timeout: configuration.timeout)
        guard let breaker = breaker(for: feed) else { return await pipeline.fetch(request) }
        let permit: CircuitBreakerStateMachine.Permit
        do {
            permit = try await breaker.acquire()
        } catch {
            return FeedFetchPipeline.Result(
                outcome: .failed(Self.circuitOpenFailure(error as? CircuitOpenError)), requests: 0)
        }
        let result = await pipeline.fetch(request)
        await breaker.record(Task.isCancelled ? .ignored : Self.breakerOutcome(result.outcome), permit: permit)
        return result
    }

    /// The feed's breaker, made on its first network poll.
    private func breaker(for feed: PolledFeed) -> CircuitBreaker? {
        guard let policy = configuration.feedBreaker, !feed.url.isFileURL else { return nil }
        if let breaker = breakers[feed.key] { return breaker }
        let breaker = CircuitBreaker(name: feed.key.description, policy: policy, clock: clock, wallClock: wallClock)
        breakers[feed.key] = breaker
        return breaker
    }

    /// What a cycle's result means to the feed's breaker: any answer is a success; a failure counts,
    /// except a 429 or the host limiter's refusal, which say nothing about the feed.
    static func breakerOutcome(_ outcome: PollOutcome) -> CircuitBreakerStateMachine.Outcome {
        guard case .failed(let failure) = outcome else { return .success }
        if failure.kind == .rateLimited || failure.httpStatus == 429 { return .ignored }
        return .failure
    }

    static func circuitOpenFailure(_ error: CircuitOpenError?) -> FeedFailure {
        var message = "not fetched: the feed's circuit breaker is open after repeated failures"
        if error?.isIsolated == true {
            message = "not fetched: the feed's circuit breaker is held open"
        } else if case .delay(let left)? = error?.retryAfter {
            message += " (next try in \(DurationArithmetic.secondsRoundedUp(left)) s)"
        }
        return FeedFailure(kind: .circuitOpen, message: message, isTransient: true, retryAfter: error?.retryAfter)
    }

    /// What a response means: 304, a calendar body, or a failure (transient or not). A `Retry-After`
    /// (RFC 9110 §10.2.3: seconds or an HTTP date) is kept as a delay from `now`.
    public static func classify(_ response: FeedResponse, at now: Date) -> PollOutcome {
        let status = response.status
        switch status {
        case 304:
            return .notModified
        case 200..<300:
            switch FeedBodyInspector.inspect(response.body, contentType: response.headers["Content-Type"]) {
            case .calendar:
                return .fetched(
                    FetchedBody(
                        body: response.body, validators: HTTPValidators(responseHeaders: response.headers),
                        hash: FeedBodyDigest.sha256Hex(response.body), status: status))
            case .notACalendar(let reason):
                return .failed(
                    FeedFailure(kind: .notACalendar, httpStatus: status, message: reason, isTransient: false))
            case .truncated:
                return .failed(
                    FeedFailure(
                        kind: .truncated, httpStatus: status,
                        message: "the calendar stops before END:VCALENDAR (truncated)",
                        isTransient: true))
            }
        case 408, 425, 429, 500...599:
            return .failed(
                FeedFailure(
                    kind: .httpStatus, httpStatus: status, message: "HTTP \(status)", isTransient: true,
                    retryAfter: RetryAfter(headers: response.headers).map { .delay($0.wait(from: now)) }))
        case 401, 403, 404, 410:
            return .failed(
                FeedFailure(
                    kind: .httpStatus, httpStatus: status,
                    message: "HTTP \(status): the feed URL was revoked or rotated; get a new one from the channel",
                    isTransient: false))
        default:
            return .failed(
                FeedFailure(kind: .httpStatus, httpStatus: status, message: "HTTP \(status)", isTransient: false))
        }
    }

    // MARK: - One cycle

    /// One full cycle of `feed`: poll, parse, reconcile, commit. Throws only when the store fails.
    public func sync(_ feed: PolledFeed, reconciler: Reconciler, acceptSuspicious: Bool = false) async throws
        -> FeedSyncReport
    {
        let checkpoint = try await store.checkpoint(for: feed.key)
        let givenSource = feed.source ?? checkpoint?.source
        let polled = await guardedPoll(feed, validators: checkpoint?.validators ?? HTTPValidators())
        let outcome = polled.outcome
        let now = wallClock.now()
        let today = CalendarDay(now, in: configuration.timeZone)
        func report(
            _ outcome: FetchRecord.Outcome, source: FeedSource?, result: ReconciliationResult? = nil,
            failure: FeedFailure? = nil, problems: [ICalProblem] = []
        ) -> FeedSyncReport {
            FeedSyncReport(
                feed: feed.key, source: source ?? .other, outcome: outcome, result: result, failure: failure,
                problems: problems, requests: polled.requests, at: now)
        }

        let fetched: FetchedBody
        switch outcome {
        case .failed(let failure):
            try await store.record(
                FetchRecord(at: now, outcome: .failed, httpStatus: failure.httpStatus, detail: failure.message),
                for: feed.key)
            return report(.failed, source: givenSource, failure: failure)
        case .notModified:
            let result = try await replay(
                feed, source: givenSource, outcome: .notModified, status: 304, now: now, today: today,
                reconciler: reconciler)
            return report(.notModified, source: givenSource, result: result)
        case .fetched(let body):
            if let hash = checkpoint?.bodyHash, hash == body.hash {
                let result = try await replay(
                    feed, source: givenSource, outcome: .unchanged, status: body.status, now: now, today: today,
                    reconciler: reconciler)
                return report(.unchanged, source: givenSource, result: result)
            }
            fetched = body
        }

        let parsed: ICalFeed
        do {
            parsed = try ICalParser(source: givenSource, timeZone: configuration.timeZone).parse(fetched.body)
        } catch {
            let failure = FeedFailure(
                kind: .notACalendar, httpStatus: fetched.status, message: error.message, isTransient: false)
            try await store.record(
                FetchRecord(at: now, outcome: .failed, httpStatus: fetched.status, detail: failure.message),
                for: feed.key)
            return report(.failed, source: givenSource, failure: failure)
        }
        let state = try await store.state(for: feed.key)
        let result = reconciler.reconcile(
            parsed.blocks, against: state, at: now, today: today, acceptSuspicious: acceptSuspicious)
        let skipped = parsed.problems.count(where: \.skipped)
        let record = FetchRecord(
            at: now, outcome: result.isHeld ? .held : .applied, httpStatus: fetched.status,
            detail: result.held?.description ?? (skipped > 0 ? "\(skipped) events skipped" : ""),
            added: result.added.count, removed: result.removed.count, changed: result.changed.count)
        let newCheckpoint =
            result.isHeld
            ? nil
            : FeedCheckpoint(
                source: parsed.source, validators: fetched.validators, bodyHash: fetched.hash, lastAppliedAt: now)
        try await store.commit(
            SyncCommit(
                feed: feed.key, source: parsed.source, state: result.state, checkpoint: newCheckpoint, record: record))
        return report(record.outcome, source: parsed.source, result: result, problems: parsed.problems)
    }

    /// For a 304 or an unchanged body: the last applied snapshot, seen once more. Blocks already missing
    /// from it get one more miss (and may now be confirmed cancelled), and a suspicion streak ends.
    private func replay(
        _ feed: PolledFeed, source: FeedSource?, outcome: FetchRecord.Outcome, status: Int, now: Date,
        today: CalendarDay, reconciler: Reconciler
    ) async throws -> ReconciliationResult? {
        let state = try await store.state(for: feed.key)
        guard state.suspiciousStreak > 0 || state.blocks.contains(where: { $0.status == .missing }) else {
            try await store.record(FetchRecord(at: now, outcome: outcome, httpStatus: status), for: feed.key)
            return nil
        }
        let snapshot = state.blocks.filter { $0.status == .active }.map(\.block)
        let result = reconciler.reconcile(snapshot, against: state, at: now, today: today)
        try await store.commit(
            SyncCommit(
                feed: feed.key, source: source ?? snapshot.first?.source ?? .other, state: result.state,
                checkpoint: nil,
                record: FetchRecord(
                    at: now, outcome: outcome, httpStatus: status, added: result.added.count,
                    removed: result.removed.count, changed: result.changed.count)))
        return result
    }

    // MARK: - The loop

    /// Syncs `feeds` on the jittered schedule until cancelled (or after `maxPolls` cycles), calling
    /// `report` after each. The first round is spread over one interval; a feed whose server answered
    /// with a `Retry-After` longer than its next wait is not polled before that. Throws when the store
    /// fails or the task is cancelled while asleep.
    public func run(
        _ feeds: [PolledFeed], reconciler: Reconciler, maxPolls: Int? = nil,
        report: @Sendable (FeedSyncReport) async -> Void
    ) async throws {
        var schedule = PollingStateMachine(
            feedCount: feeds.count, interval: configuration.interval, jitter: configuration.jitter,
            startingAt: clock.now, using: &random)
        var polls = 0
        while !Task.isCancelled {
            if let maxPolls, polls >= maxPolls { return }
            switch schedule.next(at: clock.now) {
            case .idle:
                return
            case .sleep(let deadline):
                try await clock.sleep(until: deadline, tolerance: nil)
            case .poll(let index):
                let result = try await sync(feeds[index], reconciler: reconciler)
                let now = clock.now
                let notBefore = Self.serverRetryAfter(result.failure, wallNow: wallClock.now()).map {
                    now.advanced(by: $0)
                }
                schedule.polled(index, at: now, notBefore: notBefore, using: &random)
                polls += 1
                await report(result)
            }
        }
    }
}

extension FeedPoller {
    /// How long the server asked the next poll to wait, when a cycle failed on an HTTP status with a
    /// `Retry-After` (not the breaker's or the rate limiter's own hints, which the next cycle handles).
    static func serverRetryAfter(_ failure: FeedFailure?, wallNow: Date) -> Duration? {
        guard let failure, failure.kind == .httpStatus, let hint = failure.retryAfter else { return nil }
        return hint.wait(from: wallNow)
    }
}

extension FeedPoller where C == ContinuousClock {
    /// Creates a poller on the continuous clock.
    public init(
        configuration: FeedPollerConfiguration = FeedPollerConfiguration(),
        fetcher: any FeedFetcher = CurlFeedFetcher(), store: any SyncStateStore, wallClock: WallClock = .system
    ) {
        self.init(
            configuration: configuration, fetcher: fetcher, store: store, clock: ContinuousClock(), wallClock: wallClock
        )
    }
}
