/// The answers to the decision framework's questions; any may still be missing.
///
/// Saved as JSON by `ipm design --save` and the REPL's `save`, replayed by `--answers` and `load`.
public struct Answers: Sendable, Hashable, Codable {
    /// Push, pull or bidirectional.
    public var kind: IntegrationKind?
    /// The delivery guarantee.
    public var guarantee: DeliveryGuarantee?
    /// The errors planned for.
    public var errors: [ErrorKind]?
    /// The outside system.
    public var provider: Provider?
    /// Whether messages must be applied in order.
    public var ordering: Bool?
    /// Roughly how many messages a day.
    public var volume: Volume?
    /// Whether applying the same message twice is harmless by nature (an upsert, an absolute state).
    public var naturallyIdempotent: Bool?
    /// Whether the provider's API can be called to fetch an object's current state.
    public var canRefetch: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, guarantee, errors, provider, ordering, volume
        case naturallyIdempotent = "naturally_idempotent"
        case canRefetch = "can_refetch"
    }

    /// Creates answers; everything is missing by default.
    public init(
        kind: IntegrationKind? = nil, guarantee: DeliveryGuarantee? = nil, errors: [ErrorKind]? = nil,
        provider: Provider? = nil, ordering: Bool? = nil, volume: Volume? = nil, naturallyIdempotent: Bool? = nil,
        canRefetch: Bool? = nil
    ) {
        self.kind = kind
        self.guarantee = guarantee
        self.errors = errors
        self.provider = provider
        self.ordering = ordering
        self.volume = volume
        self.naturallyIdempotent = naturallyIdempotent
        self.canRefetch = canRefetch
    }
}
