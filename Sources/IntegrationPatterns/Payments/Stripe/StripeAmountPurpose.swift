/// What a Stripe `amount` is for; the rules differ between charges, refunds and payouts.
public enum StripeAmountPurpose: Sendable, Hashable {
    /// A charge (PaymentIntent, invoice, Checkout) paid with this kind of payment method: minimum amounts,
    /// digit limits and the three-decimal rule apply.
    case charge(StripePaymentMethodKind)
    /// A refund: the three-decimal rule applies; minimums and digit limits do not.
    case refund
    /// A manual payout: HUF and TWD amounts must be whole units (divisible by 100).
    case payout
}

/// The payment method of a charge, as far as Stripe's digit limits care.
///
/// Limits from https://docs.stripe.com/currencies ("Maximum charge amounts"): cards up to 12 digits,
/// American Express 9 in most currencies, JCB, Diners Club and Discover from Japanese Stripe accounts 8,
/// other payment methods 8 except IDR 12, COP 10 and INR 9.
public enum StripePaymentMethodKind: String, Sendable, Hashable, CaseIterable {
    /// Visa, Mastercard and other cards: up to 12 digits.
    case card
    /// American Express: up to 9 digits in most currencies.
    case americanExpress = "amex"
    /// JCB, Diners Club or Discover processed by a Japanese Stripe account: up to 8 digits.
    case jcbDinersDiscoverJapan = "jp-card"
    /// Any non-card payment method: 8 digits, except IDR 12, COP 10 and INR 9.
    case nonCard = "non-card"
}
