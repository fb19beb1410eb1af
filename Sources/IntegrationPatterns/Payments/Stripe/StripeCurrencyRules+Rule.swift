extension StripeCurrencyRules {
    /// How Stripe represents a currency's amounts, which is not always ISO 4217's exponent.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// Two decimals: `amount` = major units × 100 (USD, EUR, COP…). Stripe's default.
        case twoDecimal = "two-decimal"
        /// Zero decimals: `amount` = major units (JPY, KRW, CLP… and MGA, whose ISO exponent is 2).
        case zeroDecimal = "zero-decimal"
        /// Three decimals: `amount` in thousandths, last digit 0 for charges and refunds (BHD, JOD, KWD, OMR,
        /// TND).
        case threeDecimal = "three-decimal"
        /// Whole units sent as two decimals ending in `00`: 5 ISK → `500`; fractions cannot be charged.
        case wholeUnitsAsTwoDecimal = "whole-units-as-two-decimal"
        /// Two decimals for charges, whole units (divisible by 100) for manual payouts: HUF, TWD.
        case twoDecimalWholeUnitPayouts = "two-decimal-whole-unit-payouts"
        /// Stripe's page lists the currency both as zero-decimal and as an ISK-like special case: UGX.
        case ambiguous = "ambiguous"

        /// Decimals in Stripe's `amount`, or `nil` when ambiguous.
        public var stripeDecimals: Int? {
            switch self {
            case .twoDecimal, .twoDecimalWholeUnitPayouts, .wholeUnitsAsTwoDecimal: return 2
            case .zeroDecimal: return 0
            case .threeDecimal: return 3
            case .ambiguous: return nil
            }
        }

        /// Whether only whole major units can be charged.
        public var wholeUnitsOnly: Bool {
            switch self {
            case .zeroDecimal, .wholeUnitsAsTwoDecimal, .ambiguous: return true
            case .twoDecimal, .threeDecimal, .twoDecimalWholeUnitPayouts: return false
            }
        }

        /// What one major unit becomes in `amount`: 100, 1 or 1000; `nil` when ambiguous.
        public var factor: Int64? { stripeDecimals.map { Money.powerOfTen($0) } }
    }

    /// How UGX amounts are sent, once verified in test mode.
    ///
    /// https://docs.stripe.com/currencies lists UGX among the zero-decimal currencies *and*, under special
    /// cases, says to send it as two decimals like ISK (5 UGX → `500`). The readings differ by a factor of 100
    /// (woocommerce/woocommerce-gateway-stripe#883 shows plugins got it wrong). Create a PaymentIntent in test
    /// mode, read the amount the Dashboard shows, and pin the reading here.
    public enum UGXReading: String, Sendable, Hashable, CaseIterable {
        /// Not verified: conversions give no amount and a warning with both readings.
        case unverified
        /// `amount` = shillings (5 UGX → `5`), as the zero-decimal list says.
        case zeroDecimal = "zero-decimal"
        /// `amount` = shillings × 100 (5 UGX → `500`), as the special case says.
        case twoDecimal = "two-decimal"
    }
}
