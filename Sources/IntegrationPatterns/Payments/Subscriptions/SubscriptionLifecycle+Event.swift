public import Foundation

extension SubscriptionLifecycle {
    /// The Stripe event types the subscription lifecycle consumes.
    public enum EventType: String, Sendable, Hashable, CaseIterable {
        case subscriptionCreated = "customer.subscription.created"
        case subscriptionUpdated = "customer.subscription.updated"
        case subscriptionDeleted = "customer.subscription.deleted"
        case subscriptionPaused = "customer.subscription.paused"
        case subscriptionResumed = "customer.subscription.resumed"
        /// Sent 3 days before a trial ends; a notification, not a change of state.
        case trialWillEnd = "customer.subscription.trial_will_end"
        case invoicePaid = "invoice.paid"
        case invoicePaymentSucceeded = "invoice.payment_succeeded"
        case invoicePaymentFailed = "invoice.payment_failed"
        /// The customer must authenticate (SCA/3DS); a retry cannot succeed on its own.
        case invoicePaymentActionRequired = "invoice.payment_action_required"
        case invoiceMarkedUncollectible = "invoice.marked_uncollectible"
    }

    /// One provider event, reduced to the fields the lifecycle reads.
    public struct Event: Sendable, Hashable {
        /// The event id (`evt_…`), for duplicate detection.
        public var id: String
        /// The Stripe type name: `invoice.payment_failed`.
        public var type: String
        /// The event's `created` time.
        public var created: Date
        /// The object's version, when the provider gives one; breaks ties between events of the same second.
        public var objectVersion: Int64?
        /// For `customer.subscription.*`: the subscription's `status` in the event's object.
        public var subscriptionStatus: Status?
        /// For `invoice.*`: the invoice id.
        public var invoiceID: String?
        /// For `invoice.payment_failed`: the invoice's `attempt_count`.
        public var attemptCount: Int?
        /// For `invoice.payment_failed`: the invoice's `next_payment_attempt` (`nil` when none is scheduled).
        public var nextPaymentAttempt: Date?

        /// Creates an event from its fields.
        public init(
            id: String, type: String, created: Date, objectVersion: Int64? = nil, subscriptionStatus: Status? = nil,
            invoiceID: String? = nil, attemptCount: Int? = nil, nextPaymentAttempt: Date? = nil
        ) {
            self.id = id
            self.type = type
            self.created = created
            self.objectVersion = objectVersion
            self.subscriptionStatus = subscriptionStatus
            self.invoiceID = invoiceID
            self.attemptCount = attemptCount
            self.nextPaymentAttempt = nextPaymentAttempt
        }

        /// A `customer.subscription.*` event carrying the subscription's status.
        public static func subscription(
            _ type: EventType, id: String, created: Date, status: Status, objectVersion: Int64? = nil
        ) -> Event {
            Event(
                id: id, type: type.rawValue, created: created, objectVersion: objectVersion, subscriptionStatus: status)
        }

        /// An `invoice.paid` event.
        public static func invoicePaid(id: String, created: Date, invoice: String) -> Event {
            Event(id: id, type: EventType.invoicePaid.rawValue, created: created, invoiceID: invoice)
        }

        /// An `invoice.payment_failed` event after attempt `attempt`, with the next attempt if one is scheduled.
        public static func invoicePaymentFailed(
            id: String, created: Date, invoice: String, attempt: Int, nextAttempt: Date?
        ) -> Event {
            Event(
                id: id, type: EventType.invoicePaymentFailed.rawValue, created: created, invoiceID: invoice,
                attemptCount: attempt, nextPaymentAttempt: nextAttempt)
        }

        /// An `invoice.payment_action_required` event.
        public static func invoicePaymentActionRequired(id: String, created: Date, invoice: String) -> Event {
            Event(id: id, type: EventType.invoicePaymentActionRequired.rawValue, created: created, invoiceID: invoice)
        }
    }
}
