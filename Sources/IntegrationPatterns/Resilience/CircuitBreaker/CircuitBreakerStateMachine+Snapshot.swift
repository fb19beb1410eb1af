public import Foundation

extension CircuitBreakerStateMachine {
    /// The breaker's state as a value that can be written to JSON and restored in another process
    /// (cockatiel's `toJSON()` and `initialState`). Times are relative to `savedAt`, on the wall clock.
    public struct Snapshot: Sendable, Hashable, Codable {
        /// The state when saved.
        public var state: State
        /// Failures in a row.
        public var consecutiveFailures: Int
        /// Openings since the last close.
        public var consecutiveOpenings: Int
        /// Milliseconds left in the break, when open.
        public var remainingBreakMilliseconds: Int64?
        /// A count window's outcomes, oldest first (`true` = failure).
        public var recentOutcomes: [Bool]?
        /// A time window's buckets.
        public var buckets: [Bucket]?
        /// When it was saved.
        public var savedAt: Date

        /// One time bucket: how long ago it started, and what happened in it.
        public struct Bucket: Sendable, Hashable, Codable {
            /// How long before `savedAt` the bucket began.
            public var ageMilliseconds: Int64
            /// Calls recorded in it.
            public var calls: Int
            /// Failures among them.
            public var failures: Int

            /// Creates a bucket.
            public init(ageMilliseconds: Int64, calls: Int, failures: Int) {
                self.ageMilliseconds = ageMilliseconds
                self.calls = calls
                self.failures = failures
            }
        }

        /// Creates a snapshot (normally made by ``CircuitBreakerStateMachine/snapshot(now:wallNow:)``).
        public init(
            state: State, consecutiveFailures: Int, consecutiveOpenings: Int, remainingBreakMilliseconds: Int64?,
            recentOutcomes: [Bool]?, buckets: [Bucket]?, savedAt: Date
        ) {
            self.state = state
            self.consecutiveFailures = consecutiveFailures
            self.consecutiveOpenings = consecutiveOpenings
            self.remainingBreakMilliseconds = remainingBreakMilliseconds
            self.recentOutcomes = recentOutcomes
            self.buckets = buckets
            self.savedAt = savedAt
        }
    }

    /// The state at `now` (`wallNow` on the calendar), for saving.
    public func snapshot(now: Duration, wallNow: Date) -> Snapshot {
        let exported = window?.exported(now: now)
        return Snapshot(
            state: state, consecutiveFailures: consecutiveFailures, consecutiveOpenings: consecutiveOpenings,
            remainingBreakMilliseconds: remainingBreak(now: now).map(DurationArithmetic.millisecondsRoundedUp),
            recentOutcomes: exported?.outcomes,
            buckets: exported?.buckets?.map {
                Snapshot.Bucket(ageMilliseconds: $0.ageNanoseconds / 1_000_000, calls: $0.calls, failures: $0.failures)
            },
            savedAt: wallNow)
    }

    /// A breaker with `policy` resumed from `snapshot` at `now` (`wallNow` on the calendar): the time
    /// that passed since it was saved is taken off the break and ages the window. A half-open breaker
    /// resumes half-open with no probe in flight.
    public init(policy: CircuitBreakerPolicy, snapshot: Snapshot, now: Duration, wallNow: Date) {
        self.init(policy: policy)
        let elapsed = Duration.milliseconds(Int64(max(0, wallNow.timeIntervalSince(snapshot.savedAt)) * 1000))
        state = snapshot.state
        consecutiveFailures = max(0, snapshot.consecutiveFailures)
        consecutiveOpenings = max(0, snapshot.consecutiveOpenings)
        if state == .open {
            let remaining = Duration.milliseconds(snapshot.remainingBreakMilliseconds ?? 0) - elapsed
            openUntil = now + max(.zero, remaining)
        }
        window?.restore(
            outcomes: snapshot.recentOutcomes,
            buckets: snapshot.buckets?.map { ($0.ageMilliseconds * 1_000_000, $0.calls, $0.failures) },
            now: now, elapsed: elapsed)
    }
}
