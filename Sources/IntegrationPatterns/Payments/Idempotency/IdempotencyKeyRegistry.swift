public import Foundation

/// Where outbound idempotency keys are recorded with the fingerprint of the parameters they were first
/// sent with, so that a retry reuses the key, a different request under the same key is refused, and a key
/// older than the provider's retention is not trusted blindly.
///
/// Stripe saves the first result for a key and replays it, 500 errors included; it compares parameters
/// and errors on a mismatch; and it may prune keys once they are at least 24 hours old
/// (https://docs.stripe.com/api/idempotent_requests). Register the operation *before* the call, and keep
/// records well beyond the retention: purging a record makes its operation look new.
///
/// ``InMemoryIdempotencyKeyRegistry`` serves tests and single processes; ``SQLiteIdempotencyKeyRegistry``
/// survives restarts.
public protocol IdempotencyKeyRegistry: Sendable {
    /// Records a use of the operation's key and says what sending it now means.
    ///
    /// - Throws: ``IdempotencyKeyError`` with code `parameterMismatch` when the key was first used with
    ///   different parameters, or `invalidKey` for an empty or over-long key.
    func register(_ operation: OutboundOperation) async throws -> IdempotencyKeyDecision

    /// The record of a key, or `nil`.
    func record(forKey key: String) async throws -> IdempotencyKeyRecord?

    /// Removes records first used before `date`; returns how many. Only for dates well past any retry.
    @discardableResult
    func purge(firstUsedBefore date: Date) async throws -> Int
}

extension IdempotencyKeyRegistry {
    /// The key to send: on first use, and on retries within the retention.
    ///
    /// - Throws: ``IdempotencyKeyError`` with code `retentionExpired` when the key is older than the
    ///   retention (check what happened, then use a new ``OutboundOperation/attempt``), or as
    ///   ``register(_:)`` does.
    public func key(for operation: OutboundOperation) async throws -> String {
        switch try await register(operation) {
        case .firstUse(let key), .retry(let key, _):
            return key
        case .retentionExpired(let key, let firstUsedAt):
            throw IdempotencyKeyError(
                code: .retentionExpired, key: key,
                message: "Idempotency key '\(key)' was first used at \(firstUsedAt) and may have been pruned by the "
                    + "provider; check whether the operation happened, then retry as a new attempt.")
        }
    }
}

/// The decision both registries share: one pure function of the existing record, the operation and now.
enum IdempotencyKeyRules {
    /// Stripe's maximum key length (https://docs.stripe.com/api/idempotent_requests).
    static let maximumKeyLength = 255

    static func decide(
        existing: IdempotencyKeyRecord?, operation: OutboundOperation, fingerprint: String, now: Date,
        retention: Duration
    ) throws -> (IdempotencyKeyDecision, IdempotencyKeyRecord) {
        let key = operation.key
        guard !operation.entity.isEmpty, !operation.action.isEmpty, key.count <= maximumKeyLength else {
            throw IdempotencyKeyError(
                code: .invalidKey, key: String(key.prefix(64)),
                message: "Idempotency key '\(key.prefix(64))' must have an entity and an action and at most "
                    + "\(maximumKeyLength) characters.")
        }
        guard var record = existing else {
            let record = IdempotencyKeyRecord(
                key: key, parametersFingerprint: fingerprint, firstUsedAt: now, lastUsedAt: now, uses: 1)
            return (.firstUse(key: key), record)
        }
        guard record.parametersFingerprint == fingerprint else {
            throw IdempotencyKeyError(
                code: .parameterMismatch, key: key,
                message: "Idempotency key '\(key)' was first used with different parameters; a different request "
                    + "is a different operation and needs its own key (a new attempt).")
        }
        record.lastUsedAt = now
        record.uses += 1
        let age = now.timeIntervalSince(record.firstUsedAt)
        let limit = Double(retention.components.seconds) + Double(retention.components.attoseconds) / 1e18
        if age >= limit {
            return (.retentionExpired(key: key, firstUsedAt: record.firstUsedAt), record)
        }
        return (.retry(key: key, firstUsedAt: record.firstUsedAt), record)
    }
}
