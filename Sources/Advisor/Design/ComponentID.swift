/// The stable ids of design components (used in cards, JSON, scaffolds and tests).
public enum ComponentID: String, Sendable, Hashable, Codable, CaseIterable {
    case endpointSecurity = "endpoint-security"
    case signatureVerification = "signature-verification"
    case replayProtection = "replay-protection"
    case idempotency
    case fastAck = "fast-ack"
    case retryHandling = "retry-handling"
    case retryBackoff = "retry-backoff"
    case circuitBreaker = "circuit-breaker"
    case retryBudget = "retry-budget"
    case timeouts
    case rateLimiter = "rate-limiter"
    case scheduler
    case conditionalFetch = "conditional-fetch"
    case checkpoint
    case deadLetterQueue = "dead-letter-queue"
    case alerting
    case structuredLogging = "structured-logging"
    case metrics
    case reconciliation
    case conflictResolution = "conflict-resolution"
    case echoPrevention = "echo-prevention"
    case outbox
    case inbox
    /// Added: which system owns each field in a two-way sync.
    case sourceOfTruth = "source-of-truth"
    /// Added: fetch the object's current state on each event, so order stops mattering.
    case refetch
    /// Added: ignore events older than the stored state (payments' state machines).
    case staleEventGuard = "stale-event-guard"
}
