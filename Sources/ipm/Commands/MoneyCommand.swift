internal import IntegrationPatterns
internal import Knowledge

/// `ipm money AMOUNT CURRENCY`: an amount in minor units and as the provider's `amount`, with warnings;
/// `ipm money --list`: the currency table in use.
enum MoneyCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "money",
        abstract: "Show an amount in minor units and as Stripe's amount, with the currency's pitfalls.",
        discussion: """
            AMOUNT is in major units with '.' as the decimal point and no grouping: 150000, 10.50, 0.5. It
            may have at most as many decimals as the currency's ISO 4217 minor unit (2 for COP and USD, 0 for
            JPY and ISK, 3 for KWD); further digits are accepted only when they are zeros, since nothing is
            ever rounded. A malformed amount, too many decimals or an unknown currency is a usage error
            (exit 64), because the problem is in the arguments.

            The provider amount follows Stripe's rules, which differ from ISO for some currencies: MGA is
            zero-decimal, ISK is sent as two decimals ending in 00, HUF and TWD pay out whole units only,
            three-decimal amounts (BHD, JOD, KWD, OMR, TND) must end in 0, and COP is two-decimal even though
            prices have no centavos. UGX appears on Stripe's page under two rules 100x apart, so no amount is
            given for it, only a warning. An amount Stripe would refuse (a fraction of MGA, 50.001 KWD, too
            many digits for the payment method, a HUF payout with fillér) exits 1 with the nearest valid
            amounts. Warnings (under the minimum charge, centavos on COP) go to standard error, and into the
            JSON.

            JSON output is {"currency", "minor_units", "provider", "provider_amount" (null when ambiguous),
            "provider_currency", "rule", "display", "warnings": [{"code", "message"}]}. With --list, an array
            of {"code", "name", "minor_unit_digits", "stripe_rule" (null when unsupported), "stripe_factor"
            (null when ambiguous or unsupported), "stripe_listed", "stripe_minimum_minor_units" (null when
            Stripe publishes none)}.
            """,
        examples: [
            "ipm money 150000 COP",
            "ipm money 5 UGX --json",
            "ipm money 50.001 KWD",
            "ipm money 10.45 HUF --payout",
            "ipm money 99999999.99 COP --method non-card",
            "ipm money --list",
        ],
        arguments: [
            ArgumentSpec(name: "amount", help: "The amount in major units: 150000, 10.50.", isOptional: true),
            ArgumentSpec(name: "currency", help: "An ISO 4217 code, any case: COP, usd.", isOptional: true),
        ],
        options: [
            .value(
                "--provider", valueName: "name", help: "Whose rules to apply (default: stripe).", choices: ["stripe"]),
            .value(
                "--method", valueName: "kind", help: "Payment method, for digit limits (default: card).",
                choices: StripePaymentMethodKind.allCases.map(\.rawValue)),
            .flag("--payout", help: "Check the amount as a manual payout rather than a charge."),
            .flag("--list", help: "Print the currency table in use."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    struct Result: Encodable {
        var currency: String
        var minorUnits: Int64
        var provider: String
        var providerAmount: Int64?
        var providerCurrency: String
        var rule: String
        var display: String
        var warnings: [Warning]

        struct Warning: Encodable {
            var code: String
            var message: String
        }

        enum CodingKeys: String, CodingKey {
            case currency, provider, rule, display, warnings
            case minorUnits = "minor_units"
            case providerAmount = "provider_amount"
            case providerCurrency = "provider_currency"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(currency, forKey: .currency)
            try container.encode(minorUnits, forKey: .minorUnits)
            try container.encode(provider, forKey: .provider)
            try container.encode(providerAmount, forKey: .providerAmount)
            try container.encode(providerCurrency, forKey: .providerCurrency)
            try container.encode(rule, forKey: .rule)
            try container.encode(display, forKey: .display)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    struct TableEntry: Encodable {
        var code: String
        var name: String
        var minorUnitDigits: Int
        var stripeRule: String?
        var stripeFactor: Int64?
        var stripeListed: Bool
        var stripeMinimumMinorUnits: Int64?

        enum CodingKeys: String, CodingKey {
            case code, name
            case minorUnitDigits = "minor_unit_digits"
            case stripeRule = "stripe_rule"
            case stripeFactor = "stripe_factor"
            case stripeListed = "stripe_listed"
            case stripeMinimumMinorUnits = "stripe_minimum_minor_units"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(minorUnitDigits, forKey: .minorUnitDigits)
            try container.encode(stripeRule, forKey: .stripeRule)
            try container.encode(stripeFactor, forKey: .stripeFactor)
            try container.encode(stripeListed, forKey: .stripeListed)
            try container.encode(stripeMinimumMinorUnits, forKey: .stripeMinimumMinorUnits)
        }
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let path = arguments.commandPath
        let rules = StripeCurrencyRules()
        if arguments.has("--list") {
            guard arguments.positionals.isEmpty else {
                throw UsageError("'--list' takes no amount or currency.", commandPath: path)
            }
            return try list(rules: rules, json: arguments.has("--json"), context: context)
        }
        guard arguments.positionals.count == 2 else {
            let missing = arguments.positionals.isEmpty ? "<amount>" : "<currency>"
            throw UsageError("Missing expected argument '\(missing)'.", commandPath: path)
        }
        if arguments.has("--payout") && arguments.value("--method") != nil {
            throw UsageError("'--method' applies to charges, not to '--payout'.", commandPath: path)
        }
        let currency = try currency(arguments.positionals[1], path: path)
        let money: Money
        do {
            money = try Money(parsing: arguments.positionals[0], currency: currency)
        } catch let error as MoneyError {
            throw UsageError(error.message, commandPath: path)
        }
        let method = arguments.value("--method").flatMap(StripePaymentMethodKind.init(rawValue:)) ?? .card
        let purpose: StripeAmountPurpose = arguments.has("--payout") ? .payout : .charge(method)
        let converted: StripeAmount
        do {
            converted = try rules.stripeAmount(for: money, purpose: purpose)
        } catch let error as StripeAmountError {
            throw CommandFailure(.negative, error.message)
        }
        let result = Result(
            currency: currency.code, minorUnits: money.minorUnits, provider: "stripe",
            providerAmount: converted.amount, providerCurrency: converted.currency, rule: converted.rule.rawValue,
            display: money.displayText,
            warnings: converted.warnings.map { Result.Warning(code: $0.code.rawValue, message: $0.message) })
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(result))
            return 0
        }
        let digits = currency.minorUnitDigits
        let amountText = converted.amount.map(String.init) ?? "none: ambiguous, see the warning"
        context.out(
            """
            \(money.displayText)
              minor units     \(money.minorUnits)  (ISO 4217: \(digits) decimal\(digits == 1 ? "" : "s"))
              Stripe amount   \(amountText)  (currency=\(converted.currency), \(converted.rule.rawValue))

            """)
        for warning in converted.warnings {
            context.err("Warning: \(warning.message)\n")
        }
        return 0
    }

    /// The currency named on the command line, or a usage error with the closest codes.
    private static func currency(_ code: String, path: [String]) throws -> Currency {
        do {
            return try Currency(code)
        } catch let error as MoneyError {
            var message = "Unknown currency '\(code)': not an ISO 4217 code in ipm's table ('ipm money --list')."
            if error.code != .unknownCurrency { message = error.message }
            let codes = CurrencyTable.standard.currencies.map(\.code)
            let close = EditDistance.suggestions(for: code.uppercased(), among: codes, limit: 1).prefix(3)
            if !close.isEmpty, code.count == 3 { message += " Did you mean \(close.joined(separator: ", "))?" }
            throw UsageError(message, commandPath: path)
        }
    }

    private static func list(rules: StripeCurrencyRules, json: Bool, context: Context) throws -> Int32 {
        let entries = CurrencyTable.standard.currencies.map { currency in
            let rule = rules.rule(for: currency)
            return TableEntry(
                code: currency.code, name: currency.name, minorUnitDigits: currency.minorUnitDigits,
                stripeRule: rule?.rawValue, stripeFactor: rule?.factor, stripeListed: rules.isListed(currency),
                stripeMinimumMinorUnits: rules.minimumCharge(for: currency)?.minorUnits)
        }
        if json {
            context.out(try JSONOutput.encode(entries))
            return 0
        }
        func row(_ columns: [String]) -> String {
            let widths = [4, 3, 30, 4, 11]
            return zip(columns, widths).map { $0.padded($1) }.joined(separator: "  ") + "  " + columns[5] + "\n"
        }
        var text = row(["CODE", "ISO", "STRIPE RULE", "×", "MINIMUM", "NAME"])
        for (entry, currency) in zip(entries, CurrencyTable.standard.currencies) {
            let rule =
                (entry.stripeRule ?? "not supported") + (entry.stripeListed || entry.stripeRule == nil ? "" : "*")
            text += row([
                entry.code, String(entry.minorUnitDigits), rule, entry.stripeFactor.map(String.init) ?? "?",
                rules.minimumCharge(for: currency)?.formatted(groupingSeparator: ",") ?? "-", entry.name,
            ])
        }
        text += """

            ISO: decimals of the minor unit (ISO 4217). ×: what one major unit becomes in Stripe's amount.
            MINIMUM: Stripe's minimum charge when this is the settlement currency.
            *: not on Stripe's presentment list as ipm knows it; treated as two-decimal, with a warning.
            Sources: ISO 4217; https://docs.stripe.com/currencies

            """
        context.out(text)
        return 0
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
