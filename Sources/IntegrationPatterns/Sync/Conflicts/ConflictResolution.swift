/// What a ``ConflictPolicy`` decided about one ``Conflict``.
public struct ConflictResolution: Sendable, Hashable {
    /// The conflict.
    public var conflict: Conflict
    /// The claims honoured (empty when unresolved).
    public var kept: [AvailabilityBlock]
    /// The claims the policy ruled against: a person must contact these guests or reopen these closures.
    public var displaced: [AvailabilityBlock]
    /// Whether the policy settled it; an unresolved conflict goes to a person (the dead-letter queue).
    public var isResolved: Bool
    /// Why, in one sentence.
    public var reason: String

    /// Creates a resolution.
    public init(
        conflict: Conflict, kept: [AvailabilityBlock], displaced: [AvailabilityBlock], isResolved: Bool, reason: String
    ) {
        self.conflict = conflict
        self.kept = kept
        self.displaced = displaced
        self.isResolved = isResolved
        self.reason = reason
    }
}
