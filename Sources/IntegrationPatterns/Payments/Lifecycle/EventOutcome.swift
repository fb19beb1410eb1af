/// What a lifecycle did with one provider event: whether it was applied, and what to do about it.
///
/// Each lifecycle names it `Outcome`, with its own `Action`s: `SubscriptionLifecycle.Outcome`,
/// `DisputeLifecycle.Outcome`, `RefundLedger.Outcome`.
public struct EventOutcome<Action: Sendable & Hashable>: Sendable, Hashable {
    /// Whether the event was applied, and if not why.
    public var disposition: EventDisposition
    /// What to do, in order.
    public var actions: [Action]

    /// Creates an outcome.
    public init(disposition: EventDisposition, actions: [Action] = []) {
        self.disposition = disposition
        self.actions = actions
    }
}
