/// Why a poll brought no usable calendar, and whether trying again soon could help.
///
/// Never "an empty calendar": an HTML page served with 200, a truncated body, a 503 or a timeout leave
/// the stored state as it was, marked stale, and store no validators (research file ical-ota.md §5.2).
///
/// It classifies itself for the resilience patterns: ``ErrorClassifier/default`` reads
/// ``classification`` (a timeout or 408 is a timeout, other transient failures are transient, the rest
/// permanent), and a ``Retrier`` waits at least its ``retryAfter``.
public struct FeedFailure: Error, ClassifiedError, RetryAfterProviding, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// No answer within the timeout.
        case timeout
        /// The connection failed.
        case transport
        /// An HTTP status that is not success or 304.
        case httpStatus = "http_status"
        /// A 200 whose body is not a calendar (an HTML login or error page, something else).
        case notACalendar = "not_a_calendar"
        /// A calendar that stops before `END:VCALENDAR`.
        case truncated
        /// A `file:` feed that could not be read, or a URL that cannot be fetched.
        case unreadable
        /// Not fetched: the feed's circuit breaker is open after repeated failures.
        case circuitOpen = "circuit_open"
        /// Not fetched: the host's rate limit had no request to spare within the poller's wait.
        case rateLimited = "rate_limited"
    }

    /// The kind of failure.
    public var kind: Kind
    /// The HTTP status, when there was one.
    public var httpStatus: Int?
    /// A sentence for a person (never the feed's URL).
    public var message: String
    /// Whether a retry soon may succeed (timeouts, connection errors, 408, 429, 5xx, truncation, an open
    /// breaker, the rate limit); `false` for a revoked or rotated URL (401, 403, 404, 410) or a page that
    /// is not a calendar.
    public var isTransient: Bool
    /// How long the server asked to wait (`Retry-After`, an HTTP date already turned into a delay), or
    /// the time left in an open breaker's break or before the rate limit has a request to spare.
    public var retryAfter: RetryAfter?

    /// Creates a failure.
    public init(kind: Kind, httpStatus: Int? = nil, message: String, isTransient: Bool, retryAfter: RetryAfter? = nil) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.message = message
        self.isTransient = isTransient
        self.retryAfter = retryAfter
    }

    /// How a retrier sees the failure: a timeout (no answer in time, or 408), transient, or permanent.
    public var classification: ErrorClassifier.Classification {
        guard isTransient else { return .permanent }
        return kind == .timeout || httpStatus == 408 ? .timeout : .transient
    }

    public var description: String { message + (isTransient ? " (transient)" : " (permanent)") }
}
