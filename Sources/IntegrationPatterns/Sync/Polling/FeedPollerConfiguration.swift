public import Foundation

/// How a ``FeedPoller`` polls: the schedule, the timeout, and the resilience around its one network call.
///
/// The defaults: every 5 minutes ± 10 %, a 20 s timeout, up to 3 attempts per cycle (``defaultRetry``),
/// 1 request a second per host with bursts of 5 (``HostRateLimit``), and a breaker per feed that opens
/// after 5 failed cycles in a row (``defaultFeedBreaker``). Set `retry`, `hostRateLimit` or `feedBreaker`
/// to `nil` to go without. `file:` feeds are read directly: none of the three applies to them.
public struct FeedPollerConfiguration: Sendable {
    /// The rate limit every feed on one host shares, as a token bucket: `burst` requests at once, then
    /// `requestsPerSecond`.
    ///
    /// Many feeds share a host (every Booking.com export comes from `ical.booking.com`), so the limit is
    /// keyed by the URL's host, not by feed. A request that would wait longer than `maxWait` for its turn
    /// fails as ``FeedFailure/Kind/rateLimited`` (and is retried like any transient failure). The default,
    /// 1 a second with bursts of 5, is our choice: no OTA documents a limit for its iCal exports, and 200
    /// feeds on one host polled every 5 minutes need only 0.67 a second.
    public struct HostRateLimit: Sendable, Hashable {
        /// The sustained rate, in requests a second per host.
        public var requestsPerSecond: Double
        /// Requests one host may take at once after a quiet spell.
        public var burst: Int
        /// The longest a request waits for its turn before failing.
        public var maxWait: Duration

        /// Creates a limit: 1 request a second, bursts of 5, waits of at most 30 s by default.
        public init(requestsPerSecond: Double = 1, burst: Int = 5, maxWait: Duration = .seconds(30)) {
            self.requestsPerSecond = max(1e-6, requestsPerSecond)
            self.burst = max(1, burst)
            self.maxWait = max(.zero, maxWait)
        }

        /// At most `count` requests a minute per host, bursts of at most 5.
        public static func perMinute(_ count: Int, maxWait: Duration = .seconds(30)) -> HostRateLimit {
            HostRateLimit(requestsPerSecond: Double(max(1, count)) / 60, burst: min(5, max(1, count)), maxWait: maxWait)
        }
    }

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
    /// How failed requests are retried within one cycle; `nil` for one attempt per cycle. The policy's
    /// classifier sees ``FeedFailure``s (and ``RateLimitExceeded``); its `Retry-After` is honoured.
    public var retry: RetryPolicy?
    /// The rate limit per host; `nil` for none.
    public var hostRateLimit: HostRateLimit?
    /// The policy of each feed's circuit breaker; `nil` for none. Its failures are failed *cycles*: see
    /// ``FeedPoller``.
    public var feedBreaker: CircuitBreakerPolicy?

    /// Up to 3 attempts (the AWS SDK's standard mode), exponential backoff from 1 s capped at 20 s with full
    /// jitter (AWS's recommendation), a `Retry-After` of up to 60 s honoured, and never more than 2 minutes
    /// for the retries of one cycle (our choice: well inside a 5-minute interval, so one cycle's retries
    /// never run into the next cycle).
    public static let defaultRetry = RetryPolicy(
        maxAttempts: 3, maxElapsed: .seconds(120), backoff: .exponential(base: .seconds(1), cap: .seconds(20)),
        jitter: .full, retryAfterMaxWait: .seconds(60))

    /// Opens after 5 failed cycles in a row (Failsafe's and cockatiel's example threshold) and stays open
    /// 15 minutes, then 30, 60, up to 2 hours while the probes keep failing (our choice: at a 5-minute
    /// interval a shorter break would skip no cycle at all).
    public static let defaultFeedBreaker = CircuitBreakerPolicy(
        trip: .consecutiveFailures(5), breakDuration: .growing(initial: .seconds(900), factor: 2, max: .seconds(7_200)))

    /// Creates a configuration; see the type's description for the defaults.
    public init(
        interval: Duration = .seconds(300), jitter: Double = 0.1, timeout: Duration = .seconds(20),
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, userAgent: String = "ipm-ical-sync/0.1",
        retry: RetryPolicy? = FeedPollerConfiguration.defaultRetry,
        hostRateLimit: HostRateLimit? = HostRateLimit(),
        feedBreaker: CircuitBreakerPolicy? = FeedPollerConfiguration.defaultFeedBreaker
    ) {
        self.interval = interval
        self.jitter = jitter
        self.timeout = timeout
        self.timeZone = timeZone
        self.userAgent = userAgent
        self.retry = retry
        self.hostRateLimit = hostRateLimit
        self.feedBreaker = feedBreaker
    }
}
