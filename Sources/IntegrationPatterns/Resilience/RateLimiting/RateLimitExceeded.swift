/// A call refused by a rate limiter: `acquire` could not get a permit within its maximum wait.
///
/// Its ``retryAfter`` says when a permit would be free; on an inbound path answer 429 with
/// `Retry-After: retryAfter.headerValue` (RFC 6585 §4), which rounds up to whole seconds.
public struct RateLimitExceeded: Error, RetryAfterProviding, Sendable, Hashable, CustomStringConvertible {
    /// The key whose limit was reached.
    public var key: String
    /// When a permit would be available.
    public var retryAfter: RetryAfter?

    /// Creates the error.
    public init(key: String, retryAfter: RetryAfter?) {
        self.key = key
        self.retryAfter = retryAfter
    }

    public var description: String { "rate limit reached for '\(key)'" }
}
