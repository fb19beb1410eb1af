/// An amount converted for Stripe's API: the integer `amount`, the lower-case `currency`, and warnings.
public struct StripeAmount: Sendable, Hashable {
    /// The amount it was converted from.
    public var money: Money
    /// The value of Stripe's `amount` parameter, or `nil` when Stripe's documentation is ambiguous for the
    /// currency and no reading was pinned (see ``StripeCurrencyRules/UGXReading``).
    public var amount: Int64?
    /// The value of Stripe's `currency` parameter: the code in lower case (Stripe requires it).
    public var currency: String
    /// The rule used.
    public var rule: StripeCurrencyRules.Rule
    /// What a person should look at before sending it.
    public var warnings: [StripeCurrencyWarning]

    /// Creates a converted amount.
    public init(
        money: Money, amount: Int64?, currency: String, rule: StripeCurrencyRules.Rule,
        warnings: [StripeCurrencyWarning] = []
    ) {
        self.money = money
        self.amount = amount
        self.currency = currency
        self.rule = rule
        self.warnings = warnings
    }
}
