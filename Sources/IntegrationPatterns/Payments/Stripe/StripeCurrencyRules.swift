/// Stripe's rules for turning ``Money`` into the `amount` and `currency` of an API request, and back.
///
/// Stripe takes integers in what it calls the minor unit, which is ISO 4217's exponent for most currencies
/// but not all (https://docs.stripe.com/currencies):
/// - zero-decimal: BIF, CLP, DJF, GNF, JPY, KMF, KRW, MGA, PYG, RWF, VND, VUV, XAF, XOF, XPF (MGA's ISO
///   exponent is 2, so 10.50 MGA cannot be charged);
/// - three-decimal: BHD, JOD, KWD, OMR, TND, whose charges and refunds must end in 0;
/// - ISK: whole krónur sent as two decimals (5 ISK → `500`);
/// - HUF and TWD: two-decimal charges, whole-unit payouts (10.45 HUF pays out as `1000`);
/// - UGX: on the zero-decimal list *and* an ISK-like special case, so no amount is given until a reading
///   is pinned (``UGXReading``);
/// - COP: two-decimal like its ISO exponent, so 150,000 pesos is `15000000` even though prices have no
///   centavos in practice.
///
/// On top of the representation it checks digit limits per payment method (errors) and minimum charges
/// (warnings, since the minimum depends on the settlement currency, which only the account knows).
public struct StripeCurrencyRules: Sendable {
    /// How UGX is sent; ``UGXReading/unverified`` until verified in test mode.
    public var ugx: UGXReading

    /// Creates the rules; pin `ugx` only after verifying the reading against Stripe in test mode.
    public init(ugx: UGXReading = .unverified) {
        self.ugx = ugx
    }

    /// The rule for a currency, or `nil` when Stripe does not list it and its ISO exponent is not 2 (so
    /// Stripe's "two-decimal unless otherwise specified" cannot be assumed).
    public func rule(for currency: Currency) -> Rule? {
        let code = currency.code
        if code == "UGX" {
            switch ugx {
            case .unverified: return .ambiguous
            case .zeroDecimal: return .zeroDecimal
            case .twoDecimal: return .wholeUnitsAsTwoDecimal
            }
        }
        if Self.zeroDecimalCodes.contains(code) { return .zeroDecimal }
        if Self.threeDecimalCodes.contains(code) { return .threeDecimal }
        if Self.wholeUnitsAsTwoDecimalCodes.contains(code) { return .wholeUnitsAsTwoDecimal }
        if Self.wholeUnitPayoutCodes.contains(code) { return .twoDecimalWholeUnitPayouts }
        if Self.presentmentCodes.contains(code) || currency.minorUnitDigits == 2 { return .twoDecimal }
        return nil
    }

    /// Whether Stripe lists the currency for presentment (as this table knows the list).
    public func isListed(_ currency: Currency) -> Bool { Self.presentmentCodes.contains(currency.code) }

    /// Stripe's minimum charge when `currency` is the settlement currency, or `nil` when the page gives none.
    public func minimumCharge(for currency: Currency) -> Money? {
        Self.minimumChargeMinorUnits[currency.code].map { Money(minorUnits: $0, currency: currency) }
    }

    /// The most digits `amount` may have for a charge in `currency` with `method`.
    public func maximumDigits(for currency: Currency, method: StripePaymentMethodKind) -> Int {
        switch method {
        case .card: return Self.cardDigits
        case .americanExpress: return Self.americanExpressDigits
        case .jcbDinersDiscoverJapan: return Self.japaneseNetworkDigits
        case .nonCard: return Self.nonCardDigitExceptions[currency.code] ?? Self.nonCardDigits
        }
    }

    /// Converts an amount to Stripe's `amount` for `purpose`, checking every rule that applies.
    ///
    /// - Returns: the amount (nil only for an unpinned ambiguous currency), the lower-case currency code and
    ///   the warnings a person should see.
    /// - Throws: ``StripeAmountError`` when Stripe would refuse the amount: negative, a fraction the currency
    ///   cannot carry, too many digits, a three-decimal amount not ending in 0, a HUF or TWD payout that is not
    ///   whole, or an unsupported currency. Its `suggestions` hold the nearest valid amounts.
    public func stripeAmount(for money: Money, purpose: StripeAmountPurpose = .charge(.card)) throws -> StripeAmount {
        let currency = money.currency
        guard let rule = rule(for: currency) else {
            throw StripeAmountError(
                code: .unsupportedCurrency,
                message: "Stripe does not list \(currency.code), and with \(currency.minorUnitDigits) ISO decimals "
                    + "its representation cannot be assumed.")
        }
        guard !money.isNegative else {
            throw StripeAmountError(
                code: .negativeAmount, message: "Stripe amounts are never negative: \(money.displayText).")
        }
        var warnings: [StripeCurrencyWarning] = []
        if !isListed(currency) {
            warnings.append(
                StripeCurrencyWarning(
                    code: .unlistedCurrency,
                    message: "\(currency.code) is not on Stripe's presentment list as ipm knows it; check that "
                        + "your account can charge it. Stripe treats unlisted currencies as two-decimal."))
        }
        let wholeUnits = try wholeUnitsIfRequired(money, rule: rule)
        let amount: Int64?
        switch rule {
        case .ambiguous:
            let units = wholeUnits ?? money.wholeMajorUnits
            let (hundredfold, overflow) = units.multipliedReportingOverflow(by: 100)
            warnings.append(
                StripeCurrencyWarning(
                    code: .ambiguousCurrency,
                    message: "Stripe's currency page lists \(currency.code) as zero-decimal (\(money.displayText) → "
                        + "amount=\(units)) and also as a special case sent with two decimals like ISK "
                        + "(amount=\(overflow ? "out of range" : String(hundredfold))). Verify in test mode: create a "
                        + "PaymentIntent and read the amount back from the Dashboard, then pin the reading."))
            amount = nil
        case .zeroDecimal, .wholeUnitsAsTwoDecimal, .twoDecimal, .twoDecimalWholeUnitPayouts, .threeDecimal:
            amount = try rescale(money, toDecimals: rule.stripeDecimals ?? 2)
        }
        if let amount {
            try checkPurpose(purpose, amount: amount, money: money, rule: rule, warnings: &warnings)
        }
        if purpose != .payout && currency.code == "COP" && money.fractionalMinorUnits != 0 {
            warnings.append(
                StripeCurrencyWarning(
                    code: .fractionUnusedInPractice,
                    message: "COP prices are whole pesos in practice (there are no centavo coins); "
                        + "\(money.displayText) has centavos."))
        }
        return StripeAmount(
            money: money, amount: amount, currency: currency.code.lowercased(), rule: rule, warnings: warnings)
    }

    /// Reads a Stripe `amount` (from a webhook or an API response) back as ``Money``.
    ///
    /// - Throws: ``StripeAmountError`` for a negative amount, an unpinned ambiguous currency (UGX), an
    ///   unsupported currency, or an ISK-style amount not ending in `00`.
    public func money(fromStripeAmount amount: Int64, currency: Currency) throws -> Money {
        guard let rule = rule(for: currency) else {
            throw StripeAmountError(
                code: .unsupportedCurrency, message: "Stripe does not list \(currency.code); cannot read its amounts.")
        }
        guard let decimals = rule.stripeDecimals else {
            throw StripeAmountError(
                code: .ambiguousCurrency,
                message: "amount=\(amount) in \(currency.code) is \(amount) or \(amount / 100) shillings depending "
                    + "on which of Stripe's rules applies; verify in test mode and pin the reading.")
        }
        if rule == .wholeUnitsAsTwoDecimal && amount % 100 != 0 {
            throw StripeAmountError(
                code: .fractionNotAllowed,
                message: "amount=\(amount) in \(currency.code) should end in 00 (whole units sent as two decimals).")
        }
        let digits = currency.minorUnitDigits
        let storedDecimals = rule == .wholeUnitsAsTwoDecimal ? 0 : decimals
        let scaled = rule == .wholeUnitsAsTwoDecimal ? amount / 100 : amount
        if digits >= storedDecimals {
            let (value, overflow) = scaled.multipliedReportingOverflow(by: Money.powerOfTen(digits - storedDecimals))
            guard !overflow else {
                throw StripeAmountError(code: .outOfRange, message: "amount=\(amount) is out of range.")
            }
            return Money(minorUnits: value, currency: currency)
        }
        let divisor = Money.powerOfTen(storedDecimals - digits)
        guard scaled % divisor == 0 else {
            throw StripeAmountError(
                code: .fractionNotAllowed,
                message: "amount=\(amount) has more precision than \(currency.code) has (ISO exponent \(digits)).")
        }
        return Money(minorUnits: scaled / divisor, currency: currency)
    }

    /// The largest payout `amount` Stripe accepts from an available balance: 10.45 HUF → `1000`,
    /// 800.45 TWD → `80000`; other currencies pay out what their representation can carry.
    ///
    /// - Throws: ``StripeAmountError`` for a negative balance, or an ambiguous or unsupported currency.
    public func largestPayoutAmount(forBalance balance: Money) throws -> Int64 {
        let currency = balance.currency
        guard let rule = rule(for: currency) else {
            throw StripeAmountError(
                code: .unsupportedCurrency, message: "Stripe does not list \(currency.code); no payout amount.")
        }
        guard let decimals = rule.stripeDecimals else {
            throw StripeAmountError(
                code: .ambiguousCurrency,
                message: "No payout amount for \(currency.code) until the reading of its amounts is pinned.")
        }
        guard !balance.isNegative else {
            throw StripeAmountError(code: .negativeAmount, message: "A negative balance cannot be paid out.")
        }
        // Round down to whole units where payouts need them, else to what the representation carries.
        var payable = balance.minorUnits
        if rule.wholeUnitsOnly || rule == .twoDecimalWholeUnitPayouts {
            payable -= payable % currency.minorUnitsPerMajorUnit
        } else if currency.minorUnitDigits > decimals {
            payable -= payable % Money.powerOfTen(currency.minorUnitDigits - decimals)
        }
        return try rescale(Money(minorUnits: payable, currency: currency), toDecimals: decimals)
    }
}
