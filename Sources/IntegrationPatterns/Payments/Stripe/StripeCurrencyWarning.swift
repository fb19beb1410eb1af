/// Something about an amount that Stripe may accept but a person should look at: an ambiguous rule,
/// a charge under the minimum, centavos on a COP price.
public struct StripeCurrencyWarning: Sendable, Hashable, CustomStringConvertible {
    /// What kind of warning it is; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Stripe's own documentation supports two readings of the currency (UGX): no amount is given.
        public static let ambiguousCurrency = Code(rawValue: "ambiguous_currency")
        /// Below Stripe's minimum charge for this currency as the settlement currency.
        public static let belowMinimumCharge = Code(rawValue: "below_minimum_charge")
        /// A zero charge, which Stripe allows only for subscriptions (coupons, free trials).
        public static let zeroAmount = Code(rawValue: "zero_amount")
        /// Fractions the currency allows but that are not used in practice (centavos on COP).
        public static let fractionUnusedInPractice = Code(rawValue: "fraction_unused_in_practice")
        /// Versions of Stripe's documentation disagree about a limit that this amount reaches.
        public static let conflictingDocumentation = Code(rawValue: "conflicting_documentation")
        /// The currency is not on Stripe's presentment list as this table knows it.
        public static let unlistedCurrency = Code(rawValue: "unlisted_currency")
    }

    /// What kind of warning it is.
    public var code: Code
    /// One or two sentences a person can act on.
    public var message: String

    /// Creates a warning.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
