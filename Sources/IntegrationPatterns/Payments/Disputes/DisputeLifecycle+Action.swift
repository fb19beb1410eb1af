public import Foundation

extension DisputeLifecycle {
    /// Something the application should do because the dispute's state changed.
    public enum Action: Sendable, Hashable {
        /// The status changed.
        case statusChanged(from: Status?, to: Status)
        /// A change the lifecycle does not expect (out of a decided status): alert a person.
        case unexpectedTransition(from: Status, to: Status)
        /// Evidence is awaited until this time (`evidence_details.due_by`): alert a person with the date.
        case respondBy(Date)
        /// The disputed amount (and a dispute fee) left the balance: record it in the ledger.
        case recordFundsWithdrawn(Money?)
        /// The funds came back after a win: record it in the ledger.
        case recordFundsReinstated(Money?)
        /// The dispute is decided or closed with this status.
        case closed(Status)
        /// An early fraud warning arrived for the charge: a full refund now avoids the dispute and its fee
        /// (a fully refunded card charge cannot be disputed).
        case considerRefund(chargeID: String?)
    }

    /// What applying one event did.
    public typealias Outcome = EventOutcome<Action>
}
