public import Foundation

extension SubscriptionLifecycle {
    /// Something the application should do because the subscription's state changed.
    ///
    /// Actions come from the difference between the state before and after an event, never from the event
    /// alone, so eight `invoice.payment_failed` deliveries of one attempt send one email, not eight.
    public enum Action: Sendable, Hashable {
        /// The status changed.
        case statusChanged(from: Status?, to: Status)
        /// A change the lifecycle does not expect (out of a terminal status, back to incomplete): alert a person.
        case unexpectedTransition(from: Status, to: Status)
        /// Give the customer access (provision).
        case grantAccess
        /// Take access away.
        case revokeAccess
        /// A payment attempt failed; tell the customer, with the next attempt when there is one.
        case notifyPaymentFailed(invoiceID: String, attempt: Int, nextAttemptAt: Date?)
        /// Your code retries (``DunningPolicy/Retries/fixed(_:)``): charge the invoice again at this time.
        case scheduleRetry(invoiceID: String, at: Date)
        /// The customer must authenticate (SCA/3DS): send them a link; waiting will not help.
        case requestAuthentication(invoiceID: String)
        /// The final attempt failed; the policy's outcome applies (cancel or mark unpaid at the provider when
        /// your code runs dunning).
        case retriesExhausted(invoiceID: String, outcome: DunningPolicy.FinalOutcome)
        /// A payment succeeded after failures: the subscription recovered.
        case recovered(invoiceID: String)
        /// The trial ends in 3 days.
        case notifyTrialEnding
    }

    /// What applying one event did.
    public typealias Outcome = EventOutcome<Action>
}
