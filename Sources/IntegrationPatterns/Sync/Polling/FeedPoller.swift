public import Foundation

/// How a ``FeedPoller`` polls.
public struct FeedPollerConfiguration: Sendable {
    /// The mean time between two polls of one feed (the seed's sync engine: 5 minutes).
    public var interval: Duration
    /// The jitter, as a fraction of the interval (0.1: each wait within ±10 %).
    public var jitter: Double
    /// How long one request may take before it counts as a timeout.
    public var timeout: Duration
    /// The property's time zone: where timed events fall, and what "today" is for past stays.
    public var timeZone: TimeZone
    /// The User-Agent sent with every request.
    public var userAgent: String

    /// Creates a configuration: every 5 minutes ± 10 %, 20 s timeout, UTC.
    public init(
        interval: Duration = .seconds(300), jitter: Double = 0.1, timeout: Duration = .seconds(20),
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, userAgent: String = "ipm-ical-sync/0.1"
    ) {
        self.interval = interval
        self.jitter = jitter
        self.timeout = timeout
        self.timeZone = timeZone
        self.userAgent = userAgent
    }
}

/// Polls iCal feeds and keeps each feed's state in a ``SyncStateStore``: the sync engine of the seed's
/// first story.
///
/// One cycle of one feed (``sync(_:reconciler:acceptSuspicious:)``):
/// 1. a conditional GET with the stored ``HTTPValidators``, bounded by the configured timeout (measured on
///    the poller's clock);
/// 2. the response classified: 304, a calendar, or a ``FeedFailure`` (5xx, 429, a timeout, an HTML page
///    served with 200, a truncated body) that leaves the state as it was;
/// 3. a body identical to the last applied one (same SHA-256) is not parsed again;
/// 4. otherwise parse (``ICalParser``), reconcile (``Reconciler``) and commit the state, the new
///    validators and a history line in one transaction; a held (suspicious) body stores no validators,
///    so the next poll fetches it in full again.
///
/// A 304 or an unchanged body still counts as one more miss for blocks waiting to be confirmed
/// cancelled, so a cancellation is confirmed even when the feed then stops changing.
///
/// ``run(_:reconciler:maxPolls:report:)`` repeats cycles forever on a jittered schedule
/// (``PollingStateMachine``), one request at a time. Retries within a cycle, the per-host rate limit and
/// the per-feed circuit breaker belong around the poller's single network call, the timed fetch.
public actor FeedPoller<C: Clock<Duration>> {
    /// How the poller polls.
    public let configuration: FeedPollerConfiguration
    private let fetcher: any FeedFetcher
    private let store: any SyncStateStore
    private let clock: C
    private let wallClock: WallClock
    private var random: SplitMix64

    /// Creates a poller.
    ///
    /// - Parameters:
    ///   - configuration: Interval, jitter, timeout, time zone.
    ///   - fetcher: How requests are made (``CurlFeedFetcher`` by default).
    ///   - store: Where state, checkpoints and history are kept.
    ///   - clock: The clock timeouts and the schedule are measured on.
    ///   - wallClock: Calendar time for first-seen dates, miss periods and history.
    ///   - seed: Seeds the jitter; `nil` seeds it from the system's generator.
    public init(
        configuration: FeedPollerConfiguration = FeedPollerConfiguration(),
        fetcher: any FeedFetcher = CurlFeedFetcher(), store: any SyncStateStore, clock: C,
        wallClock: WallClock = .system, seed: UInt64? = nil
    ) {
        self.configuration = configuration
        self.fetcher = fetcher
        self.store = store
        self.clock = clock
        self.wallClock = wallClock
        var system = SystemRandomNumberGenerator()
        random = SplitMix64(seed: seed ?? system.next())
    }

    // MARK: - One poll

    /// One conditional GET of `feed`, bounded by the timeout, classified.
    public func poll(_ feed: PolledFeed, validators: HTTPValidators = HTTPValidators()) async -> PollOutcome {
        var headers = validators.requestHeaders
        headers.add(name: "User-Agent", value: configuration.userAgent)
        headers.add(name: "Accept", value: "text/calendar, text/plain;q=0.9, */*;q=0.5")
        let request = FeedRequest(url: feed.url, headers: headers, timeout: configuration.timeout)
        do {
            let response = try await perform(request, for: feed)
            return Self.classify(response, at: wallClock.now())
        } catch let error as FeedFetchError {
            switch error.code {
            case .timeout:
                return .failed(FeedFailure(kind: .timeout, message: "no answer within \(configuration.timeout)", isTransient: true))
            case .file, .unsupportedURL, .unavailable:
                return .failed(FeedFailure(kind: .unreadable, message: error.message, isTransient: false))
            default:
                return .failed(FeedFailure(kind: .transport, message: error.message, isTransient: true))
            }
        } catch is CancellationError {
            return .failed(FeedFailure(kind: .transport, message: "the poll was cancelled", isTransient: true))
        } catch {
            return .failed(FeedFailure(kind: .transport, message: "the request failed", isTransient: true))
        }
    }

    /// The one network call of a cycle: the fetch raced against the timeout on the poller's clock. This is
    /// the call a retry policy, a per-host rate limiter and a per-feed circuit breaker wrap.
    private func perform(_ request: FeedRequest, for feed: PolledFeed) async throws -> FeedResponse {
        let fetcher = self.fetcher
        let clock = self.clock
        let timeout = configuration.timeout
        return try await withThrowingTaskGroup(of: FeedResponse?.self) { group in
            group.addTask { try await fetcher.fetch(request) }
            group.addTask {
                try await clock.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw FeedFetchError(code: .timeout, message: "no answer within the timeout")
            }
            return response
        }
    }

    /// What a response means: 304, a calendar body, or a failure (transient or not).
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
                return .failed(FeedFailure(kind: .notACalendar, httpStatus: status, message: reason, isTransient: false))
            case .truncated:
                return .failed(
                    FeedFailure(
                        kind: .truncated, httpStatus: status, message: "the calendar stops before END:VCALENDAR (truncated)",
                        isTransient: true))
            }
        case 408, 425, 429, 500...599:
            return .failed(
                FeedFailure(
                    kind: .httpStatus, httpStatus: status, message: "HTTP \(status)", isTransient: true,
                    retryAfter: response.headers["Retry-After"].flatMap { retryAfter($0, now: now) }))
        case 401, 403, 404, 410:
            return .failed(
                FeedFailure(
                    kind: .httpStatus, httpStatus: status,
                    message: "HTTP \(status): the feed URL was revoked or rotated; get a new one from the channel",
                    isTransient: false))
        default:
            return .failed(FeedFailure(kind: .httpStatus, httpStatus: status, message: "HTTP \(status)", isTransient: false))
        }
    }

    /// `Retry-After` as a duration: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    static func retryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }

    // MARK: - One cycle

    /// One full cycle of `feed`: poll, parse, reconcile, commit. Throws only when the store fails.
    public func sync(_ feed: PolledFeed, reconciler: Reconciler, acceptSuspicious: Bool = false) async throws
        -> FeedSyncReport
    {
        let checkpoint = try await store.checkpoint(for: feed.key)
        let givenSource = feed.source ?? checkpoint?.source
        let outcome = await poll(feed, validators: checkpoint?.validators ?? HTTPValidators())
        let now = wallClock.now()
        let today = CalendarDay(now, in: configuration.timeZone)
        func report(
            _ outcome: FetchRecord.Outcome, source: FeedSource?, result: ReconciliationResult? = nil,
            failure: FeedFailure? = nil, problems: [ICalProblem] = []
        ) -> FeedSyncReport {
            FeedSyncReport(
                feed: feed.key, source: source ?? .other, outcome: outcome, result: result, failure: failure,
                problems: problems, at: now)
        }

        let fetched: FetchedBody
        switch outcome {
        case .failed(let failure):
            try await store.record(
                FetchRecord(at: now, outcome: .failed, httpStatus: failure.httpStatus, detail: failure.message), for: feed.key)
            return report(.failed, source: givenSource, failure: failure)
        case .notModified:
            let result = try await replay(feed, source: givenSource, outcome: .notModified, status: 304, now: now, today: today, reconciler: reconciler)
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
            let failure = FeedFailure(kind: .notACalendar, httpStatus: fetched.status, message: error.message, isTransient: false)
            try await store.record(
                FetchRecord(at: now, outcome: .failed, httpStatus: fetched.status, detail: failure.message), for: feed.key)
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
            : FeedCheckpoint(source: parsed.source, validators: fetched.validators, bodyHash: fetched.hash, lastAppliedAt: now)
        try await store.commit(
            SyncCommit(feed: feed.key, source: parsed.source, state: result.state, checkpoint: newCheckpoint, record: record))
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
                feed: feed.key, source: source ?? snapshot.first?.source ?? .other, state: result.state, checkpoint: nil,
                record: FetchRecord(
                    at: now, outcome: outcome, httpStatus: status, added: result.added.count,
                    removed: result.removed.count, changed: result.changed.count)))
        return result
    }

    // MARK: - The loop

    /// Syncs `feeds` on the jittered schedule until cancelled (or after `maxPolls` cycles), calling
    /// `report` after each. The first round is spread over one interval. Throws when the store fails or
    /// the task is cancelled while asleep.
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
                schedule.polled(index, at: clock.now, using: &random)
                polls += 1
                await report(result)
            }
        }
    }
}

extension FeedPoller where C == ContinuousClock {
    /// Creates a poller on the continuous clock.
    public init(
        configuration: FeedPollerConfiguration = FeedPollerConfiguration(),
        fetcher: any FeedFetcher = CurlFeedFetcher(), store: any SyncStateStore, wallClock: WallClock = .system
    ) {
        self.init(configuration: configuration, fetcher: fetcher, store: store, clock: ContinuousClock(), wallClock: wallClock)
    }
}
