/// Why an amount cannot be sent to Stripe as it is, with the nearest amounts that could be, when any.
public struct StripeAmountError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Stripe amounts are never negative.
        public static let negativeAmount = Code(rawValue: "negative_amount")
        /// The amount has a fraction that Stripe's representation of the currency cannot carry (MGA 10.50).
        public static let fractionNotAllowed = Code(rawValue: "fraction_not_allowed")
        /// More digits than the payment method allows in this currency.
        public static let tooManyDigits = Code(rawValue: "too_many_digits")
        /// A three-decimal amount whose last digit is not 0 (KWD 50.001).
        public static let lastDigitNotZero = Code(rawValue: "last_digit_not_zero")
        /// A HUF or TWD payout that is not a whole number of units (not divisible by 100).
        public static let payoutNotWholeUnits = Code(rawValue: "payout_not_whole_units")
        /// Stripe does not list the currency, and its exponent leaves the representation unknown.
        public static let unsupportedCurrency = Code(rawValue: "unsupported_currency")
        /// Stripe's documentation supports two readings (UGX) and none was pinned in configuration.
        public static let ambiguousCurrency = Code(rawValue: "ambiguous_currency")
        /// The amount does not fit in 64 bits once converted.
        public static let outOfRange = Code(rawValue: "out_of_range")

        /// Matches an error by its code: `catch StripeAmountError.Code.lastDigitNotZero`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? StripeAmountError)?.code == pattern
        }
    }

    /// What kind of problem it is.
    public var code: Code
    /// One sentence naming the amount and the rule.
    public var message: String
    /// Nearby Stripe amounts that satisfy the rule (round down first), when there are any.
    public var suggestions: [Int64]

    /// Creates an error.
    public init(code: Code, message: String, suggestions: [Int64] = []) {
        self.code = code
        self.message = message
        self.suggestions = suggestions
    }

    public var description: String { message }
}
