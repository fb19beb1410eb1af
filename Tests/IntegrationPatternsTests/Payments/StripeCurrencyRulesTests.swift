import IntegrationPatterns
import Testing

/// Every example of https://docs.stripe.com/currencies and ../shared/research/payments.md §4.1, as tests.
@Suite("StripeCurrencyRules: amounts as Stripe expects them")
struct StripeCurrencyRulesTests {
    let rules = StripeCurrencyRules()

    func amount(_ text: String, _ code: String, _ purpose: StripeAmountPurpose = .charge(.card)) throws -> StripeAmount
    {
        try rules.stripeAmount(for: Money(parsing: text, currencyCode: code), purpose: purpose)
    }

    func failure(_ text: String, _ code: String, _ purpose: StripeAmountPurpose = .charge(.card)) throws
        -> StripeAmountError
    {
        let money = try Money(parsing: text, currencyCode: code)
        return try #require(throws: StripeAmountError.self) { try rules.stripeAmount(for: money, purpose: purpose) }
    }

    @Test("1000 is 10 USD and 10 is 10 JPY; currency codes go in lower case")
    func basics() throws {
        let usd = try amount("10", "USD")
        #expect(usd.amount == 1000)
        #expect(usd.currency == "usd")
        #expect(usd.rule == .twoDecimal)
        #expect(usd.warnings.isEmpty)
        #expect(try amount("10.99", "USD").amount == 1099)
        #expect(try amount("10", "JPY").amount == 10)
        #expect(try amount("500", "JPY").amount == 500)
    }

    @Test(
        "the zero-decimal list: amount equals the whole-unit value",
        arguments: [
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "VND", "VUV", "XAF", "XOF", "XPF",
        ])
    func zeroDecimal(code: String) throws {
        let converted = try amount("1000", code)
        #expect(converted.rule == .zeroDecimal)
        #expect(converted.amount == 1000)
        #expect(converted.currency == code.lowercased())
    }

    @Test("MGA has two ISO decimals but Stripe takes it as zero-decimal: a fraction is refused")
    func malagasyAriary() throws {
        let error = try failure("10.50", "MGA")
        #expect(error.code == .fractionNotAllowed)
        #expect(error.message == "Stripe treats MGA as zero-decimal: 10.50 MGA has a fraction; charge 10 or 11 MGA.")
        #expect(error.suggestions == [10, 11])
        #expect(try rules.money(fromStripeAmount: 10, currency: Currency("MGA")).minorUnits == 1000)
    }

    @Test("ISK is whole krónur sent as two decimals: 5 ISK is 500")
    func icelandicKrona() throws {
        let isk = try amount("5", "ISK")
        #expect(isk.amount == 500)
        #expect(isk.rule == .wholeUnitsAsTwoDecimal)
        #expect(
            try rules.money(fromStripeAmount: 500, currency: Currency("ISK"))
                == Money(parsing: "5", currencyCode: "ISK"))
        let error = try #require(throws: StripeAmountError.self) {
            try rules.money(fromStripeAmount: 550, currency: Currency("ISK"))
        }
        #expect(error.code == .fractionNotAllowed)
        #expect(throws: MoneyError.self) { try Money(parsing: "5.5", currencyCode: "ISK") }
    }

    @Test("HUF charges take two decimals; a payout must be whole forints: 10.45 pays out as 1000")
    func hungarianForint() throws {
        #expect(try amount("10.45", "HUF", .charge(.nonCard)).amount == 1045)
        let error = try failure("10.45", "HUF", .payout)
        #expect(error.code == .payoutNotWholeUnits)
        #expect(error.suggestions == [1000])
        #expect(
            error.message
                == "Stripe pays out HUF in whole units only: amount=1045 is not divisible by 100; pay out 1000 (10.00 HUF)."
        )
        #expect(try rules.largestPayoutAmount(forBalance: Money(parsing: "10.45", currencyCode: "HUF")) == 1000)
        #expect(try amount("10", "HUF", .payout).amount == 1000)
    }

    @Test("TWD follows the same payout rule: 800.45 pays out as 80000")
    func newTaiwanDollar() throws {
        #expect(try failure("800.45", "TWD", .payout).suggestions == [80000])
        #expect(try rules.largestPayoutAmount(forBalance: Money(parsing: "800.45", currencyCode: "TWD")) == 80000)
        #expect(try amount("800.45", "TWD").amount == 80045)
    }

    @Test("UGX: the page supports two readings, so no amount is given, only a warning with both")
    func ugandanShilling() throws {
        let ugx = try amount("5", "UGX")
        #expect(ugx.amount == nil)
        #expect(ugx.rule == .ambiguous)
        let warning = try #require(ugx.warnings.first { $0.code == .ambiguousCurrency })
        #expect(warning.message.contains("amount=5)"))
        #expect(warning.message.contains("amount=500)"))
        #expect(warning.message.contains("Verify in test mode"))
        let reading = try #require(throws: StripeAmountError.self) {
            try rules.money(fromStripeAmount: 500, currency: Currency("UGX"))
        }
        #expect(reading.code == .ambiguousCurrency)
        #expect(throws: StripeAmountError.self) {
            try rules.largestPayoutAmount(forBalance: Money(parsing: "5", currencyCode: "UGX"))
        }
    }

    @Test("UGX pinned after verification: zero-decimal gives 5, two-decimal gives 500")
    func ugandanShillingPinned() throws {
        let five = try Money(parsing: "5", currencyCode: "UGX")
        let zero = try StripeCurrencyRules(ugx: .zeroDecimal).stripeAmount(for: five)
        #expect(zero.amount == 5)
        #expect(zero.warnings.isEmpty)
        let two = try StripeCurrencyRules(ugx: .twoDecimal).stripeAmount(for: five)
        #expect(two.amount == 500)
        #expect(two.warnings.isEmpty)
        #expect(try StripeCurrencyRules(ugx: .twoDecimal).money(fromStripeAmount: 500, currency: five.currency) == five)
    }

    @Test(
        "three-decimal currencies are in thousandths, and charges must end in 0",
        arguments: ["BHD", "JOD", "KWD", "OMR", "TND"])
    func threeDecimal(code: String) throws {
        let converted = try amount("12.340", code)
        #expect(converted.amount == 12340)
        #expect(converted.rule == .threeDecimal)
        let error = try failure("12.345", code)
        #expect(error.code == .lastDigitNotZero)
        #expect(error.suggestions == [12340, 12350])
    }

    @Test("Stripe's own examples: 5.124 KWD must be 5120 or 5130; 50.001 KWD is refused")
    func kuwaitiDinar() throws {
        #expect(try failure("5.124", "KWD").suggestions == [5120, 5130])
        let error = try failure("50.001", "KWD")
        #expect(
            error.message
                == "Stripe requires three-decimal charges to end in 0: amount=50001 (50.001 KWD) must be 50000 "
                + "or 50010 (50.000 or 50.010 KWD).")
        #expect(try failure("50.001", "KWD", .refund).code == .lastDigitNotZero)
        #expect(try amount("50.001", "KWD", .payout).amount == 50001)
    }

    @Test("COP is two-decimal: 150,000 pesos is 15000000, and centavos draw a warning")
    func colombianPeso() throws {
        let cop = try amount("150000", "COP")
        #expect(cop.amount == 15_000_000)
        #expect(cop.currency == "cop")
        #expect(cop.rule == .twoDecimal)
        #expect(cop.warnings.isEmpty)
        #expect(
            try rules.money(fromStripeAmount: 15_000_000, currency: Currency("COP")).displayText == "150,000.00 COP")
        let centavos = try amount("150000.50", "COP")
        #expect(centavos.amount == 15_000_050)
        #expect(centavos.warnings.map(\.code) == [.fractionUnusedInPractice])
    }

    @Test("COP limits: 10 digits for non-card methods (99,999,999.99), 12 for cards with a warning past 10")
    func colombianPesoLimits() throws {
        #expect(try amount("99999999.99", "COP", .charge(.nonCard)).amount == 9_999_999_999)
        let tooLong = try failure("100000000", "COP", .charge(.nonCard))
        #expect(tooLong.code == .tooManyDigits)
        #expect(
            tooLong.message == "amount=10000000000 has 11 digits; Stripe allows 10 for non-card payment methods in COP "
                + "(at most 9999999999).")
        let card = try amount("100000000", "COP", .charge(.card))
        #expect(card.amount == 10_000_000_000)
        #expect(card.warnings.map(\.code) == [.conflictingDocumentation])
        #expect(try amount("99999999", "COP", .charge(.card)).warnings.isEmpty)
    }

    @Test(
        "minimum charges by settlement currency are warnings, and the minimum itself passes",
        arguments: [
            ("USD", "0.50", "0.49"), ("EUR", "0.50", "0.49"), ("GBP", "0.30", "0.29"), ("JPY", "50", "49"),
            ("HUF", "175.00", "174.99"), ("CZK", "15.00", "14.99"), ("DKK", "2.50", "2.49"), ("HKD", "4.00", "3.99"),
            ("MXN", "10", "9.99"), ("THB", "10", "9.99"), ("KRW", "50", "49"),
        ])
    func minimums(code: String, minimum: String, below: String) throws {
        #expect(try amount(minimum, code).warnings.isEmpty)
        let warned = try amount(below, code)
        #expect(warned.warnings.map(\.code) == [.belowMinimumCharge])
        #expect(warned.amount != nil)
        #expect(try amount(below, code, .refund).warnings.isEmpty)
    }

    @Test("COP's published minimum is 0.50, odd for a currency without centavos in practice")
    func colombianPesoMinimum() throws {
        #expect(try amount("0.50", "COP").warnings.map(\.code) == [.fractionUnusedInPractice])
        #expect(try amount("0.49", "COP").warnings.map(\.code) == [.belowMinimumCharge, .fractionUnusedInPractice])
        #expect(try amount("1", "COP").warnings.isEmpty)
    }

    @Test("the minimum-charge warning names the minimum and the settlement condition")
    func minimumMessage() throws {
        let warning = try #require(try amount("0.49", "USD").warnings.first)
        #expect(
            warning.message == "0.49 USD is below Stripe's minimum charge of 0.50 USD when USD is the settlement "
                + "currency; charges converted to another settlement currency must meet that currency's minimum.")
    }

    @Test(
        "digit limits per payment method",
        arguments: [
            (StripePaymentMethodKind.card, "USD", "9999999999.99", "10000000000.00"),
            (.americanExpress, "USD", "9999999.99", "10000000.00"),
            (.jcbDinersDiscoverJapan, "JPY", "99999999", "100000000"),
            (.nonCard, "USD", "999999.99", "1000000.00"),
            (.nonCard, "IDR", "9999999999.99", "10000000000.00"),
            (.nonCard, "INR", "9999999.99", "10000000.00"),
        ])
    func digitLimits(method: StripePaymentMethodKind, code: String, largest: String, tooLarge: String) throws {
        #expect(try amount(largest, code, .charge(method)).amount != nil)
        #expect(try failure(tooLarge, code, .charge(method)).code == .tooManyDigits)
    }

    @Test("negative amounts are refused; zero is allowed with a warning about subscriptions")
    func signs() throws {
        let negative = try failure("-5", "USD")
        #expect(negative.code == .negativeAmount)
        #expect(negative.message == "Stripe amounts are never negative: -5.00 USD.")
        let zero = try amount("0", "USD")
        #expect(zero.amount == 0)
        #expect(zero.warnings.map(\.code) == [.zeroAmount])
    }

    @Test("a currency Stripe does not list: a warning when it has two decimals, an error otherwise")
    func unlisted() throws {
        let cedi = try amount("10", "GHS")
        #expect(cedi.amount == 1000)
        #expect(cedi.warnings.map(\.code) == [.unlistedCurrency])
        let dinar = try failure("10", "IQD")
        #expect(dinar.code == .unsupportedCurrency)
        #expect(try failure("1", "CLF").code == .unsupportedCurrency)
    }

    @Test("every currency of the table has a rule unless Stripe does not list it and it lacks two decimals")
    func everyCurrency() throws {
        for currency in CurrencyTable.standard.currencies {
            if let rule = rules.rule(for: currency) {
                let money = Money(minorUnits: 1_000 * currency.minorUnitsPerMajorUnit, currency: currency)
                let converted = try rules.stripeAmount(for: money)
                if let factor = rule.factor {
                    #expect(converted.amount == 1_000 * factor, "\(currency.code)")
                    #expect(try rules.money(fromStripeAmount: 1_000 * factor, currency: currency) == money)
                } else {
                    #expect(converted.amount == nil)
                }
            } else {
                #expect(!rules.isListed(currency) && currency.minorUnitDigits != 2, "\(currency.code)")
            }
        }
    }

    @Test("round trip through Stripe's amount for random amounts in every listed currency")
    func roundTrip() throws {
        let currencies = CurrencyTable.standard.currencies.filter {
            rules.rule(for: $0) != nil && rules.rule(for: $0) != .ambiguous
        }
        for seed in UInt64(0)..<32 {
            var random = SplitMix64(seed: seed)
            for _ in 0..<100 {
                let currency = currencies[Int(random.next() % UInt64(currencies.count))]
                let rule = try #require(rules.rule(for: currency))
                let units = Int64(random.next() % 1_000_000_000)
                var minorUnits = units
                if rule.wholeUnitsOnly { minorUnits = units * currency.minorUnitsPerMajorUnit }
                if rule == .threeDecimal { minorUnits -= minorUnits % 10 }
                let money = Money(minorUnits: minorUnits, currency: currency)
                let converted = try rules.stripeAmount(for: money, purpose: .refund)
                let amount = try #require(converted.amount)
                #expect(try rules.money(fromStripeAmount: amount, currency: currency) == money, "\(money)")
            }
        }
    }
}
