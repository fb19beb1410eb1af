public import Foundation

extension RefundLedger {
    /// The Stripe event types the refund ledger consumes.
    public enum EventType: String, Sendable, Hashable, CaseIterable {
        case refundCreated = "refund.created"
        case refundUpdated = "refund.updated"
        case refundFailed = "refund.failed"
        /// The older name of `refund.updated`.
        case chargeRefundUpdated = "charge.refund.updated"
        /// The charge's `amount_refunded` (a running total) changed.
        case chargeRefunded = "charge.refunded"
    }

    /// One provider event, reduced to the fields the ledger reads.
    public struct Event: Sendable, Hashable {
        /// The event id (`evt_…`), for duplicate detection.
        public var id: String
        /// The Stripe type name: `refund.updated`.
        public var type: String
        /// The event's `created` time.
        public var created: Date
        /// The object's version, when the provider gives one; breaks ties between events of the same second.
        public var objectVersion: Int64?
        /// For refund events: the refund's id.
        public var refundID: String?
        /// For refund events: the refund's amount.
        public var amount: Money?
        /// For refund events: the refund's status (`refund.failed` implies `failed`).
        public var status: RefundStatus?
        /// For failed refunds: `failure_reason`.
        public var failureReason: String?
        /// The reference your request put in the refund's metadata, to match the local request.
        public var reference: String?
        /// For `charge.refunded`: the charge's `amount_refunded`, the running total.
        public var chargeAmountRefunded: Money?
        /// For `charge.refunded`: `previous_attributes.amount_refunded`, to compute what this event refunded.
        public var previousAmountRefunded: Money?

        /// Creates an event from its fields.
        public init(
            id: String, type: String, created: Date, objectVersion: Int64? = nil, refundID: String? = nil,
            amount: Money? = nil, status: RefundStatus? = nil, failureReason: String? = nil, reference: String? = nil,
            chargeAmountRefunded: Money? = nil, previousAmountRefunded: Money? = nil
        ) {
            self.id = id
            self.type = type
            self.created = created
            self.objectVersion = objectVersion
            self.refundID = refundID
            self.amount = amount
            self.status = status
            self.failureReason = failureReason
            self.reference = reference
            self.chargeAmountRefunded = chargeAmountRefunded
            self.previousAmountRefunded = previousAmountRefunded
        }

        /// A `refund.*` event carrying the refund object's fields.
        public static func refund(
            _ type: EventType, id: String, created: Date, refund: String, amount: Money, status: RefundStatus,
            failureReason: String? = nil, reference: String? = nil
        ) -> Event {
            Event(
                id: id, type: type.rawValue, created: created, refundID: refund, amount: amount, status: status,
                failureReason: failureReason, reference: reference)
        }

        /// A `charge.refunded` event with the charge's running total and its previous value.
        public static func chargeRefunded(
            id: String, created: Date, amountRefunded: Money, previousAmountRefunded: Money?
        ) -> Event {
            Event(
                id: id, type: EventType.chargeRefunded.rawValue, created: created, chargeAmountRefunded: amountRefunded,
                previousAmountRefunded: previousAmountRefunded)
        }
    }

    /// Something the application should do because a refund's state changed.
    public enum Action: Sendable, Hashable {
        /// A refund's status changed.
        case statusChanged(refundID: String, from: RefundStatus?, to: RefundStatus)
        /// A change the lifecycle does not expect (out of failed or canceled): alert a person.
        case unexpectedTransition(refundID: String, from: RefundStatus, to: RefundStatus)
        /// The refund succeeded: tell the customer.
        case refundSucceeded(refundID: String, amount: Money)
        /// The refund is pending (for cards, until the available balance covers it): check the balance.
        case refundPending(refundID: String, amount: Money)
        /// The customer must act before the refund can complete.
        case refundRequiresAction(refundID: String)
        /// The refund failed; its amount is refundable again, by another route if the card is gone.
        case refundFailed(refundID: String, amount: Money, reason: String?)
        /// The refund was canceled; its amount is refundable again.
        case refundCanceled(refundID: String, amount: Money)
        /// `charge.refunded`: the running total is now `total`; this event refunded `delta` (when the previous
        /// total was given).
        case chargeRefunded(total: Money, delta: Money?)
        /// The provider reports more refunded than was captured: reconcile by hand.
        case exceedsCaptured(total: Money)
    }

    /// What applying one event did.
    public typealias Outcome = EventOutcome<Action>
}
