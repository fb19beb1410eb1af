internal import Advisor
internal import Foundation

/// Pulling: the OTA calendar sync (iCal feeds) or, for any other source, a cursor poller with a
/// checkpoint.
struct FeedTemplates {
    /// The sync of every calendar feed of one unit, and its tests on feeds written to disk.
    func calendarFiles(_ context: TemplateContext) -> [GeneratedFile] {
        let sync = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// Keeps one rental unit's availability in step with its OTA calendar feeds (`FEED_URLS`).
            ///
            /// Each round polls every feed with a conditional GET (ETag / Last-Modified), through the poller's guards:
            /// a timeout per request, retries with capped, jittered backoff (Retry-After honoured), one rate limit per
            /// host and one circuit breaker per feed, so a dead calendar link stops being hammered. It parses the iCal body,
            /// and reconciles it with what the feed said last time: a block that vanishes is only cancelled after
            /// several misses, and a feed that suddenly shrinks is held rather than applied. The state and each
            /// feed's checkpoint are committed together in SQLite, so a crash never applies half a feed. Then the
            /// claims of all feeds are checked for double bookings; a conflict the policy cannot settle is parked
            /// in the dead-letter queue, once, for a person (an iCal sync cannot cancel an OTA's reservation).
            public struct FeedSync: Sendable {
                /// What one round did.
                public struct Round: Sendable {
                    /// One report per feed, in the order of ``FeedSync/feeds``.
                    public var reports: [FeedSyncReport]
                    /// Every double booking found across the feeds, and how the policy settled it.
                    public var resolutions: [ConflictResolution]
                    /// How many conflicts were parked in the dead-letter queue this round.
                    public var parked: Int
                }

                /// The unit whose calendars these are.
                public let unit: String
                /// The feeds, one per channel, sorted by name.
                public let feeds: [PolledFeed]
                /// Where unresolved conflicts wait for a person (`ipm dlq list --db …`).
                public let deadLetters: SQLiteDeadLetterQueue
                /// The state of every feed: blocks, checkpoints, fetch history.
                public let store: SQLiteSyncStateStore
                private let poller: FeedPoller<ContinuousClock>
                private let reconciler: Reconciler
                private let resolver: ConflictResolver
                private let wallClock: WallClock

                /// Creates the sync from the configuration's `feeds`.
                ///
                /// - Parameters:
                ///   - polling: Interval, timeout, retries, the per-host rate limit and the per-feed breaker.
                ///   - policy: Who keeps the nights when two channels sell them; decide it with the owner.
                ///     By default nobody wins automatically and every conflict goes to a person.
                ///   - wallClock: Calendar time (`.fixed(…)` in tests).
                public init(
                    configuration: Configuration, unit: String = "unit-1", database: SQLiteDatabase,
                    polling: FeedPollerConfiguration = FeedPollerConfiguration(), policy: ConflictPolicy = .flagForHuman, reconciliation: ReconciliationPolicy = ReconciliationPolicy(),
                    fetcher: any FeedFetcher = CurlFeedFetcher(), wallClock: WallClock = .system
                ) throws {
                    self.unit = unit
                    feeds = try configuration.feeds.sorted { $0.key < $1.key }.map { name, address in
                        guard let url = URL(string: address), url.scheme != nil else {
                            throw ConfigurationError(variable: "FEED_URLS")
                        }
                        return PolledFeed(unit: unit, feed: name, url: url, source: FeedSource(rawValue: name))
                    }
                    store = try SQLiteSyncStateStore(database: database)
                    deadLetters = try SQLiteDeadLetterQueue(database: database)
                    poller = FeedPoller(configuration: polling, fetcher: fetcher, store: store, wallClock: wallClock)
                    reconciler = Reconciler(policy: reconciliation)
                    resolver = ConflictResolver(policy: policy)
                    self.wallClock = wallClock
                }

                /// One round: every feed once, then the conflicts across them. Throws only when the database fails;
                /// a feed that cannot be fetched or parsed is reported in its ``FeedSyncReport`` and keeps its
                /// last good state.
                public func syncOnce() async throws -> Round {
                    var reports: [FeedSyncReport] = []
                    for feed in feeds {
                        reports.append(try await poller.sync(feed, reconciler: reconciler))
                    }
                    let resolutions = resolver.resolve(resolver.conflicts(in: try await store.claims(unit: unit)))
                    let parked = try await resolver.deadLetter(resolutions, unit: unit, to: deadLetters, at: wallClock.now())
                    return Round(reports: reports, resolutions: resolutions, parked: parked)
                }

                /// Syncs every feed on a jittered schedule (every 15 minutes by default) until the task is cancelled.
                public func run(report: @escaping @Sendable (FeedSyncReport) async -> Void) async throws {
                    try await poller.run(feeds, reconciler: reconciler, report: report)
                }
            }

            """#
        let tests = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns
            import Testing

            @testable import \#(context.module)

            /// The sync on feeds written to a temporary folder, at a fixed date: no network, no waiting.
            @Suite("Feed sync")
            struct FeedSyncTests {
                static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

                /// A calendar with one all-day event per (uid, check-in, check-out).
                static func calendar(_ events: [(String, String, String)]) -> String {
                    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Feed//EN"]
                    for (uid, start, end) in events {
                        lines += [
                            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20260501T000000Z", "DTSTART;VALUE=DATE:\(start)",
                            "DTEND;VALUE=DATE:\(end)", "SUMMARY:Reserved", "END:VEVENT",
                        ]
                    }
                    return (lines + ["END:VCALENDAR", ""]).joined(separator: "\r\n")
                }

                /// A sync over two feeds in a fresh folder.
                static func sync(
                    airbnb: String, booking: String, database: SQLiteDatabase
                ) throws -> (FeedSync, URL) {
                    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)")
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try airbnb.write(to: folder.appendingPathComponent("airbnb.ics"), atomically: true, encoding: .utf8)
                    try booking.write(to: folder.appendingPathComponent("booking.ics"), atomically: true, encoding: .utf8)
                    let configuration = Configuration(\#(context.testConfigurationArguments.replacingOccurrences(
                        of: "feeds: [:]",
                        with: #"feeds: ["airbnb": folder.appendingPathComponent("airbnb.ics").absoluteString, "booking": folder.appendingPathComponent("booking.ics").absoluteString]"#)))
                    return (try FeedSync(configuration: configuration, database: database, wallClock: .fixed(now)), folder)
                }

                @Test("the blocks of every feed are taken in")
                func takesBlocksIn() async throws {
                    let (sync, folder) = try Self.sync(
                        airbnb: Self.calendar([("a1@airbnb.com", "20260701", "20260705")]),
                        booking: Self.calendar([("b1@booking.com", "20260801", "20260803")]), database: SQLiteDatabase.inMemory())
                    defer { try? FileManager.default.removeItem(at: folder) }
                    let round = try await sync.syncOnce()
                    #expect(round.reports.map(\.outcome) == [.applied, .applied])
                    #expect(round.reports.map { $0.result?.added.count } == [1, 1])
                    #expect(round.resolutions.isEmpty)
                }

                @Test("a night sold twice is a conflict, parked for a person once")
                func doubleBooking() async throws {
                    let (sync, folder) = try Self.sync(
                        airbnb: Self.calendar([("a1@airbnb.com", "20260701", "20260705")]),
                        booking: Self.calendar([("b1@booking.com", "20260703", "20260706")]), database: SQLiteDatabase.inMemory())
                    defer { try? FileManager.default.removeItem(at: folder) }
                    let first = try await sync.syncOnce()
                    #expect(first.resolutions.count == 1)
                    #expect(first.parked == 1)
                    let second = try await sync.syncOnce()
                    #expect(second.reports.map(\.outcome) == [.unchanged, .unchanged])
                    #expect(second.parked == 0)
                    #expect(try await sync.deadLetters.list(source: nil, limit: 10).count == 1)
                }

                @Test("a feed that cannot be read keeps its last good state")
                func brokenFeed() async throws {
                    let database = try SQLiteDatabase.inMemory()
                    let (sync, folder) = try Self.sync(
                        airbnb: Self.calendar([("a1@airbnb.com", "20260701", "20260705")]),
                        booking: Self.calendar([]), database: database)
                    defer { try? FileManager.default.removeItem(at: folder) }
                    _ = try await sync.syncOnce()
                    try "<html>Calendar link expired</html>".write(
                        to: folder.appendingPathComponent("airbnb.ics"), atomically: true, encoding: .utf8)
                    let round = try await sync.syncOnce()
                    #expect(round.reports.first?.outcome == .failed)
                    #expect(try await sync.store.claims(unit: sync.unit).count == 1)
                }
            }

            """#
        return [
            GeneratedFile(path: "Sources/\(context.module)/FeedSync.swift", contents: sync),
            GeneratedFile(path: "Tests/\(context.request.name.testTarget)/FeedSyncTests.swift", contents: tests),
        ]
    }

    /// A poller that reads a provider's changes page by page from a saved cursor, and its tests.
    func cursorFiles(_ context: TemplateContext) -> [GeneratedFile] {
        let poller = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// Reads the provider's changes page by page from a saved cursor (`?since=` / `starting_after=` /
            /// a sync token: whatever the API offers).
            ///
            /// The cursor is the checkpoint: it moves only after a page has been handled, in SQLite, so a crash
            /// replays at most one page and never skips one. That is at-least-once: make `handle` idempotent (upsert
            /// by the object's id). Call ``pollOnce(fetch:handle:)`` from your scheduler, with jitter, through
            /// `ProviderClient` when the calls need retries.
            public struct ChangePoller: Sendable {
                /// One page of changes from the provider.
                public struct Page<Item: Sendable>: Sendable {
                    /// The changes, oldest first.
                    public var items: [Item]
                    /// The cursor to ask with next; `nil` when this page is the last for now.
                    public var next: String?

                    /// Creates a page.
                    public init(items: [Item], next: String?) {
                        self.items = items
                        self.next = next
                    }
                }

                /// The checkpoint's name (one per polled resource).
                public let name: String
                /// The most pages one poll reads, so one poll cannot run forever.
                public let maxPages: Int
                private let database: SQLiteDatabase

                /// Creates the poller, and its checkpoint table if it is missing.
                public init(database: SQLiteDatabase, name: String = "changes", maxPages: Int = 50) throws {
                    self.database = database
                    self.name = name
                    self.maxPages = maxPages
                    try database.write {
                        try $0.executeScript(
                            "CREATE TABLE IF NOT EXISTS poll_checkpoints (name TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at REAL NOT NULL)")
                    }
                }

                /// The saved cursor; `nil` before the first page.
                public func cursor() throws -> String? {
                    try database.read { try $0.queryFirst("SELECT cursor FROM poll_checkpoints WHERE name = ?", [.text(name)]) }?["cursor"]
                        .text
                }

                /// Reads pages from the saved cursor until the provider has no more (or ``maxPages``), handling
                /// each page before saving the cursor after it. Returns how many items were handled. An error
                /// from `fetch` or `handle` stops the poll; the cursor stays before the page that failed.
                @discardableResult
                public func pollOnce<Item: Sendable>(
                    fetch: (_ cursor: String?) async throws -> Page<Item>, handle: (Item) async throws -> Void
                ) async throws -> Int {
                    var cursor = try cursor()
                    var handled = 0
                    for _ in 0..<maxPages {
                        let page = try await fetch(cursor)
                        for item in page.items {
                            try await handle(item)
                            handled += 1
                        }
                        guard let next = page.next, next != cursor else { break }
                        try save(next)
                        cursor = next
                    }
                    return handled
                }

                private func save(_ cursor: String) throws {
                    try database.write {
                        _ = try $0.execute(
                            "INSERT INTO poll_checkpoints (name, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
                            [.text(name), .text(cursor), .real(Date().timeIntervalSince1970)])
                    }
                }
            }

            """#
        let tests = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns
            import Testing

            @testable import \#(context.module)

            /// The checkpoint's promise: a page is never skipped, and a crash replays at most one.
            @Suite("Change poller")
            struct ChangePollerTests {
                /// A provider with five changes, two per page, its cursor the index of the next change.
                static func fetch(_ cursor: String?) -> ChangePoller.Page<Int> {
                    let start = Int(cursor ?? "0") ?? 0
                    let items = Array((start..<5).prefix(2))
                    return ChangePoller.Page(items: items, next: items.isEmpty ? nil : String(start + items.count))
                }

                final class Seen: @unchecked Sendable {
                    private let lock = NSLock()
                    private var items: [Int] = []
                    func append(_ item: Int) { lock.withLock { items.append(item) } }
                    var all: [Int] { lock.withLock { items } }
                }

                @Test("every change is read once, and the next poll starts from the checkpoint")
                func readsAll() async throws {
                    let poller = try ChangePoller(database: SQLiteDatabase.inMemory())
                    let seen = Seen()
                    #expect(try await poller.pollOnce(fetch: Self.fetch, handle: seen.append) == 5)
                    #expect(seen.all == [0, 1, 2, 3, 4])
                    #expect(try poller.cursor() == "5")
                    #expect(try await poller.pollOnce(fetch: Self.fetch, handle: seen.append) == 0)
                }

                @Test("a failure mid-page keeps the cursor before that page, so the page is read again")
                func replaysFailedPage() async throws {
                    struct Boom: Error {}
                    let poller = try ChangePoller(database: SQLiteDatabase.inMemory())
                    let seen = Seen()
                    await #expect(throws: Boom.self) {
                        try await poller.pollOnce(fetch: Self.fetch) { item in
                            if item == 3 { throw Boom() }
                            seen.append(item)
                        }
                    }
                    #expect(try poller.cursor() == "2")
                    try await poller.pollOnce(fetch: Self.fetch, handle: seen.append)
                    #expect(seen.all == [0, 1, 2, 2, 3, 4])
                }
            }

            """#
        return [
            GeneratedFile(path: "Sources/\(context.module)/ChangePoller.swift", contents: poller),
            GeneratedFile(path: "Tests/\(context.request.name.testTarget)/ChangePollerTests.swift", contents: tests),
        ]
    }
}
