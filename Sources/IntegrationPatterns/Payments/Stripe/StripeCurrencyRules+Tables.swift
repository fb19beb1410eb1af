extension StripeCurrencyRules {
    /// Stripe's zero-decimal list (https://docs.stripe.com/currencies#zero-decimal). UGX is on it too, but is
    /// handled as ambiguous (see ``UGXReading``).
    static let zeroDecimalCodes: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "VND", "VUV", "XAF", "XOF", "XPF",
    ]

    /// Three-decimal currencies. The last-digit-0 rule for PaymentIntents, refunds and disputes is quoted from
    /// Stripe's page as archived on 2022-06-18 (web.archive.org, stripe.com/docs/currencies): "these API calls
    /// require the least-significant (last) digit to be 0 … 5.124 KWD must be rounded to 5120 or 5130".
    static let threeDecimalCodes: Set<String> = ["BHD", "JOD", "KWD", "OMR", "TND"]

    /// Special cases (https://docs.stripe.com/currencies#special-cases): ISK is sent as two decimals ending in
    /// `00`; HUF and TWD charge two decimals but pay out whole units only.
    static let wholeUnitsAsTwoDecimalCodes: Set<String> = ["ISK"]
    static let wholeUnitPayoutCodes: Set<String> = ["HUF", "TWD"]

    /// Presentment currencies Stripe lists (https://docs.stripe.com/currencies#presentment-currencies, which
    /// varies by account country and over time); a currency outside it gets a warning, not a refusal.
    static let presentmentCodes: Set<String> = [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
        "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP",
        "CRC", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GIP",
        "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "ISK", "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL",
        "MGA", "MKD", "MMK", "MNT", "MOP", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
        "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SZL", "THB", "TJS", "TND", "TOP", "TRY",
        "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF",
        "YER", "ZAR", "ZMW",
    ]

    /// Minimum charge by settlement currency, in ISO minor units (https://docs.stripe.com/currencies,
    /// "Minimum charge amount by currency"; the list varies between versions of the page). 0.50 COP is odd
    /// but is what the page publishes.
    static let minimumChargeMinorUnits: [String: Int64] = [
        "USD": 50, "AED": 200, "ARS": 50, "AUD": 50, "BRL": 50, "CAD": 50, "CHF": 50, "COP": 50, "CZK": 1500,
        "DKK": 250, "EUR": 50, "GBP": 30, "HKD": 400, "HUF": 17500, "IDR": 50, "ILS": 50, "INR": 50, "JPY": 50,
        "KRW": 50, "MXN": 1000, "MYR": 200, "NOK": 300, "NZD": 50, "PHP": 50, "PLN": 200, "RON": 200, "RUB": 50,
        "SEK": 300, "SGD": 50, "THB": 1000, "ZAR": 50,
    ]

    /// Digits allowed in `amount` for non-card payment methods: 8, except IDR 12, COP 10, INR 9.
    static let nonCardDigitExceptions: [String: Int] = ["IDR": 12, "COP": 10, "INR": 9]

    /// Digits allowed for card payments (12), American Express (9 in most currencies) and JCB, Diners Club and
    /// Discover from Japanese accounts (8).
    static let cardDigits = 12
    static let americanExpressDigits = 9
    static let japaneseNetworkDigits = 8
    static let nonCardDigits = 8

    /// An older version of the page gave COP card payments 10 digits; the current one gives all cards 12.
    static let olderCOPCardDigits = 10
}
