extension StripeCurrencyRules {
    /// For rules that only carry whole units, the whole units; a fraction is an error with the nearest
    /// whole amounts as suggestions (in the currency's ISO minor units).
    func wholeUnitsIfRequired(_ money: Money, rule: Rule) throws -> Int64? {
        guard rule.wholeUnitsOnly else { return nil }
        guard money.fractionalMinorUnits != 0 else { return money.wholeMajorUnits }
        let down = money.wholeMajorUnits
        let reason: String
        switch rule {
        case .zeroDecimal:
            reason = "Stripe treats \(money.currency.code) as zero-decimal"
        default:
            reason = "Stripe cannot charge fractions of \(money.currency.code)"
        }
        let suggestions = [down, down + 1].compactMap { units -> Int64? in
            (try? rescale(
                Money(minorUnits: units * money.currency.minorUnitsPerMajorUnit, currency: money.currency),
                toDecimals: rule.stripeDecimals ?? 0))
        }
        throw StripeAmountError(
            code: .fractionNotAllowed,
            message: "\(reason): \(money.displayText) has a fraction; charge \(down) or \(down + 1) "
                + "\(money.currency.code).",
            suggestions: rule == .ambiguous ? [] : suggestions)
    }

    /// The amount with exactly `decimals` decimals, as an integer; refuses to drop non-zero digits.
    func rescale(_ money: Money, toDecimals decimals: Int) throws -> Int64 {
        let digits = money.currency.minorUnitDigits
        if decimals >= digits {
            let (value, overflow) = money.minorUnits.multipliedReportingOverflow(
                by: Money.powerOfTen(decimals - digits))
            guard !overflow else {
                throw StripeAmountError(code: .outOfRange, message: "\(money.displayText) is out of range for Stripe.")
            }
            return value
        }
        let divisor = Money.powerOfTen(digits - decimals)
        guard money.minorUnits % divisor == 0 else {
            throw StripeAmountError(
                code: .fractionNotAllowed,
                message: "Stripe sends \(money.currency.code) with \(decimals) decimals: \(money.displayText) has more."
            )
        }
        return money.minorUnits / divisor
    }

    /// The checks that depend on what the amount is for: digits, the three-decimal last digit, whole-unit
    /// payouts, minimum charges.
    func checkPurpose(
        _ purpose: StripeAmountPurpose, amount: Int64, money: Money, rule: Rule,
        warnings: inout [StripeCurrencyWarning]
    ) throws {
        let currency = money.currency
        switch purpose {
        case .payout:
            if rule == .twoDecimalWholeUnitPayouts && amount % 100 != 0 {
                let down = amount - amount % 100
                throw StripeAmountError(
                    code: .payoutNotWholeUnits,
                    message: "Stripe pays out \(currency.code) in whole units only: amount=\(amount) is not divisible "
                        + "by 100; pay out \(down) (\(Money(minorUnits: down, currency: currency).displayText)).",
                    suggestions: [down])
            }
        case .refund:
            try checkLastDigit(amount, money: money, rule: rule, what: "refunds")
        case .charge(let method):
            try checkLastDigit(amount, money: money, rule: rule, what: "charges")
            let limit = maximumDigits(for: currency, method: method)
            let digits = String(amount).count
            if digits > limit {
                let maximum = Int64(String(repeating: "9", count: limit)) ?? Int64.max
                throw StripeAmountError(
                    code: .tooManyDigits,
                    message: "amount=\(amount) has \(digits) digits; Stripe allows \(limit) for "
                        + "\(method.displayName) in \(currency.code) (at most \(maximum)).",
                    suggestions: [])
            }
            if currency.code == "COP" && method == .card && digits > Self.olderCOPCardDigits {
                warnings.append(
                    StripeCurrencyWarning(
                        code: .conflictingDocumentation,
                        message: "amount=\(amount) has \(digits) digits: the current Stripe page allows 12 for "
                            + "cards, but an older version limited COP card payments to 10. Test it before relying "
                            + "on it."))
            }
            if amount == 0 {
                warnings.append(
                    StripeCurrencyWarning(
                        code: .zeroAmount,
                        message: "Only subscription charges may be zero (coupons, free trials); a PaymentIntent "
                            + "needs at least the minimum charge."))
            } else if let minimum = minimumCharge(for: currency), money.minorUnits < minimum.minorUnits {
                warnings.append(
                    StripeCurrencyWarning(
                        code: .belowMinimumCharge,
                        message: "\(money.displayText) is below Stripe's minimum charge of \(minimum.displayText) "
                            + "when \(currency.code) is the settlement currency; charges converted to another "
                            + "settlement currency must meet that currency's minimum."))
            }
        }
    }

    private func checkLastDigit(_ amount: Int64, money: Money, rule: Rule, what: String) throws {
        guard rule == .threeDecimal, amount % 10 != 0 else { return }
        let down = amount - amount % 10
        let up = down + 10
        let currency = money.currency
        throw StripeAmountError(
            code: .lastDigitNotZero,
            message: "Stripe requires three-decimal \(what) to end in 0: amount=\(amount) "
                + "(\(money.displayText)) must be \(down) or \(up) "
                + "(\(Money(minorUnits: down, currency: currency).formatted()) or "
                + "\(Money(minorUnits: up, currency: currency).formatted()) \(currency.code)).",
            suggestions: [down, up])
    }
}

extension StripePaymentMethodKind {
    /// How the method is named in messages.
    var displayName: String {
        switch self {
        case .card: return "card payments"
        case .americanExpress: return "American Express"
        case .jcbDinersDiscoverJapan: return "JCB, Diners Club and Discover on Japanese accounts"
        case .nonCard: return "non-card payment methods"
        }
    }
}
