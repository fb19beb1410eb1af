public import Foundation

/// A subscription's lifecycle with dunning, as a pure state machine fed with Stripe events.
///
/// Status runs trialing → active → past_due → unpaid or canceled, plus incomplete, incomplete_expired and
/// paused. The lifecycle keeps, per provider object, only the newest fact: the subscription's status from
/// `customer.subscription.*`, and each invoice's outcome from `invoice.*` (paid, failed with its attempt
/// count and next attempt, authentication required, uncollectible). The state is computed from those
/// facts, so an event older than what is known (by `created` time, then object version) changes nothing,
/// a duplicate changes nothing, and any arrival order of the same events ends in the same state — which
/// is what Stripe's delivery (unordered, at least once) needs.
///
/// ```swift
/// var subscription = SubscriptionLifecycle(policy: DunningPolicy(afterFinalAttempt: .markUnpaid))
/// let outcome = subscription.apply(
///     .invoicePaymentFailed(id: "evt_1", created: now, invoice: "in_1", attempt: 1, nextAttempt: tomorrow))
/// // outcome.actions: statusChanged(active → past_due), notifyPaymentFailed(in_1, attempt 1, tomorrow)
/// ```
///
/// `apply(_:)` returns actions (grant or revoke access, notify, schedule a retry, request authentication)
/// computed from the difference between the states before and after, so the application drives emails and
/// access from state changes, not from each delivery.
public struct SubscriptionLifecycle: Sendable, Hashable {
    /// The dunning policy.
    public let policy: DunningPolicy
    private var subscriptionFact: NewestFact<Status>?
    private var invoiceFacts: [String: NewestFact<InvoiceFact>] = [:]
    private var seenEventIDs: Set<String> = []

    /// A subscription about which nothing is known yet.
    public init(policy: DunningPolicy = DunningPolicy()) {
        self.policy = policy
    }

    /// The status, or `nil` before any subscription or invoice event.
    public var status: Status? { snapshot.status }
    /// Whether the customer should have access now.
    public var hasAccess: Bool { snapshot.hasAccess }
    /// The invoice whose payment is failing, if any.
    public var failingInvoiceID: String? { snapshot.failing?.invoiceID }
    /// Failed attempts on the failing invoice (0 when none is failing).
    public var failedAttempts: Int { snapshot.failing?.attempt ?? 0 }
    /// When the next payment attempt is due, if one is scheduled.
    public var nextAttemptAt: Date? { snapshot.failing?.nextAttemptAt }
    /// Whether the customer must authenticate before a payment can succeed.
    public var awaitingAuthentication: Bool { snapshot.awaitingAuthentication }
    /// Whether the final attempt failed and the policy's outcome applies.
    public var retriesExhausted: Bool { snapshot.failing?.isFinal ?? false }

    /// Applies one provider event and returns what to do about it.
    public mutating func apply(_ event: Event) -> Outcome {
        guard let type = EventType(rawValue: event.type) else { return Outcome(disposition: .unhandled) }
        guard seenEventIDs.insert(event.id).inserted else { return Outcome(disposition: .duplicate) }
        let before = snapshot
        switch type {
        case .trialWillEnd:
            return Outcome(disposition: .applied, actions: [.notifyTrialEnding])
        case .subscriptionCreated, .subscriptionUpdated, .subscriptionDeleted, .subscriptionPaused,
            .subscriptionResumed:
            guard let status = event.subscriptionStatus ?? (type == .subscriptionDeleted ? .canceled : nil) else {
                return Outcome(disposition: .unusable)
            }
            let order = EventOrder(
                created: event.created, objectVersion: event.objectVersion, rank: status.rank, eventID: event.id)
            guard NewestFact.update(&subscriptionFact, order: order, value: status) else {
                return Outcome(disposition: .stale)
            }
        case .invoicePaid, .invoicePaymentSucceeded, .invoicePaymentFailed, .invoicePaymentActionRequired,
            .invoiceMarkedUncollectible:
            guard let invoiceID = event.invoiceID else { return Outcome(disposition: .unusable) }
            let fact: InvoiceFact
            switch type {
            case .invoicePaymentFailed:
                guard let attempt = event.attemptCount, attempt >= 1 else { return Outcome(disposition: .unusable) }
                fact = .failed(attempt: attempt, nextAttemptAt: event.nextPaymentAttempt, failedAt: event.created)
            case .invoicePaymentActionRequired: fact = .actionRequired
            case .invoiceMarkedUncollectible: fact = .uncollectible
            default: fact = .paid
            }
            let order = EventOrder(
                created: event.created, objectVersion: event.objectVersion, rank: fact.rank, eventID: event.id)
            guard NewestFact.update(&invoiceFacts[invoiceID], order: order, value: fact) else {
                return Outcome(disposition: .stale)
            }
        }
        return Outcome(disposition: .applied, actions: actions(from: before, to: snapshot))
    }

    /// The state computed from the newest facts.
    private var snapshot: Snapshot {
        var snapshot = Snapshot()
        let subscription = subscriptionFact
        let newestInvoice = invoiceFacts.max { $0.value.order < $1.value.order }
        if let subscription, subscription.value.isTerminal {
            snapshot.status = subscription.value
        } else if let (invoiceID, invoice) = newestInvoice, subscription.map({ invoice.order > $0.order }) ?? true {
            let base = subscription?.value
            switch invoice.value {
            case .paid:
                snapshot.status = base == .trialing ? .trialing : .active
            case .failed(let attempt, let next, let failedAt):
                let failing = failingPayment(invoiceID, attempt: attempt, next: next, failedAt: failedAt)
                snapshot.failing = failing
                snapshot.status =
                    base == .incomplete ? .incomplete : (failing.isFinal ? policy.afterFinalAttempt.status : .pastDue)
            case .actionRequired:
                snapshot.status = base == .incomplete ? .incomplete : .pastDue
                snapshot.awaitingAuthentication = true
                snapshot.failing = FailingPayment(invoiceID: invoiceID, attempt: 1, nextAttemptAt: nil, isFinal: false)
            case .uncollectible:
                snapshot.status = policy.afterFinalAttempt.status
                snapshot.failing = FailingPayment(invoiceID: invoiceID, attempt: 1, nextAttemptAt: nil, isFinal: true)
            }
        } else if let subscription {
            snapshot.status = subscription.value
            // A newer subscription status keeps the failing invoice's details while it is still unpaid.
            if let (invoiceID, invoice) = newestInvoice,
                [.pastDue, .unpaid, .incomplete].contains(subscription.value)
            {
                switch invoice.value {
                case .failed(let attempt, let next, let failedAt):
                    snapshot.failing = failingPayment(invoiceID, attempt: attempt, next: next, failedAt: failedAt)
                case .actionRequired:
                    snapshot.awaitingAuthentication = true
                    snapshot.failing = FailingPayment(
                        invoiceID: invoiceID, attempt: 1, nextAttemptAt: nil, isFinal: false)
                case .paid, .uncollectible:
                    break
                }
            }
        }
        switch snapshot.status {
        case .trialing, .active: snapshot.hasAccess = true
        case .pastDue: snapshot.hasAccess = policy.accessWhilePastDue
        case .incomplete, .incompleteExpired, .unpaid, .canceled, .paused, nil: snapshot.hasAccess = false
        }
        return snapshot
    }

    private func failingPayment(_ invoiceID: String, attempt: Int, next: Date?, failedAt: Date) -> FailingPayment {
        switch policy.retries {
        case .provider:
            return FailingPayment(invoiceID: invoiceID, attempt: attempt, nextAttemptAt: next, isFinal: next == nil)
        case .fixed(let delays):
            guard attempt <= delays.count else {
                return FailingPayment(invoiceID: invoiceID, attempt: attempt, nextAttemptAt: nil, isFinal: true)
            }
            let delay = delays[attempt - 1]
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            return FailingPayment(
                invoiceID: invoiceID, attempt: attempt, nextAttemptAt: failedAt.addingTimeInterval(seconds),
                isFinal: false)
        }
    }

    private func actions(from before: Snapshot, to after: Snapshot) -> [Action] {
        var actions: [Action] = []
        if let status = after.status, status != before.status {
            actions.append(.statusChanged(from: before.status, to: status))
            if let previous = before.status, !previous.canMove(to: status) {
                actions.append(.unexpectedTransition(from: previous, to: status))
            }
        }
        if let failing = after.failing {
            let previous = before.failing
            let isNewAttempt =
                failing.invoiceID != previous?.invoiceID || failing.attempt != previous?.attempt
                || failing.isFinal != previous?.isFinal
            if isNewAttempt && !after.awaitingAuthentication {
                actions.append(
                    .notifyPaymentFailed(
                        invoiceID: failing.invoiceID, attempt: failing.attempt, nextAttemptAt: failing.nextAttemptAt))
                if case .fixed = policy.retries, let next = failing.nextAttemptAt {
                    actions.append(.scheduleRetry(invoiceID: failing.invoiceID, at: next))
                }
            }
            if failing.isFinal && !(previous?.isFinal == true && previous?.invoiceID == failing.invoiceID) {
                actions.append(.retriesExhausted(invoiceID: failing.invoiceID, outcome: policy.afterFinalAttempt))
            }
        }
        if after.awaitingAuthentication && !before.awaitingAuthentication, let invoiceID = after.failing?.invoiceID {
            actions.append(.requestAuthentication(invoiceID: invoiceID))
        }
        if after.status == .active, let previous = before.status, previous == .pastDue || previous == .unpaid,
            let paid = invoiceFacts.max(by: { $0.value.order < $1.value.order }), paid.value.value == .paid
        {
            actions.append(.recovered(invoiceID: paid.key))
        }
        if after.hasAccess && !before.hasAccess { actions.append(.grantAccess) }
        if !after.hasAccess && before.hasAccess { actions.append(.revokeAccess) }
        return actions
    }
}

extension SubscriptionLifecycle {
    /// What is known about one invoice's payment.
    enum InvoiceFact: Hashable, Sendable {
        case paid
        case failed(attempt: Int, nextAttemptAt: Date?, failedAt: Date)
        case actionRequired
        case uncollectible

        /// Within one second, the more advanced outcome is taken as the newer.
        var rank: Int {
            switch self {
            case .actionRequired: return 1
            case .failed(let attempt, _, _): return 10 + min(attempt, 1000)
            case .uncollectible: return 2000
            case .paid: return 3000
            }
        }
    }

    /// A payment that is failing, as the lifecycle sees it.
    struct FailingPayment: Hashable, Sendable {
        var invoiceID: String
        var attempt: Int
        var nextAttemptAt: Date?
        var isFinal: Bool
    }

    /// The derived state the actions are computed from.
    struct Snapshot: Hashable, Sendable {
        var status: SubscriptionLifecycle.Status?
        var hasAccess = false
        var failing: FailingPayment?
        var awaitingAuthentication = false
    }
}

extension SubscriptionLifecycle.Status {
    /// Within one second, the further status is taken as the newer.
    var rank: Int {
        switch self {
        case .incomplete: return 0
        case .trialing: return 1
        case .active: return 2
        case .paused: return 3
        case .pastDue: return 4
        case .unpaid: return 5
        case .incompleteExpired: return 6
        case .canceled: return 7
        }
    }
}
