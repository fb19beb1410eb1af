public import Foundation

/// One dispute's lifecycle, as a pure state machine fed with Stripe events.
///
/// Inquiries move through `warning_needs_response` → `warning_under_review` → `warning_closed` (and may
/// escalate); chargebacks through `needs_response` → `under_review` → `won` or `lost`. When a dispute opens,
/// Stripe debits the amount plus a dispute fee (`charge.dispute.funds_withdrawn`), waits for evidence until
/// `evidence_details.due_by`, and reinstates the funds on a win (`charge.dispute.funds_reinstated`)
/// (https://docs.stripe.com/disputes/how-disputes-work).
///
/// Each dispute event carries the whole dispute object, so the status, amount and due date come from the
/// newest event (by `created`, then object version); older events and duplicates change nothing. The money
/// movements are facts: a withdrawal or reinstatement is recorded whichever order its event arrives in.
/// Any arrival order of the same events therefore ends in the same state.
public struct DisputeLifecycle: Sendable, Hashable {
    private var disputeFact: NewestFact<DisputeFact>?
    private var withdrawn = false
    private var reinstated = false
    private var earlyFraudWarningCharge: String?
    private var hasEarlyFraudWarningFact = false
    private var seenEventIDs: Set<String> = []

    /// A dispute about which nothing is known yet.
    public init() {}

    /// The dispute's id, once an event named it.
    public var disputeID: String? { disputeFact?.value.disputeID }
    /// The disputed charge, when known.
    public var chargeID: String? { disputeFact?.value.chargeID ?? earlyFraudWarningCharge }
    /// The status, or `nil` before any dispute event.
    public var status: Status? { disputeFact?.value.status }
    /// The disputed amount, when known.
    public var amount: Money? { disputeFact?.value.amount }
    /// When evidence is due, when known.
    public var evidenceDueBy: Date? { disputeFact?.value.evidenceDueBy }
    /// Whether the disputed amount was withdrawn from the balance.
    public var fundsWithdrawn: Bool { withdrawn }
    /// Whether the funds were reinstated (a win).
    public var fundsReinstated: Bool { reinstated }
    /// Whether an early fraud warning arrived for the charge.
    public var hasEarlyFraudWarning: Bool { hasEarlyFraudWarningFact }
    /// Whether the loss can be accepted now (`POST /v1/disputes/{id}/close`, irreversible): only while a
    /// response is awaited.
    public var canAcceptLoss: Bool { status?.needsResponse ?? false }

    /// Whether evidence is awaited and its due date has passed at `now`.
    public func isEvidenceOverdue(at now: Date) -> Bool {
        guard let status, status.needsResponse, let due = evidenceDueBy else { return false }
        return now >= due
    }

    /// How long remains to submit evidence at `now`, or `nil` when none is awaited or no date is known.
    public func timeToRespond(at now: Date) -> Duration? {
        guard let status, status.needsResponse, let due = evidenceDueBy else { return nil }
        return .milliseconds(Int64((due.timeIntervalSince(now) * 1000).rounded(.down)))
    }

    /// Applies one provider event and returns what to do about it.
    public mutating func apply(_ event: Event) -> Outcome {
        guard let type = EventType(rawValue: event.type) else { return Outcome(disposition: .unhandled) }
        guard seenEventIDs.insert(event.id).inserted else { return Outcome(disposition: .duplicate) }
        if type == .earlyFraudWarningCreated {
            let first = !hasEarlyFraudWarningFact
            hasEarlyFraudWarningFact = true
            if earlyFraudWarningCharge == nil || (event.chargeID ?? "") < (earlyFraudWarningCharge ?? "") {
                earlyFraudWarningCharge = event.chargeID ?? earlyFraudWarningCharge
            }
            // A warning after the dispute opened is too late for a refund to prevent it.
            let actions: [Action] = first && status == nil ? [.considerRefund(chargeID: event.chargeID)] : []
            return Outcome(disposition: .applied, actions: actions)
        }
        guard let disputeID = event.disputeID, let status = event.status else {
            return Outcome(disposition: .unusable)
        }
        if let known = self.disputeID, known != disputeID { return Outcome(disposition: .unusable) }
        let before = State(self)
        // Money movements are recorded from any event that shows them, stale or not.
        let count = event.balanceTransactionCount ?? 0
        withdrawn = withdrawn || type == .fundsWithdrawn || type == .fundsReinstated || count >= 1
        reinstated = reinstated || type == .fundsReinstated || count >= 2
        let fact = DisputeFact(
            disputeID: disputeID, chargeID: event.chargeID, status: status, amount: event.amount,
            evidenceDueBy: event.evidenceDueBy)
        let order = EventOrder(
            created: event.created, objectVersion: event.objectVersion, rank: status.rank, eventID: event.id)
        let isNewest = NewestFact.update(&disputeFact, order: order, value: fact)
        let actions = actions(from: before, to: State(self))
        return Outcome(disposition: isNewest ? .applied : (actions.isEmpty ? .stale : .applied), actions: actions)
    }

    private func actions(from before: State, to after: State) -> [Action] {
        var actions: [Action] = []
        if let status = after.status, status != before.status {
            actions.append(.statusChanged(from: before.status, to: status))
            if let previous = before.status, !previous.canMove(to: status) {
                actions.append(.unexpectedTransition(from: previous, to: status))
            }
        }
        if let status = after.status, status.needsResponse, let due = after.evidenceDueBy,
            before.status?.needsResponse != true || before.evidenceDueBy != due
        {
            actions.append(.respondBy(due))
        }
        if after.withdrawn && !before.withdrawn { actions.append(.recordFundsWithdrawn(after.amount)) }
        if after.reinstated && !before.reinstated { actions.append(.recordFundsReinstated(after.amount)) }
        if let status = after.status, status.isClosed, status != before.status {
            actions.append(.closed(status))
        }
        return actions
    }
}

extension DisputeLifecycle {
    /// The dispute object's fields, as of one event.
    struct DisputeFact: Hashable, Sendable {
        var disputeID: String
        var chargeID: String?
        var status: Status
        var amount: Money?
        var evidenceDueBy: Date?
    }

    /// What the actions are computed from.
    struct State: Hashable {
        var status: Status?
        var evidenceDueBy: Date?
        var amount: Money?
        var withdrawn: Bool
        var reinstated: Bool

        init(_ lifecycle: DisputeLifecycle) {
            status = lifecycle.status
            evidenceDueBy = lifecycle.evidenceDueBy
            amount = lifecycle.amount
            withdrawn = lifecycle.fundsWithdrawn
            reinstated = lifecycle.fundsReinstated
        }
    }
}
