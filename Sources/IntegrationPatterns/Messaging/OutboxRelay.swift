internal import Foundation

/// Publishes the outbox's messages, in order, at least once: a message is marked sent only after
/// `publish` returns, so a crash in between publishes it again (consumers deduplicate by its key).
///
/// A failed publication is retried after a growing delay; after `maxAttempts` failures the message is
/// parked in the dead-letter queue (when one is given) and leaves the outbox.
public struct OutboxRelay: Sendable {
    /// What one pass did.
    public struct Report: Sendable, Hashable {
        /// Messages published and marked sent.
        public var published = 0
        /// Messages whose publication failed and will be retried.
        public var failed = 0
        /// Messages parked after too many failures.
        public var deadLettered = 0
    }

    /// The outbox drained.
    public let outbox: SQLiteOutbox
    /// Messages read per pass.
    public var batchSize: Int
    /// Failures before a message is parked.
    public var maxAttempts: Int
    /// The delay before retrying after the n-th failure (1-based).
    public var retryDelay: @Sendable (Int) -> Duration
    /// Where messages go after `maxAttempts` failures; without one they stay and keep being retried.
    public var deadLetters: (any DeadLetterQueue)?
    private let clock: WallClock
    private let publish: @Sendable (OutboxMessage) async throws -> Void

    /// Creates a relay; `publish` delivers one message (to a broker, an HTTP endpoint…) or throws.
    public init(
        outbox: SQLiteOutbox, batchSize: Int = 100, maxAttempts: Int = 10,
        retryDelay: @escaping @Sendable (Int) -> Duration = { failures in .seconds(min(3600, 1 << min(failures, 12))) },
        deadLetters: (any DeadLetterQueue)? = nil, clock: WallClock = .system,
        publish: @escaping @Sendable (OutboxMessage) async throws -> Void
    ) {
        self.outbox = outbox
        self.batchSize = batchSize
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.deadLetters = deadLetters
        self.clock = clock
        self.publish = publish
    }

    /// Publishes what is due now, in order; stops at the first failure so order is kept per pass.
    public func runOnce() async throws -> Report {
        var report = Report()
        for message in try outbox.due(limit: batchSize) {
            do {
                try await publish(message)
                try outbox.markSent(message.id)
                report.published += 1
            } catch {
                let failures = message.attempts + 1
                let now = clock.now()
                if failures >= maxAttempts, let deadLetters {
                    try await deadLetters.enqueue(
                        DeadLetter(
                            source: "outbox:\(message.topic)", key: message.key, payload: message.payload,
                            headers: message.headers, reason: "retries_exhausted", error: String(describing: error),
                            attempts: failures, firstFailedAt: message.createdAt, lastFailedAt: now))
                    try outbox.remove(message.id)
                    report.deadLettered += 1
                } else {
                    try outbox.markFailed(
                        message.id, error: String(describing: error), retryAt: now.adding(retryDelay(failures)))
                    report.failed += 1
                    break
                }
            }
        }
        return report
    }

    /// Runs a pass every `interval` on `clock` until the task is cancelled.
    public func run<C: Clock<Duration>>(every interval: Duration, clock: C) async throws {
        while !Task.isCancelled {
            _ = try await runOnce()
            try await clock.sleep(for: interval)
        }
    }

    /// Runs a pass every `interval` until the task is cancelled.
    public func run(every interval: Duration) async throws {
        try await run(every: interval, clock: ContinuousClock())
    }
}
