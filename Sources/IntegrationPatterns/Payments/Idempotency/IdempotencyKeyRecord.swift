public import Foundation

/// What a registry keeps about one outbound idempotency key.
public struct IdempotencyKeyRecord: Sendable, Hashable, Codable {
    /// The key sent to the provider.
    public var key: String
    /// The fingerprint of the parameters it was first used with (``OutboundOperation/parametersFingerprint``).
    public var parametersFingerprint: String
    /// When it was first registered, which is when the provider's retention starts at the latest.
    public var firstUsedAt: Date
    /// When it was last registered.
    public var lastUsedAt: Date
    /// How many times it was registered.
    public var uses: Int

    /// Creates a record.
    public init(key: String, parametersFingerprint: String, firstUsedAt: Date, lastUsedAt: Date, uses: Int) {
        self.key = key
        self.parametersFingerprint = parametersFingerprint
        self.firstUsedAt = firstUsedAt
        self.lastUsedAt = lastUsedAt
        self.uses = uses
    }
}
