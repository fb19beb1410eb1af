extension SubscriptionLifecycle {
    /// A subscription's status, by Stripe's names (https://docs.stripe.com/billing/subscriptions/webhooks).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case incomplete
        case incompleteExpired = "incomplete_expired"
        case trialing
        case active
        case pastDue = "past_due"
        case unpaid
        case canceled
        case paused

        /// Whether no event can move the subscription out of this status.
        public var isTerminal: Bool { self == .canceled || self == .incompleteExpired }

        /// Whether the lifecycle allows going from this status to `next` (a skip over statuses whose events
        /// were lost is allowed; leaving a terminal status, or going back to `incomplete`, is not).
        public func canMove(to next: Status) -> Bool {
            if next == self { return true }
            if isTerminal { return false }
            switch next {
            case .incomplete: return false
            case .incompleteExpired: return self == .incomplete
            case .trialing: return self == .incomplete || self == .active || self == .paused
            case .active, .pastDue, .unpaid, .canceled, .paused: return true
            }
        }
    }
}
