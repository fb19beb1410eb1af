/// Why an amount or a currency was refused: a malformed amount, more decimals than the currency has,
/// an amount out of range, an unknown currency, or arithmetic across two currencies.
public struct MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, for `catch` and for tests; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text is not a decimal amount (`12.5`, `-3`, `150000`).
        public static let invalidAmount = Code(rawValue: "invalid_amount")
        /// The amount has non-zero digits beyond the currency's minor unit (`10.5 JPY`).
        public static let tooManyDecimals = Code(rawValue: "too_many_decimals")
        /// The amount does not fit in a signed 64-bit count of minor units.
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// The currency code is not in the table used.
        public static let unknownCurrency = Code(rawValue: "unknown_currency")
        /// The currency code or exponent is malformed (not three letters, exponent outside 0…4).
        public static let invalidCurrency = Code(rawValue: "invalid_currency")
        /// Two amounts in different currencies were combined.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")

        /// Matches an error by its code: `catch MoneyError.Code.tooManyDecimals`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? MoneyError)?.code == pattern
        }
    }

    /// What kind of problem it is.
    public var code: Code
    /// One sentence that names the value and what is wrong with it.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
