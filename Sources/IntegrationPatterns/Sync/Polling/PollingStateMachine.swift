/// When each feed is polled next: a fixed interval with jitter, and a spread first round.
///
/// A pure state machine over any clock's instants: ``next(at:)`` says which feed to poll or how long to
/// sleep, ``polled(_:at:using:)`` books that feed's next turn. Each turn waits the interval ± a random
/// fraction (Amazon Builders' Library: jitter all periodic work, not only retries), and the first round is
/// spread uniformly over one interval, so feeds started together by one deploy never fire together.
public struct PollingStateMachine<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What to do now.
    public enum Action: Sendable, Hashable {
        /// Poll the feed at this index.
        case poll(Int)
        /// Nothing is due before this instant.
        case sleep(until: Instant)
        /// No feeds.
        case idle
    }

    /// The mean time between two polls of one feed.
    public var interval: Duration
    /// The jitter as a fraction of the interval (0.1: each wait is within ±10 %).
    public var jitter: Double
    private var due: [Instant]

    /// Creates a schedule for `feedCount` feeds starting at `now`, their first polls spread over one interval.
    public init(
        feedCount: Int, interval: Duration, jitter: Double, startingAt now: Instant,
        using random: inout some RandomNumberGenerator
    ) {
        self.interval = max(.milliseconds(1), interval)
        self.jitter = min(0.99, max(0, jitter))
        let spread = self.interval
        due = (0..<max(0, feedCount)).map { _ in now.advanced(by: spread * Double.random(in: 0..<1, using: &random)) }
    }

    /// The shortest and longest wait between two polls of one feed.
    public var bounds: ClosedRange<Duration> { interval * (1 - jitter)...interval * (1 + jitter) }

    /// A wait drawn uniformly from ``bounds``.
    public func nextDelay(using random: inout some RandomNumberGenerator) -> Duration {
        interval * (1 + Double.random(in: -jitter...jitter, using: &random))
    }

    /// The feed to poll now (the most overdue), or how long to sleep.
    public func next(at now: Instant) -> Action {
        guard let earliest = due.indices.min(by: { due[$0] < due[$1] }) else { return .idle }
        return due[earliest] <= now ? .poll(earliest) : .sleep(until: due[earliest])
    }

    /// Records that feed `index` was polled at `now` and books its next turn: after a jittered wait, and
    /// never before `notBefore` (a server's `Retry-After` longer than the interval).
    public mutating func polled(
        _ index: Int, at now: Instant, notBefore: Instant? = nil, using random: inout some RandomNumberGenerator
    ) {
        guard due.indices.contains(index) else { return }
        let next = now.advanced(by: nextDelay(using: &random))
        due[index] = notBefore.map { max(next, $0) } ?? next
    }

    /// When feed `index` is due.
    public func dueTime(of index: Int) -> Instant? { due.indices.contains(index) ? due[index] : nil }
}
