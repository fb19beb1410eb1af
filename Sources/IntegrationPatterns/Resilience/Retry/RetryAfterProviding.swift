/// An error that knows when trying again makes sense: an HTTP 429 or 503 with `Retry-After`, an open
/// circuit breaker, a rate limiter's rejection.
///
/// ``Retrier`` waits at least this long before its next attempt, and gives up when the hint is beyond
/// ``RetryPolicy/retryAfterMaxWait`` or the time left.
public protocol RetryAfterProviding: Error {
    /// When to come back, if known.
    var retryAfter: RetryAfter? { get }
}
