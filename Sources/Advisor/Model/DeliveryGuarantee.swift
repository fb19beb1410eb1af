/// What the design promises about each message (the seed's step 2).
public enum DeliveryGuarantee: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every message arrives one or more times; the handler must be idempotent.
    case atLeastOnce = "at-least-once"
    /// Every message arrives zero or one time; losses are accepted.
    case atMostOnce = "at-most-once"
    /// Every message takes effect exactly once: in practice at-least-once plus deduplication in the same
    /// transaction as the effect ("effectively once").
    case exactlyOnce = "exactly-once"
}
