extension RefundLedger {
    /// A refund's status, by Stripe's names (`refund.status`, https://docs.stripe.com/refunds).
    public enum RefundStatus: String, Sendable, Hashable, CaseIterable, Codable {
        /// Waiting: card refunds stay pending until the available balance covers them.
        case pending
        /// The customer must act; only such a refund can be canceled.
        case requiresAction = "requires_action"
        case succeeded
        /// It failed (`failure_reason`: `merchant_request`, an expired or lost card…); the money is refundable again.
        case failed
        case canceled

        /// Whether the amount counts against what can still be refunded.
        public var holdsAmount: Bool { self == .pending || self == .requiresAction || self == .succeeded }

        /// Whether the lifecycle allows going from this status to `next` (a succeeded refund can still fail).
        public func canMove(to next: RefundStatus) -> Bool {
            if next == self { return true }
            switch self {
            case .requiresAction: return true
            case .pending: return next == .succeeded || next == .failed || next == .canceled
            case .succeeded: return next == .failed
            case .failed, .canceled: return false
            }
        }

        /// Within one second, the further status is taken as the newer.
        var rank: Int {
            switch self {
            case .requiresAction: return 0
            case .pending: return 1
            case .succeeded: return 2
            case .canceled: return 3
            case .failed: return 4
            }
        }
    }

    /// One refund as the ledger knows it.
    public struct Refund: Sendable, Hashable {
        /// The refund's id (`re_…`).
        public var id: String
        /// Its amount.
        public var amount: Money
        /// Its status.
        public var status: RefundStatus
        /// Why it failed, when it did.
        public var failureReason: String?
        /// The reference of the local request it answers, when the refund's metadata carried it.
        public var reference: String?

        /// Creates a refund record.
        public init(
            id: String, amount: Money, status: RefundStatus, failureReason: String? = nil, reference: String? = nil
        ) {
            self.id = id
            self.amount = amount
            self.status = status
            self.failureReason = failureReason
            self.reference = reference
        }
    }
}
