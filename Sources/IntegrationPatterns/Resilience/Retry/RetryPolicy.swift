/// When to retry, how long to wait, and when to stop.
///
/// `maxAttempts` counts every call, the first included (resilience4j's `maxAttempts` and the AWS SDK's
/// convention; Polly's `MaxRetryAttempts = 3` is `maxAttempts: 4` here). The defaults follow the AWS
/// SDK's standard retry mode (3 attempts, delays capped at 20 s: aws-sdk-js-v3 middleware-retry
/// `constants.ts`), the seed's one-second base, and Full Jitter (AWS's recommendation).
public struct RetryPolicy: Sendable {
    /// Calls in all, the first included (at least 1).
    public var maxAttempts: Int
    /// The longest the whole sequence may take, waits included; `nil` for no limit. A retry whose wait
    /// would end at or past this is not made.
    public var maxElapsed: Duration?
    /// How the delay grows.
    public var backoff: Backoff
    /// How the delay is randomised (inside the cap).
    public var jitter: Jitter
    /// The longest wait a `Retry-After` (or a breaker's or limiter's retry-after) may impose; a longer one
    /// ends the sequence with the error instead of parking the caller. 60 s by default (our choice: long
    /// enough for a throttled API, short enough that a worker is not held hostage).
    public var retryAfterMaxWait: Duration
    /// Sorts errors into transient and permanent.
    public var classifier: ErrorClassifier
    /// Errors that end the sequence at once, whatever the classifier says (Failsafe's `abortOn`).
    public var abortWhen: (@Sendable (any Error) -> Bool)?

    /// Creates a policy.
    public init(
        maxAttempts: Int = 3,
        maxElapsed: Duration? = nil,
        backoff: Backoff = .exponential(base: .seconds(1), cap: .seconds(20)),
        jitter: Jitter = .full,
        retryAfterMaxWait: Duration = .seconds(60),
        classifier: ErrorClassifier = .default,
        abortWhen: (@Sendable (any Error) -> Bool)? = nil
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxElapsed = maxElapsed
        self.backoff = backoff
        self.jitter = jitter
        self.retryAfterMaxWait = retryAfterMaxWait
        self.classifier = classifier
        self.abortWhen = abortWhen
    }

    /// The delay before retry `n` (0-based) with jitter; `state` carries the decorrelated kinds' memory.
    public func delay(
        forRetry n: Int, state: inout Jitter.State, using generator: inout some RandomNumberGenerator
    ) -> Duration {
        jitter.delay(forRetry: n, backoff: backoff, state: &state, using: &generator)
    }
}
