public import Foundation

/// What sending an operation's key now means.
public enum IdempotencyKeyDecision: Sendable, Hashable {
    /// The key is new: send the request with it.
    case firstUse(key: String)
    /// The key was used with the same parameters within the provider's retention: send it again; the
    /// provider replays the first result (errors included) if the first request reached it.
    case retry(key: String, firstUsedAt: Date)
    /// The key is older than the provider's retention (Stripe: 24 hours) and may have been pruned, so the
    /// same key could charge again. Look up what happened first; if nothing did, start a new attempt.
    case retentionExpired(key: String, firstUsedAt: Date)

    /// The key, whatever the decision.
    public var key: String {
        switch self {
        case .firstUse(let key), .retry(let key, _), .retentionExpired(let key, _): return key
        }
    }
}
