/// The refunds of one captured charge: local requests checked before they reach the provider, and the
/// provider's refund events folded into one order-independent state.
///
/// Several partial refunds are allowed, and their total can never exceed the captured amount
/// (https://docs.stripe.com/refunds). A request reserves its amount under a reference before the API call
/// (put the reference in the refund's metadata), so two racing requests cannot both pass; the reservation
/// ends when an event for that reference arrives, or is released when the call created nothing. Pending and
/// requires_action refunds hold their amount; failed and canceled ones give it back.
///
/// Per refund only the newest event counts (by `created`, then object version), so stale events and
/// duplicates change nothing, and any arrival order of the same events ends in the same state.
///
/// ```swift
/// var ledger = RefundLedger(captured: try Money(parsing: "150000", currency: cop))
/// try ledger.requestRefund(try Money(parsing: "40000", currency: cop), reference: "order-8812-refund-1")
/// ```
public struct RefundLedger: Sendable, Hashable {
    /// The captured amount, the ceiling of all refunds together.
    public let captured: Money
    private var refundFacts: [String: NewestFact<Refund>] = [:]
    private var reservations: [String: Money] = [:]
    private var answeredReferences: Set<String> = []
    private var chargeTotal: NewestFact<Money>?
    private var seenEventIDs: Set<String> = []

    /// A ledger for a charge that captured `captured`.
    public init(captured: Money) {
        self.captured = captured
    }

    /// Every refund the provider reported, by id.
    public var refunds: [Refund] { refundFacts.values.map(\.value).sorted { $0.id < $1.id } }

    /// The refund with this id, if reported.
    public func refund(id: String) -> Refund? { refundFacts[id]?.value }

    /// The total of succeeded refunds.
    public var refunded: Money { total { $0.status == .succeeded } }

    /// The total of refunds still in flight at the provider (pending or requires_action).
    public var inFlight: Money { total { $0.status == .pending || $0.status == .requiresAction } }

    /// The total of local requests no provider event has answered yet.
    public var reserved: Money {
        Money(
            minorUnits: reservations.filter { !answeredReferences.contains($0.key) }.values.reduce(0) {
                $0 + $1.minorUnits
            },
            currency: captured.currency)
    }

    /// What can still be refunded: captured minus succeeded, in-flight and reserved amounts (never negative).
    public var refundable: Money {
        let held = refunded.minorUnits + inFlight.minorUnits + reserved.minorUnits
        return Money(minorUnits: max(0, captured.minorUnits - held), currency: captured.currency)
    }

    /// Whether succeeded refunds cover the whole capture (a fully refunded card charge cannot be disputed).
    public var isFullyRefunded: Bool { refunded.minorUnits >= captured.minorUnits }

    /// The charge's `amount_refunded` as last reported by `charge.refunded`, if any.
    public var reportedAmountRefunded: Money? { chargeTotal?.value }

    /// Whether the refund can be canceled now: only `requires_action` refunds can.
    public func canCancel(refundID: String) -> Bool { refundFacts[refundID]?.value.status == .requiresAction }

    /// Reserves `amount` for a refund request about to be sent under `reference`; returns what stays
    /// refundable. Repeating the same request (same reference and amount) reserves nothing more.
    ///
    /// - Throws: ``RefundLedgerError`` when the amount is not positive, in another currency, more than is
    ///   refundable, or the reference was used for another amount.
    @discardableResult
    public mutating func requestRefund(_ amount: Money, reference: String) throws -> Money {
        guard amount.currency.code == captured.currency.code else {
            throw RefundLedgerError(
                code: .currencyMismatch,
                message:
                    "Refund of \(amount.displayText) on a \(captured.currency.code) charge: use the charge's currency.")
        }
        guard amount.isPositive else {
            throw RefundLedgerError(code: .notPositive, message: "A refund must be positive: \(amount.displayText).")
        }
        if let existing = reservations[reference] {
            guard existing == amount else {
                throw RefundLedgerError(
                    code: .referenceReused,
                    message: "Reference '\(reference)' was used for \(existing.displayText), not \(amount.displayText)."
                )
            }
            return refundable
        }
        let available = refundable
        guard amount.minorUnits <= available.minorUnits else {
            let excess = Money(minorUnits: amount.minorUnits - available.minorUnits, currency: captured.currency)
            throw RefundLedgerError(
                code: .exceedsRefundable,
                message: "Refund of \(amount.displayText) exceeds what is refundable, \(available.displayText) of "
                    + "\(captured.displayText) captured, by \(excess.displayText).")
        }
        reservations[reference] = amount
        return refundable
    }

    /// Releases a reservation whose request created no refund (validation error, network error before
    /// sending); returns whether there was one.
    @discardableResult
    public mutating func releaseRequest(reference: String) -> Bool {
        reservations.removeValue(forKey: reference) != nil
    }

    /// Applies one provider event and returns what to do about it.
    public mutating func apply(_ event: Event) -> Outcome {
        guard let type = EventType(rawValue: event.type) else { return Outcome(disposition: .unhandled) }
        guard seenEventIDs.insert(event.id).inserted else { return Outcome(disposition: .duplicate) }
        if type == .chargeRefunded {
            guard let total = event.chargeAmountRefunded, total.currency.code == captured.currency.code else {
                return Outcome(disposition: .unusable)
            }
            let order = EventOrder(
                created: event.created, objectVersion: event.objectVersion, rank: Int(clamping: total.minorUnits),
                eventID: event.id)
            guard NewestFact.update(&chargeTotal, order: order, value: total) else {
                return Outcome(disposition: .stale)
            }
            let delta = event.previousAmountRefunded.flatMap { try? total.subtracting($0) }
            var actions: [Action] = [.chargeRefunded(total: total, delta: delta)]
            if total.minorUnits > captured.minorUnits { actions.append(.exceedsCaptured(total: total)) }
            return Outcome(disposition: .applied, actions: actions)
        }
        let status = event.status ?? (type == .refundFailed ? .failed : nil)
        guard let refundID = event.refundID, let amount = event.amount, let status,
            amount.currency.code == captured.currency.code
        else { return Outcome(disposition: .unusable) }
        if let reference = event.reference { answeredReferences.insert(reference) }
        let previous = refundFacts[refundID]?.value
        let heldBefore = refunded.minorUnits + inFlight.minorUnits
        let refund = Refund(
            id: refundID, amount: amount, status: status, failureReason: event.failureReason, reference: event.reference
        )
        let order = EventOrder(
            created: event.created, objectVersion: event.objectVersion, rank: status.rank, eventID: event.id)
        guard NewestFact.update(&refundFacts[refundID], order: order, value: refund) else {
            return Outcome(disposition: .stale)
        }
        var actions: [Action] = []
        if previous?.status != status {
            actions.append(.statusChanged(refundID: refundID, from: previous?.status, to: status))
            if let from = previous?.status, !from.canMove(to: status) {
                actions.append(.unexpectedTransition(refundID: refundID, from: from, to: status))
            }
            switch status {
            case .succeeded: actions.append(.refundSucceeded(refundID: refundID, amount: amount))
            case .pending: actions.append(.refundPending(refundID: refundID, amount: amount))
            case .requiresAction: actions.append(.refundRequiresAction(refundID: refundID))
            case .failed: actions.append(.refundFailed(refundID: refundID, amount: amount, reason: event.failureReason))
            case .canceled: actions.append(.refundCanceled(refundID: refundID, amount: amount))
            }
        }
        let held = refunded.minorUnits + inFlight.minorUnits
        if held > captured.minorUnits && heldBefore <= captured.minorUnits {
            actions.append(.exceedsCaptured(total: Money(minorUnits: held, currency: captured.currency)))
        }
        return Outcome(disposition: .applied, actions: actions)
    }

    private func total(where include: (Refund) -> Bool) -> Money {
        Money(
            minorUnits: refundFacts.values.map(\.value).filter(include).reduce(0) { $0 + $1.amount.minorUnits },
            currency: captured.currency)
    }
}
