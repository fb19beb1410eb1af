// swift-format-ignore-file
// The Swift samples of Content/{en,es}/conditional-polling and sync-strategies, copied verbatim into
// functions so that the compiler checks them against the real API; SyncPageSampleTests fails when a page's
// sample is no longer here line for line. The stubs stand for the reader's own code. Nothing here runs.
import Foundation
import IntegrationPatterns

private let bookingURL = URL(fileURLWithPath: "/booking.ics")
private let airbnbURL = URL(fileURLWithPath: "/airbnb.ics")
private let feedURL = URL(fileURLWithPath: "/feed.ics")
private func alert(_ feed: FeedKey, _ failure: FeedFailure) {}

private func en_conditional_polling() async throws {

    // The poller's defaults, spelled out: set any of the three to nil to go without.
    var configuration = FeedPollerConfiguration(interval: .seconds(300), jitter: 0.1, timeout: .seconds(20))
    configuration.retry = RetryPolicy(
        maxAttempts: 3, maxElapsed: .seconds(120),
        backoff: .exponential(base: .seconds(1), cap: .seconds(20)), jitter: .full, retryAfterMaxWait: .seconds(60))
    configuration.hostRateLimit = .perMinute(60)                 // shared by every feed on one host
    configuration.feedBreaker = CircuitBreakerPolicy(
        trip: .consecutiveFailures(5), breakDuration: .growing(initial: .seconds(900), max: .seconds(7_200)))

    let poller = FeedPoller(configuration: configuration, store: try SQLiteSyncStateStore(path: "sync.sqlite"))
    let feeds = [
        PolledFeed(unit: "A1", feed: "booking", url: bookingURL, source: .booking),
        PolledFeed(unit: "A1", feed: "airbnb", url: airbnbURL, source: .airbnb),
    ]
    try await poller.run(feeds, reconciler: Reconciler()) { report in
        // report.outcome: .notModified, .unchanged, .applied, .held or .failed; report.requests is 2 or 3
        // after retries, 0 when the feed's breaker was open (failure.kind == .circuitOpen).
        if let failure = report.failure, !failure.isTransient { alert(report.feed, failure) }
    }
}

private func es_conditional_polling() async throws {

    // Los valores por defecto del poller, escritos: pon cualquiera de los tres a nil para prescindir de él.
    var configuration = FeedPollerConfiguration(interval: .seconds(300), jitter: 0.1, timeout: .seconds(20))
    configuration.retry = RetryPolicy(
        maxAttempts: 3, maxElapsed: .seconds(120),
        backoff: .exponential(base: .seconds(1), cap: .seconds(20)), jitter: .full, retryAfterMaxWait: .seconds(60))
    configuration.hostRateLimit = .perMinute(60)                 // compartido por todos los feeds de un host
    configuration.feedBreaker = CircuitBreakerPolicy(
        trip: .consecutiveFailures(5), breakDuration: .growing(initial: .seconds(900), max: .seconds(7_200)))

    let poller = FeedPoller(configuration: configuration, store: try SQLiteSyncStateStore(path: "sync.sqlite"))
    let feeds = [
        PolledFeed(unit: "A1", feed: "booking", url: bookingURL, source: .booking),
        PolledFeed(unit: "A1", feed: "airbnb", url: airbnbURL, source: .airbnb),
    ]
    try await poller.run(feeds, reconciler: Reconciler()) { report in
        // report.outcome: .notModified, .unchanged, .applied, .held o .failed; report.requests vale 2 o 3
        // tras reintentos, 0 si el breaker del feed estaba abierto (failure.kind == .circuitOpen).
        if let failure = report.failure, !failure.isTransient { alert(report.feed, failure) }
    }
}

private func en_sync_strategies() async throws {

    let store = try SQLiteSyncStateStore(path: "sync.sqlite")
    let poller = FeedPoller(
        configuration: FeedPollerConfiguration(
            interval: .seconds(300), jitter: 0.1, timeout: .seconds(20),
            retry: RetryPolicy(maxAttempts: 4, maxElapsed: .seconds(120)),   // within the cycle
            hostRateLimit: .perMinute(30),                                   // shared by the feeds of one host
            feedBreaker: FeedPollerConfiguration.defaultFeedBreaker),         // rests after 5 failed cycles
        store: store)
    let reconciler = Reconciler(policy: ReconciliationPolicy(missesBeforeRemoval: 3, suspiciousShrink: 0.5))
    let feed = PolledFeed(unit: "A1", feed: "airbnb", url: feedURL, source: .airbnb)

    // One cycle: breaker, rate limit, conditional GET with retries, parse, reconcile, commit state and
    // validators together.
    let report = try await poller.sync(feed, reconciler: reconciler)
    switch report.outcome {
    case .applied: print(report.result?.added.count ?? 0, "new stays")
    case .held: print("held:", report.result?.held?.description ?? "")   // nothing applied
    case .notModified, .unchanged: break                                 // a 304, or the same body
    case .failed: print(report.failure?.description ?? "")               // stale, never empty
    }
    let claims = try await store.claims(unit: "A1")   // every feed's blocks, for conflict detection
    let resolver = ConflictResolver(policy: .channelPriority([.direct, .airbnb, .booking]))
    let resolutions = resolver.resolve(resolver.conflicts(in: claims, capacity: 1))
    let deadLetters = try SQLiteDeadLetterQueue(path: "sync.sqlite")   // ipm dlq list --db sync.sqlite
    let parked = try await resolver.deadLetter(resolutions, unit: "A1", to: deadLetters, at: Date())
    _ = parked
}

private func es_sync_strategies() async throws {

    let store = try SQLiteSyncStateStore(path: "sync.sqlite")
    let poller = FeedPoller(
        configuration: FeedPollerConfiguration(
            interval: .seconds(300), jitter: 0.1, timeout: .seconds(20),
            retry: RetryPolicy(maxAttempts: 4, maxElapsed: .seconds(120)),   // dentro del ciclo
            hostRateLimit: .perMinute(30),                                   // compartido por los feeds de un host
            feedBreaker: FeedPollerConfiguration.defaultFeedBreaker),         // descansa tras 5 ciclos fallidos
        store: store)
    let reconciler = Reconciler(policy: ReconciliationPolicy(missesBeforeRemoval: 3, suspiciousShrink: 0.5))
    let feed = PolledFeed(unit: "A1", feed: "airbnb", url: feedURL, source: .airbnb)

    // Un ciclo: breaker, rate limit, GET condicional con reintentos, parseo, reconciliación, estado y
    // validadores confirmados juntos.
    let report = try await poller.sync(feed, reconciler: reconciler)
    switch report.outcome {
    case .applied: print(report.result?.added.count ?? 0, "estancias nuevas")
    case .held: print("retenido:", report.result?.held?.description ?? "")   // no se aplicó nada
    case .notModified, .unchanged: break                                     // un 304, o el mismo cuerpo
    case .failed: print(report.failure?.description ?? "")                   // obsoleto, nunca vacío
    }
    let claims = try await store.claims(unit: "A1")   // los bloqueos de todos los feeds, para detectar conflictos
    let resolver = ConflictResolver(policy: .channelPriority([.direct, .airbnb, .booking]))
    let resolutions = resolver.resolve(resolver.conflicts(in: claims, capacity: 1))
    let deadLetters = try SQLiteDeadLetterQueue(path: "sync.sqlite")   // ipm dlq list --db sync.sqlite
    let parked = try await resolver.deadLetter(resolutions, unit: "A1", to: deadLetters, at: Date())
    _ = parked
}
