/// What happens between a failed recurring payment and recovery or the end of the subscription.
///
/// Stripe's Smart Retries choose retry times with a model; the policy sets a number of tries within 1 week,
/// 2 weeks, 3 weeks, 1 month or 2 months, and "the recommended default is 8 tries within 2 weeks"
/// (https://docs.stripe.com/payments/off-session-payments/smart-retries). After the last retry, the
/// subscription is canceled, marked unpaid or left past_due, per the Dashboard settings
/// (https://docs.stripe.com/billing/revenue-recovery/smart-retries).
public struct DunningPolicy: Sendable, Hashable {
    /// Who schedules retries.
    public enum Retries: Sendable, Hashable {
        /// The provider retries (Stripe's Smart Retries or a Dashboard schedule): each failed invoice says when
        /// the next attempt is (`next_payment_attempt`), and a failure without one was the last.
        case provider
        /// Your code retries: after failed attempt *n* it waits `delays[n-1]`; after the last delay, a further
        /// failure is final.
        case fixed([Duration])

        /// `retries` delays of equal length spread over `window`: `.evenlySpread(retries: 8, over: 14 days)`
        /// is Stripe's recommended default as a fixed schedule, 42 hours apart.
        public static func evenlySpread(retries: Int, over window: Duration) -> Retries {
            guard retries > 0 else { return .fixed([]) }
            return .fixed(Array(repeating: window / retries, count: retries))
        }
    }

    /// What becomes of the subscription after the final failed attempt.
    public enum FinalOutcome: String, Sendable, Hashable, CaseIterable {
        /// Cancel it (status `canceled`).
        case cancel
        /// Mark it unpaid (status `unpaid`): it stays, invoices keep being created, access goes.
        case markUnpaid = "mark_unpaid"
        /// Leave it past_due.
        case leavePastDue = "leave_past_due"

        /// The status it leads to.
        public var status: SubscriptionLifecycle.Status {
            switch self {
            case .cancel: return .canceled
            case .markUnpaid: return .unpaid
            case .leavePastDue: return .pastDue
            }
        }
    }

    /// Who schedules retries.
    public var retries: Retries
    /// What the final failure leads to.
    public var afterFinalAttempt: FinalOutcome
    /// Whether a past_due subscription keeps access while retries run (a grace period as long as dunning).
    public var accessWhilePastDue: Bool

    /// Creates a policy; the defaults follow Stripe: the provider retries, the subscription is canceled after
    /// the last retry, and access continues while it is past_due.
    public init(
        retries: Retries = .provider, afterFinalAttempt: FinalOutcome = .cancel, accessWhilePastDue: Bool = true
    ) {
        self.retries = retries
        self.afterFinalAttempt = afterFinalAttempt
        self.accessWhilePastDue = accessWhilePastDue
    }

    /// Stripe's recommended default, 8 retries within 2 weeks, run by your own code: 42 hours apart.
    public static let eightRetriesInTwoWeeks = DunningPolicy(
        retries: .evenlySpread(retries: 8, over: .seconds(14 * 24 * 60 * 60)))
}
