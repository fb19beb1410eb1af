public import Foundation

extension DisputeLifecycle {
    /// The Stripe event types the dispute lifecycle consumes.
    public enum EventType: String, Sendable, Hashable, CaseIterable {
        case created = "charge.dispute.created"
        case updated = "charge.dispute.updated"
        case closed = "charge.dispute.closed"
        /// Stripe debited the disputed amount plus a dispute fee.
        case fundsWithdrawn = "charge.dispute.funds_withdrawn"
        /// The dispute was won and the funds came back.
        case fundsReinstated = "charge.dispute.funds_reinstated"
        /// The card network warned of likely fraud on a charge, before any dispute.
        case earlyFraudWarningCreated = "radar.early_fraud_warning.created"
    }

    /// One provider event, reduced to the fields the lifecycle reads.
    public struct Event: Sendable, Hashable {
        /// The event id (`evt_…`), for duplicate detection.
        public var id: String
        /// The Stripe type name: `charge.dispute.updated`.
        public var type: String
        /// The event's `created` time.
        public var created: Date
        /// The object's version, when the provider gives one; breaks ties between events of the same second.
        public var objectVersion: Int64?
        /// The dispute's id (`du_…`); `nil` for an early fraud warning.
        public var disputeID: String?
        /// The disputed charge's id (`ch_…`).
        public var chargeID: String?
        /// The dispute's `status` in the event's object.
        public var status: Status?
        /// The disputed amount.
        public var amount: Money?
        /// `evidence_details.due_by`.
        public var evidenceDueBy: Date?
        /// How many entries the dispute's `balance_transactions` has: 1 after the withdrawal, 2 after the
        /// reinstatement.
        public var balanceTransactionCount: Int?

        /// Creates an event from its fields.
        public init(
            id: String, type: String, created: Date, objectVersion: Int64? = nil, disputeID: String? = nil,
            chargeID: String? = nil, status: Status? = nil, amount: Money? = nil, evidenceDueBy: Date? = nil,
            balanceTransactionCount: Int? = nil
        ) {
            self.id = id
            self.type = type
            self.created = created
            self.objectVersion = objectVersion
            self.disputeID = disputeID
            self.chargeID = chargeID
            self.status = status
            self.amount = amount
            self.evidenceDueBy = evidenceDueBy
            self.balanceTransactionCount = balanceTransactionCount
        }

        /// A `charge.dispute.*` event carrying the dispute object's fields.
        public static func dispute(
            _ type: EventType, id: String, created: Date, dispute: String, status: Status, amount: Money? = nil,
            evidenceDueBy: Date? = nil, balanceTransactionCount: Int? = nil, charge: String? = nil
        ) -> Event {
            Event(
                id: id, type: type.rawValue, created: created, disputeID: dispute, chargeID: charge, status: status,
                amount: amount, evidenceDueBy: evidenceDueBy, balanceTransactionCount: balanceTransactionCount)
        }

        /// A `radar.early_fraud_warning.created` event for a charge.
        public static func earlyFraudWarning(id: String, created: Date, charge: String) -> Event {
            Event(id: id, type: EventType.earlyFraudWarningCreated.rawValue, created: created, chargeID: charge)
        }
    }
}
