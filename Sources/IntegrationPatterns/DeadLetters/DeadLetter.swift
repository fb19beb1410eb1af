public import Foundation

/// A message that could not be processed, parked with everything needed to understand and replay it.
///
/// The Dead Letter Channel of Enterprise Integration Patterns: the payload and headers exactly as
/// received, why it was parked, how often it was tried, and when it first and last failed.
public struct DeadLetter: Sendable, Hashable, Codable {
    /// The store's identifier, assigned on enqueue (`nil` before).
    public var id: Int64?
    /// Where the message came from, for filtering: `webhook:stripe`, `ical:airbnb`, `outbox`.
    public var source: String
    /// The message's own key (event id, idempotency key), when it has one.
    public var key: String?
    /// The raw payload bytes, unmodified.
    public var payload: [UInt8]
    /// The headers that came with it.
    public var headers: HTTPHeaders
    /// Why it was parked, as a stable word: `permanent_failure`, `retries_exhausted`, `unresolved_conflict`.
    public var reason: String
    /// The last error's description (never a secret).
    public var error: String
    /// How many times processing was attempted.
    public var attempts: Int
    /// When processing first failed.
    public var firstFailedAt: Date
    /// When processing last failed.
    public var lastFailedAt: Date

    /// Creates a dead letter; `lastFailedAt` defaults to `firstFailedAt`.
    public init(
        id: Int64? = nil, source: String, key: String? = nil, payload: [UInt8], headers: HTTPHeaders = HTTPHeaders(),
        reason: String, error: String, attempts: Int, firstFailedAt: Date, lastFailedAt: Date? = nil
    ) {
        self.id = id
        self.source = source
        self.key = key
        self.payload = payload
        self.headers = headers
        self.reason = reason
        self.error = error
        self.attempts = attempts
        self.firstFailedAt = firstFailedAt
        self.lastFailedAt = lastFailedAt ?? firstFailedAt
    }
}
