/// What a ``Retrier`` reports, for logs and metrics (Polly's `OnRetry`, Failsafe's `onRetryScheduled`
/// and `onRetriesExceeded`, tenacity's `before_sleep`).
public enum RetryEvent: Sendable {
    /// Attempt `attempt` (1-based) failed with `error`; the next attempt starts after `delay`.
    case retryScheduled(attempt: Int, delay: Duration, error: any Error, classification: ErrorClassifier.Classification)
    /// The sequence ended in failure after `attempts` calls, for `reason`; `error` is rethrown.
    case gaveUp(attempts: Int, reason: GiveUpReason, error: any Error)
    /// The sequence succeeded on call `attempts`.
    case succeeded(attempts: Int)

    /// Why a sequence ended in failure.
    public enum GiveUpReason: String, Sendable, Hashable, Codable {
        /// The classifier said the error is permanent.
        case permanent
        /// An abort predicate matched.
        case aborted
        /// `maxAttempts` calls were made.
        case attemptsExhausted = "attempts_exhausted"
        /// The next wait would end past `maxElapsed`.
        case elapsedExhausted = "elapsed_exhausted"
        /// The shared retry budget had no tokens left.
        case budgetExhausted = "budget_exhausted"
        /// A `Retry-After` asked for longer than `retryAfterMaxWait`.
        case retryAfterTooLong = "retry_after_too_long"
    }
}
