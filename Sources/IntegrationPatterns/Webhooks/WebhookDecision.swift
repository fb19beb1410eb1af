/// What the processor decided for one delivery, before it became an HTTP response.
public enum WebhookDecision: Sendable, Hashable {
    /// Not a POST: 405.
    case methodNotAllowed
    /// The signature did not verify: 400, with the reason.
    case rejected(WebhookVerificationError.Reason)
    /// Verified, but no deduplication key could be found: 400.
    case missingKey
    /// A duplicate of a completed delivery: the stored response is replayed.
    case duplicate(key: String)
    /// A duplicate of a delivery still being processed elsewhere: 409 with Retry-After.
    case inFlight(key: String, retryAfterSeconds: Int)
    /// Processed now.
    case processed(key: String)
    /// The handler failed transiently: 5xx so the provider retries; the key was released.
    case transientFailure(key: String)
    /// The handler failed permanently: parked in the dead-letter queue, alerted, answered 2xx.
    case deadLettered(key: String, deadLetterID: Int64)
    /// The idempotency store or the dead-letter queue could not be used: 503 so the provider retries.
    case storeUnavailable
}
