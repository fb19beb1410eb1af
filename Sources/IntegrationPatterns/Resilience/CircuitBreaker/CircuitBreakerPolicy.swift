/// When a circuit breaker opens, how long it stays open, and how it decides to close again.
///
/// Defaults to a consecutive-failure breaker (5 in a row, as in Failsafe's and cockatiel's examples),
/// a fixed 5 s break (Polly's `BreakDuration`), and one probe that must succeed (Polly and cockatiel).
/// The other libraries' defaults, for comparison: Polly opens at 10 % failures over 30 s with at least
/// 100 calls; resilience4j at 50 % of the last 100 calls, for 60 s, with 10 probes.
public struct CircuitBreakerPolicy: Sendable, Hashable, Codable {
    /// What trips the breaker while closed.
    public enum Trip: Sendable, Hashable, Codable {
        /// `n` failures in a row (Failsafe `withFailureThreshold(n)`, cockatiel `ConsecutiveBreaker`).
        case consecutiveFailures(Int)
        /// A share of failures over a window, once the window holds `minimumThroughput` calls.
        case failureRatio(FailureRatio)
    }

    /// A failure-ratio rule: open when `failures / calls ≥ threshold` in the window and
    /// `calls ≥ minimumThroughput` ("if the MinimumThroughput is not reached during the SamplingDuration
    /// then the FailureRatio is ignored", Polly's docs).
    public struct FailureRatio: Sendable, Hashable, Codable {
        /// The share of failures that opens the breaker, in `0...1`.
        public var threshold: Double
        /// Which calls count.
        public var window: Window
        /// Fewer calls than this in the window never open the breaker.
        public var minimumThroughput: Int

        /// Creates a rule.
        public init(threshold: Double, window: Window, minimumThroughput: Int) {
            self.threshold = min(1, max(0, threshold))
            self.window = window
            self.minimumThroughput = max(1, minimumThroughput)
        }
    }

    /// The calls a ratio is computed over.
    public enum Window: Sendable, Hashable, Codable {
        /// The last `n` calls (resilience4j `COUNT_BASED`).
        case count(Int)
        /// The calls of the last `duration`, kept in `buckets` slices that expire whole (resilience4j
        /// uses one-second buckets; Failsafe 10 slices).
        case time(Duration, buckets: Int = 10)
    }

    /// How long the breaker stays open.
    public enum BreakDuration: Sendable, Hashable, Codable {
        /// Always the same.
        case fixed(Duration)
        /// `initial·factor^k` for the k-th consecutive opening (k from 0), up to `max`; reset on close
        /// (resilience4j's `waitIntervalFunctionInOpenState`, Polly's `BreakDurationGenerator`).
        case growing(initial: Duration, factor: Double = 2, max: Duration)

        /// The break for the `opening`-th consecutive opening (0-based).
        public func duration(forOpening opening: Int) -> Duration {
            switch self {
            case .fixed(let duration):
                return duration
            case .growing(let initial, let factor, let max):
                return Backoff.exponential(base: initial, cap: max, factor: factor).delay(forRetry: opening)
            }
        }
    }

    /// Half-open behaviour: how many probes may be in flight and how many must succeed.
    public struct HalfOpen: Sendable, Hashable, Codable {
        /// Probes allowed in flight at once; other calls are rejected meanwhile (Polly #216).
        public var probes: Int
        /// Successes needed to close; any failure opens the breaker again.
        public var successThreshold: Int

        /// Creates the half-open rule.
        public init(probes: Int = 1, successThreshold: Int = 1) {
            self.probes = max(1, probes)
            self.successThreshold = max(1, successThreshold)
        }
    }

    /// What trips the breaker.
    public var trip: Trip
    /// Calls that take at least this long count as failures even when they succeed; `nil` to ignore
    /// latency (resilience4j's `slowCallDurationThreshold`).
    public var slowCallThreshold: Duration?
    /// How long it stays open.
    public var breakDuration: BreakDuration
    /// How it probes before closing.
    public var halfOpen: HalfOpen

    /// Creates a policy.
    public init(
        trip: Trip = .consecutiveFailures(5), slowCallThreshold: Duration? = nil,
        breakDuration: BreakDuration = .fixed(.seconds(5)), halfOpen: HalfOpen = HalfOpen()
    ) {
        self.trip = trip
        self.slowCallThreshold = slowCallThreshold
        self.breakDuration = breakDuration
        self.halfOpen = halfOpen
    }
}
