import Foundation
import IntegrationPatterns
import Synchronization
import Testing

@Suite("FeedPoller")
struct FeedPollerTests {
    private let airbnbBody: [UInt8]
    private let key = FeedKey(unit: "A1", feed: "airbnb")

    init() throws { airbnbBody = try SyncFixtures.bytes("airbnb.ics") }

    private func poller(
        _ store: any SyncStateStore, clock: ManualClock = ManualClock(), wall: TestWallClock = TestWallClock(),
        fetcher: any FeedFetcher = CurlFeedFetcher(),
        configuration: FeedPollerConfiguration = FeedPollerConfiguration(timeout: .seconds(20))
    ) -> FeedPoller<ManualClock> {
        FeedPoller(
            configuration: configuration, fetcher: fetcher, store: store, clock: clock, wallClock: wall.wallClock,
            seed: 7)
    }

    private func feed(_ server: LoopbackHTTPServer) -> PolledFeed {
        PolledFeed(unit: "A1", feed: "airbnb", url: server.url(), source: .airbnb)
    }

    @Test("a conditional GET sends the stored ETag and Last-Modified back, and a 304 changes nothing")
    func notModified() async throws {
        let body = airbnbBody
        let server = try LoopbackHTTPServer { request, _ in
            if request.headers["If-None-Match"] == "\"v1\"" {
                return .respond(status: 304, headers: [("ETag", "\"v1\"")], body: [])
            }
            return .respond(
                status: 200,
                headers: [
                    ("Content-Type", "text/calendar"), ("ETag", "\"v1\""),
                    ("Last-Modified", "Wed, 01 Apr 2026 10:00:00 GMT"),
                ],
                body: body)
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let poller = poller(store)
        let first = try await poller.sync(feed(server), reconciler: Reconciler())
        #expect(first.outcome == .applied)
        #expect(first.result?.added.count == 3)
        #expect(
            try await store.checkpoint(for: key)?.validators
                == HTTPValidators(etag: "\"v1\"", lastModified: "Wed, 01 Apr 2026 10:00:00 GMT"))
        let second = try await poller.sync(feed(server), reconciler: Reconciler())
        #expect(second.outcome == .notModified)
        #expect(second.result == nil)
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests[0].headers["If-None-Match"] == nil)
        #expect(requests[1].headers["If-None-Match"] == "\"v1\"")
        #expect(requests[1].headers["If-Modified-Since"] == "Wed, 01 Apr 2026 10:00:00 GMT")
        #expect(requests[1].headers["User-Agent"] == "ipm-ical-sync/0.1")
        #expect(try await store.history(for: key, limit: 5).map(\.outcome) == [.notModified, .applied])
        #expect(try await store.state(for: key).claims.count == 3)
    }

    @Test("a 503 is a transient failure that leaves the state alone; the next poll's 200 is applied")
    func serviceUnavailableThenOK() async throws {
        let body = airbnbBody
        let server = try LoopbackHTTPServer { _, index in
            index == 0
                ? .text(503, "busy", headers: [("Retry-After", "120")]) : .respond(status: 200, headers: [], body: body)
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let poller = poller(store)
        let first = try await poller.sync(feed(server), reconciler: Reconciler())
        let failure = try #require(first.failure)
        #expect(first.outcome == .failed)
        #expect(failure.kind == .httpStatus && failure.httpStatus == 503 && failure.isTransient)
        #expect(failure.retryAfter == .delay(.seconds(120)))
        #expect(first.requests == 1, "a Retry-After beyond the policy's 60 s ends the retries at once")
        #expect(try await store.checkpoint(for: key) == nil)
        #expect(try await store.state(for: key) == .empty)
        let second = try await poller.sync(feed(server), reconciler: Reconciler())
        #expect(second.outcome == .applied)
        #expect(try await store.history(for: key, limit: 5).map(\.outcome) == [.applied, .failed])
    }

    @Test("a response slower than the timeout fails as a timeout when the poller's clock passes it")
    func timeout() async throws {
        let server = try LoopbackHTTPServer { _, _ in .hang }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let clock = ManualClock()
        let poller = poller(
            store, clock: clock, configuration: FeedPollerConfiguration(timeout: .seconds(20), retry: nil))
        let target = feed(server)
        let task = Task { try await poller.sync(target, reconciler: Reconciler()) }
        try await waitUntil { clock.sleeperCount == 1 && !server.requests.isEmpty }
        clock.advance(by: .seconds(20))
        let report = try await task.value
        #expect(report.outcome == .failed)
        #expect(report.failure?.kind == .timeout)
        #expect(report.failure?.isTransient == true)
        #expect(try await store.state(for: key) == .empty)
        #expect(try await store.history(for: key, limit: 5).map(\.outcome) == [.failed])
    }

    @Test("an HTML page served with 200 is a failure, never an empty calendar, and its validators are not kept")
    func htmlWith200() async throws {
        let body = airbnbBody
        let html = try SyncFixtures.bytes("expired-link.html")
        let server = try LoopbackHTTPServer { _, index in
            index == 0
                ? .respond(status: 200, headers: [("ETag", "\"v1\"")], body: body)
                : .respond(status: 200, headers: [("Content-Type", "text/html"), ("ETag", "\"login\"")], body: html)
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let poller = poller(store)
        _ = try await poller.sync(feed(server), reconciler: Reconciler())
        let report = try await poller.sync(feed(server), reconciler: Reconciler())
        #expect(report.outcome == .failed)
        #expect(report.failure?.kind == .notACalendar)
        #expect(report.failure?.isTransient == false)
        #expect(
            report.failure?.message
                == "the body is an HTML page (text/html), not a calendar; the feed URL may have expired")
        #expect(try await store.checkpoint(for: key)?.validators.etag == "\"v1\"")
        #expect(try await store.state(for: key).claims.count == 3)
    }

    @Test("a 304 is one more miss: a cancellation is confirmed even when the feed stops changing")
    func notModifiedCountsMisses() async throws {
        let blocks = (1...6).map {
            block("s\($0)@example.com", "2026-0\($0 + 3)-01", "2026-0\($0 + 3)-04", source: .other)
        }
        var generator = SplitMix64(seed: 1)
        let full = RandomFeeds.render(blocks, quirks: false, using: &generator)
        let fewer = RandomFeeds.render(Array(blocks.dropLast()), quirks: false, using: &generator)
        let server = try LoopbackHTTPServer { request, index in
            switch index {
            case 0: return .respond(status: 200, headers: [("ETag", "\"v1\"")], body: full)
            case 1: return .respond(status: 200, headers: [("ETag", "\"v2\"")], body: fewer)
            default:
                return request.headers["If-None-Match"] == "\"v2\""
                    ? .respond(status: 304, headers: [], body: []) : .text(500, "unexpected")
            }
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let wall = TestWallClock()
        let poller = poller(store, wall: wall)
        let target = PolledFeed(unit: "A1", feed: "other", url: server.url(), source: .other)
        _ = try await poller.sync(target, reconciler: Reconciler())
        wall.advance(by: 300)
        let second = try await poller.sync(target, reconciler: Reconciler())
        #expect(second.result?.pending.map(\.misses) == [1])
        wall.advance(by: 300)
        let third = try await poller.sync(target, reconciler: Reconciler())
        #expect(third.outcome == .notModified)
        #expect(third.result?.pending.map(\.misses) == [2])
        wall.advance(by: 300)
        let fourth = try await poller.sync(target, reconciler: Reconciler())
        #expect(fourth.outcome == .notModified)
        #expect(fourth.result?.removed.map(\.uid) == ["s6@example.com"])
        let fifth = try await poller.sync(target, reconciler: Reconciler())
        #expect(fifth.result == nil, "nothing left to confirm: a plain 304")
    }

    @Test("a held fetch keeps the previous validators, so the next poll asks for the full body again")
    func heldFetchIsRefetched() async throws {
        let body = airbnbBody
        let empty = Array(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN\r\nEND:VCALENDAR\r\n".utf8
        )
        let server = try LoopbackHTTPServer { _, index in
            index == 0
                ? .respond(status: 200, headers: [("ETag", "\"v1\"")], body: body)
                : .respond(status: 200, headers: [("ETag", "\"v2\"")], body: empty)
        }
        defer { server.stop() }
        let store: any SyncStateStore = InMemorySyncStateStore()
        let poller = poller(store)
        _ = try await poller.sync(feed(server), reconciler: Reconciler())
        let held = try await poller.sync(feed(server), reconciler: Reconciler())
        #expect(held.outcome == .held)
        #expect(held.result?.held?.isEmpty == true)
        _ = try await poller.sync(feed(server), reconciler: Reconciler())
        #expect(server.requests.map { $0.headers["If-None-Match"] } == [nil, "\"v1\"", "\"v1\""])
        #expect(try await store.state(for: key).suspiciousStreak == 2)
        #expect(try await store.state(for: key).claims.count == 3)
    }

    @Test("a file feed without validators is recognised unchanged by its hash")
    func fileFeedHash() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let file = temporary.directory.appendingPathComponent("booking.ics")
        try Data(try SyncFixtures.bytes("booking.ics")).write(to: file)
        let store: any SyncStateStore = InMemorySyncStateStore()
        let poller = poller(store)
        let target = PolledFeed(unit: "A1", feed: "booking", url: file)
        #expect(try await poller.sync(target, reconciler: Reconciler()).outcome == .applied)
        let again = try await poller.sync(target, reconciler: Reconciler())
        #expect(again.outcome == .unchanged)
        #expect(again.source == .booking)
        try Data(try SyncFixtures.bytes("booking.ics").dropLast(20) + Array("END:VCALENDAR\n".utf8)).write(to: file)
        #expect(try await poller.sync(target, reconciler: Reconciler()).outcome == .applied)
        let missing = PolledFeed(unit: "A1", feed: "gone", url: temporary.directory.appendingPathComponent("nope.ics"))
        let failed = try await poller.sync(missing, reconciler: Reconciler())
        #expect(failed.failure?.kind == .unreadable)
        #expect(failed.failure?.message == "the file nope.ics does not exist")
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var status: Int
        var transient: Bool
        var testDescription: String { "\(status)" }
    }

    @Test(
        "statuses are sorted into transient and permanent failures",
        arguments: [
            StatusCase(status: 408, transient: true), StatusCase(status: 429, transient: true),
            StatusCase(status: 500, transient: true), StatusCase(status: 502, transient: true),
            StatusCase(status: 503, transient: true), StatusCase(status: 401, transient: false),
            StatusCase(status: 403, transient: false), StatusCase(status: 404, transient: false),
            StatusCase(status: 410, transient: false), StatusCase(status: 400, transient: false),
        ])
    func classification(_ row: StatusCase) {
        guard case .failed(let failure) = FeedPoller<ManualClock>.classify(FeedResponse(status: row.status), at: at())
        else {
            Issue.record("\(row.status) was not a failure")
            return
        }
        #expect(failure.isTransient == row.transient)
        #expect(failure.httpStatus == row.status)
    }

    @Test("a 200 body is checked: calendar, truncated, HTML, something else")
    func bodies() throws {
        func kind(_ text: String) -> String {
            switch FeedPoller<ManualClock>.classify(FeedResponse(status: 200, body: Array(text.utf8)), at: at()) {
            case .fetched: return "calendar"
            case .failed(let failure): return failure.kind.rawValue
            case .notModified: return "304"
            }
        }
        #expect(kind("\u{FEFF}\r\n begin:vcalendar\r\nEND:VCALENDAR\r\n") == "calendar")
        #expect(kind("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n") == "truncated")
        #expect(kind("  <html>") == "not_a_calendar")
        #expect(kind("{\"error\":1}") == "not_a_calendar")
        #expect(kind("") == "not_a_calendar")
    }

    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 1_775_037_600)  // Wed, 01 Apr 2026 10:00:00 GMT
        let seconds = FeedPoller<ManualClock>.classify(
            FeedResponse(status: 429, headers: ["Retry-After": "30"]), at: now)
        let date = FeedPoller<ManualClock>.classify(
            FeedResponse(status: 503, headers: ["Retry-After": "Wed, 01 Apr 2026 10:02:00 GMT"]), at: now)
        #expect(
            seconds
                == .failed(
                    FeedFailure(
                        kind: .httpStatus, httpStatus: 429, message: "HTTP 429", isTransient: true,
                        retryAfter: .delay(.seconds(30)))))
        #expect(
            date
                == .failed(
                    FeedFailure(
                        kind: .httpStatus, httpStatus: 503, message: "HTTP 503", isTransient: true,
                        retryAfter: .delay(.seconds(120)))))
    }

    @Test("the loop spreads the first round over one interval and then polls each feed every interval ± jitter")
    func loop() async throws {
        let clock = ManualClock()
        let fetcher = RecordingFetcher(clock: clock, body: airbnbBody)
        let store: any SyncStateStore = InMemorySyncStateStore()
        let poller = FeedPoller(
            configuration: FeedPollerConfiguration(
                interval: .seconds(300), jitter: 0.1, timeout: .seconds(86_400 * 30)),
            fetcher: fetcher, store: store, clock: clock, wallClock: TestWallClock().wallClock, seed: 42)
        let feeds = ["a", "b", "c"].map {
            PolledFeed(unit: "A1", feed: $0, url: URL(string: "https://example.com/\($0).ics")!, source: .airbnb)
        }
        let reports = Mutex(0)
        let task = Task {
            try await poller.run(feeds, reconciler: Reconciler(), maxPolls: 12) { _ in reports.withLock { $0 += 1 } }
        }
        // The poller is asleep on its schedule when one task sleeps and no poll is in flight. A poll's own
        // timeout sleeper can look the same for an instant, before its fetch starts, so the state must
        // hold steadily before time moves.
        let asleep: @Sendable () -> Bool = { clock.sleeperCount == 1 && reports.withLock { $0 } == fetcher.calls.count }
        while reports.withLock({ $0 }) < 12 {
            try await waitUntil(steadyFor: 200) { asleep() || reports.withLock { $0 } >= 12 }
            if reports.withLock({ $0 }) >= 12 { break }
            clock.advanceToNextDeadline()
        }
        try await task.value
        let calls = fetcher.calls
        #expect(calls.count == 12)
        for name in ["a", "b", "c"] {
            let times = calls.filter { $0.url.lastPathComponent == "\(name).ics" }.map(\.offset)
            #expect(times.count == 4)
            #expect(times[0] >= .zero && times[0] < .seconds(300))
            for (earlier, later) in zip(times, times.dropFirst()) {
                #expect(
                    later - earlier >= .seconds(270) && later - earlier <= .seconds(330), "\(name): \(later - earlier)")
            }
        }
        #expect(Set(calls.prefix(3).map(\.url)).count == 3, "each feed is polled once in the first round")
    }

    @Test("the schedule's waits stay within interval ± jitter and the first round within one interval (500 seeds)")
    func scheduleBounds() {
        for seed in UInt64(1)...500 {
            var random = SplitMix64(seed: seed)
            let start = ManualClock.Instant(offset: .seconds(1_000))
            var machine = PollingStateMachine(
                feedCount: 5, interval: .seconds(300), jitter: 0.2, startingAt: start, using: &random)
            #expect(machine.bounds == .seconds(240) ... .seconds(360))
            for index in 0..<5 {
                let due = machine.dueTime(of: index)!
                #expect(due >= start && due < start.advanced(by: .seconds(300)), "seed \(seed)")
            }
            guard case .poll(let first) = machine.next(at: start.advanced(by: .seconds(300))) else {
                Issue.record("seed \(seed): nothing due after one interval")
                continue
            }
            let now = start.advanced(by: .seconds(300))
            machine.polled(first, at: now, using: &random)
            let next = machine.dueTime(of: first)!
            #expect(next >= now.advanced(by: .seconds(240)) && next <= now.advanced(by: .seconds(360)), "seed \(seed)")
            if case .poll(let other) = machine.next(at: now) { #expect(other != first) }
            #expect(machine.next(at: start) == .sleep(until: (0..<5).map { machine.dueTime(of: $0)! }.min()!))
        }
        var random = SplitMix64(seed: 1)
        #expect(
            PollingStateMachine(
                feedCount: 0, interval: .seconds(1), jitter: 0, startingAt: ManualClock.Instant(offset: .zero),
                using: &random
            ).next(at: ManualClock.Instant(offset: .zero)) == .idle)
    }
}

/// A fetcher that answers at once with one body and records when (on the clock) each URL was asked for.
final class RecordingFetcher: FeedFetcher {
    struct Call: Sendable {
        var url: URL
        var offset: Duration
    }

    private let clock: ManualClock
    private let body: [UInt8]
    private let recorded = Mutex<[Call]>([])

    init(clock: ManualClock, body: [UInt8]) {
        self.clock = clock
        self.body = body
    }

    var calls: [Call] { recorded.withLock { $0 } }

    func fetch(_ request: FeedRequest) async throws -> FeedResponse {
        recorded.withLock { $0.append(Call(url: request.url, offset: clock.now.offset)) }
        return FeedResponse(status: 200, body: body)
    }
}

/// Yields until `condition` holds (for `steadyFor` consecutive checks); fails the test, without
/// sleeping, if it never does.
func waitUntil(
    steadyFor: Int = 1, _ condition: @Sendable () -> Bool, sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    var held = 0
    for _ in 0..<2_000_000 {
        held = condition() ? held + 1 : 0
        if held >= steadyFor { return }
        await Task.yield()
    }
    Issue.record("condition never held", sourceLocation: sourceLocation)
    throw CancellationError()
}
