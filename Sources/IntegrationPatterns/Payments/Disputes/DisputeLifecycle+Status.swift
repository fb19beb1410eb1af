extension DisputeLifecycle {
    /// A dispute's status, by Stripe's names (`dispute.status`).
    ///
    /// `warning_*` are inquiries (pre-chargeback); `needs_response`, `under_review`, `won` and `lost` are
    /// chargebacks; `prevented` is newer; `charge_refunded` is legacy (stripe-go constants;
    /// https://docs.stripe.com/disputes/how-disputes-work).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case warningNeedsResponse = "warning_needs_response"
        case warningUnderReview = "warning_under_review"
        case warningClosed = "warning_closed"
        case needsResponse = "needs_response"
        case underReview = "under_review"
        case won
        case lost
        case prevented
        case chargeRefunded = "charge_refunded"

        /// Whether it is an inquiry rather than a chargeback.
        public var isInquiry: Bool {
            self == .warningNeedsResponse || self == .warningUnderReview || self == .warningClosed
        }

        /// Whether the dispute is decided or closed (an inquiry can still escalate from `warning_closed`).
        public var isClosed: Bool {
            switch self {
            case .warningClosed, .won, .lost, .prevented, .chargeRefunded: return true
            case .warningNeedsResponse, .warningUnderReview, .needsResponse, .underReview: return false
            }
        }

        /// Whether evidence is awaited from you.
        public var needsResponse: Bool { self == .needsResponse || self == .warningNeedsResponse }

        /// Whether the lifecycle allows going from this status to `next`.
        public func canMove(to next: Status) -> Bool {
            if next == self { return true }
            switch self {
            case .warningNeedsResponse:
                return [.warningUnderReview, .warningClosed, .needsResponse, .underReview, .won, .lost, .prevented]
                    .contains(next)
            case .warningUnderReview:
                return [.warningClosed, .needsResponse, .underReview, .won, .lost].contains(next)
            case .warningClosed:
                return [.needsResponse, .underReview, .won, .lost].contains(next)
            case .needsResponse:
                return [.underReview, .won, .lost, .chargeRefunded].contains(next)
            case .underReview:
                return [.won, .lost].contains(next)
            case .won, .lost, .prevented, .chargeRefunded:
                return false
            }
        }

        /// Within one second, the further status is taken as the newer.
        var rank: Int {
            switch self {
            case .warningNeedsResponse: return 0
            case .warningUnderReview: return 1
            case .warningClosed: return 2
            case .needsResponse: return 3
            case .underReview: return 4
            case .chargeRefunded, .prevented: return 5
            case .won, .lost: return 6
            }
        }
    }
}
