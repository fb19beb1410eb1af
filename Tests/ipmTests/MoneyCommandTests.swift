import Foundation
import Testing

@Suite("ipm money")
struct MoneyCommandTests {
    struct Result: Decodable, Equatable {
        struct Warning: Decodable, Equatable {
            var code: String
            var message: String
        }
        var currency: String
        var minor_units: Int64
        var provider: String
        var provider_amount: Int64?
        var provider_currency: String
        var rule: String
        var display: String
        var warnings: [Warning]
    }

    struct Entry: Decodable {
        var code: String
        var name: String
        var minor_unit_digits: Int
        var stripe_rule: String?
        var stripe_factor: Int64?
        var stripe_listed: Bool
        var stripe_minimum_minor_units: Int64?
    }

    static let usageTail =
        "Usage: ipm money [<amount>] [<currency>] [--provider <name>] [--method <kind>] [--payout] [--list] [--json] "
        + "[<common options>]\nSee 'ipm money --help' for more information.\n"

    func json(_ arguments: [String]) throws -> Result {
        let run = try IPM.run(["money"] + arguments + ["--json"])
        #expect(run.status == 0, "\(arguments): \(run.standardError)")
        return try JSONDecoder().decode(Result.self, from: Data(run.standardOutput.utf8))
    }

    @Test("150000 COP is 15000000 for Stripe, as text and as JSON")
    func colombianPesos() throws {
        let text = try IPM.run(["money", "150000", "COP"])
        #expect(text.status == 0)
        #expect(text.standardError == "")
        #expect(
            text.standardOutput == """
                150,000.00 COP
                  minor units     15000000  (ISO 4217: 2 decimals)
                  Stripe amount   15000000  (currency=cop, two-decimal)

                """)
        #expect(
            try json(["150000", "cop"])
                == Result(
                    currency: "COP", minor_units: 15_000_000, provider: "stripe", provider_amount: 15_000_000,
                    provider_currency: "cop", rule: "two-decimal", display: "150,000.00 COP", warnings: []))
        let raw = try IPM.run(["money", "150000", "COP", "--json", "--provider", "stripe"]).standardOutput
        #expect(raw.contains("\"warnings\" : []"))
    }

    @Test("5 UGX gives no amount and warns about the two readings, on stderr and in the JSON")
    func ugandanShillings() throws {
        let text = try IPM.run(["money", "5", "UGX"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("Stripe amount   none: ambiguous, see the warning"))
        #expect(text.standardError.hasPrefix("Warning: Stripe's currency page lists UGX as zero-decimal"))
        let result = try json(["5", "UGX"])
        #expect(result.provider_amount == nil)
        #expect(result.rule == "ambiguous")
        #expect(result.warnings.map(\.code) == ["ambiguous_currency"])
        #expect(result.warnings[0].message.contains("amount=500"))
        #expect(try IPM.run(["money", "5", "UGX", "--json"]).standardOutput.contains("\"provider_amount\" : null"))
    }

    @Test("10.5 JPY is a usage error: JPY has no minor unit, and nothing is rounded")
    func yenWithDecimals() throws {
        let run = try IPM.run(["money", "10.5", "JPY"])
        #expect(run.status == 64)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError
                == "Error: Amount '10.5' has 1 decimal but JPY has no minor unit (ISO 4217 exponent 0): give a whole "
                + "number; nothing is rounded.\n" + Self.usageTail)
        #expect(try json(["10.0", "JPY"]).provider_amount == 10)
    }

    @Test("an unknown currency is a usage error that suggests close codes")
    func unknownCurrency() throws {
        let run = try IPM.run(["money", "10", "EUD"])
        #expect(run.status == 64)
        #expect(
            run.standardError
                == "Error: Unknown currency 'EUD': not an ISO 4217 code in ipm's table ('ipm money --list'). "
                + "Did you mean AUD, EUR?\n" + Self.usageTail)
        #expect(
            try IPM.run(["money", "10", "QQQ"]).standardError.hasPrefix("Error: Unknown currency 'QQQ': not an ISO"))
    }

    @Test(
        "malformed amounts and missing arguments are usage errors",
        arguments: [
            (
                ["1,500", "COP"],
                "Error: Invalid amount '1,500': expected a decimal number such as 150000 or 10.50, with '.' as the decimal point and no thousands separators.\n"
            ),
            (["ten", "USD"], "Error: Invalid amount 'ten': expected a decimal number such as 150000 or 10.50.\n"),
            (["150000"], "Error: Missing expected argument '<currency>'.\n"),
            ([], "Error: Missing expected argument '<amount>'.\n"),
            (["5", "USD", "--list"], "Error: '--list' takes no amount or currency.\n"),
            (
                ["5", "HUF", "--payout", "--method", "card"],
                "Error: '--method' applies to charges, not to '--payout'.\n"
            ),
        ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try IPM.run(["money"] + arguments)
        #expect(run.status == 64)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message + Self.usageTail)
    }

    @Test(
        "amounts Stripe would refuse exit 1 with the nearest valid amounts",
        arguments: [
            (
                ["50.001", "KWD"],
                "Error: Stripe requires three-decimal charges to end in 0: amount=50001 (50.001 KWD) must be 50000 or 50010 (50.000 or 50.010 KWD).\n"
            ),
            (
                ["10.45", "HUF", "--payout"],
                "Error: Stripe pays out HUF in whole units only: amount=1045 is not divisible by 100; pay out 1000 (10.00 HUF).\n"
            ),
            (
                ["10.50", "MGA"],
                "Error: Stripe treats MGA as zero-decimal: 10.50 MGA has a fraction; charge 10 or 11 MGA.\n"
            ),
            (
                ["100000000", "COP", "--method", "non-card"],
                "Error: amount=10000000000 has 11 digits; Stripe allows 10 for non-card payment methods in COP (at most 9999999999).\n"
            ),
            (["-5", "USD"], "Error: Stripe amounts are never negative: -5.00 USD.\n"),
            (
                ["10", "IQD"],
                "Error: Stripe does not list IQD, and with 3 ISO decimals its representation cannot be assumed.\n"
            ),
        ])
    func refused(arguments: [String], message: String) throws {
        let run = try IPM.run(["money"] + arguments)
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message)
    }

    @Test("the special cases of Stripe's page, end to end")
    func specialCases() throws {
        #expect(try json(["5", "ISK"]).provider_amount == 500)
        #expect(try json(["10", "JPY"]).provider_amount == 10)
        #expect(try json(["10", "MGA"]).provider_amount == 10)
        #expect(try json(["10.45", "HUF"]).provider_amount == 1045)
        #expect(try json(["800", "TWD", "--payout"]).provider_amount == 80000)
        #expect(try json(["12.340", "KWD"]).provider_amount == 12340)
        #expect(try json(["99999999.99", "COP", "--method", "non-card"]).provider_amount == 9_999_999_999)
        let below = try json(["0.49", "USD"])
        #expect(below.warnings.map(\.code) == ["below_minimum_charge"])
        let centavos = try json(["150000.50", "COP"])
        #expect(centavos.warnings.map(\.code) == ["fraction_unused_in_practice"])
        let text = try IPM.run(["money", "0.49", "USD"])
        #expect(text.status == 0)
        #expect(text.standardError.hasPrefix("Warning: 0.49 USD is below Stripe's minimum charge of 0.50 USD"))
    }

    @Test("--list prints the table in use, as text and as JSON")
    func list() throws {
        let run = try IPM.run(["money", "--list", "--json"])
        #expect(run.status == 0)
        let entries = try JSONDecoder().decode([Entry].self, from: Data(run.standardOutput.utf8))
        #expect(entries.count >= 140)
        let cop = try #require(entries.first { $0.code == "COP" })
        #expect(cop.minor_unit_digits == 2 && cop.stripe_rule == "two-decimal" && cop.stripe_factor == 100)
        #expect(cop.stripe_minimum_minor_units == 50)
        let ugx = try #require(entries.first { $0.code == "UGX" })
        #expect(ugx.stripe_rule == "ambiguous" && ugx.stripe_factor == nil)
        let isk = try #require(entries.first { $0.code == "ISK" })
        #expect(isk.minor_unit_digits == 0 && isk.stripe_factor == 100)
        let iqd = try #require(entries.first { $0.code == "IQD" })
        #expect(iqd.stripe_rule == nil && !iqd.stripe_listed)
        let text = try IPM.run(["money", "--list"])
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("CODE  ISO  STRIPE RULE"))
        #expect(
            text.standardOutput.contains(
                "\nMGA   2    zero-decimal                    1     -            Malagasy ariary\n"))
        #expect(text.standardOutput.contains("Sources: ISO 4217; https://docs.stripe.com/currencies"))
    }

    @Test("help leads with examples and says how decimals and exit codes work")
    func help() throws {
        let run = try IPM.run(["money", "--help"])
        #expect(run.status == 0)
        let examples = try #require(run.standardOutput.range(of: "EXAMPLES:\n  ipm money 150000 COP"))
        let usage = try #require(run.standardOutput.range(of: "USAGE:"))
        #expect(examples.lowerBound < usage.lowerBound)
        #expect(run.standardOutput.contains("usage error\n(exit 64)") || run.standardOutput.contains("(exit 64)"))
        #expect(try IPM.run(["help", "money"]).standardOutput == run.standardOutput)
        #expect(try IPM.run(["--help"]).standardOutput.contains("  money "))
    }

    @Test(
        "the sessions the pages show are what the binary prints",
        arguments: [
            "en/payment-edge-cases.md", "es/payment-edge-cases.md", "en/stripe-integration.md",
            "es/stripe-integration.md",
        ])
    func pageSessions(page: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Content/\(page)").standardized
        let lines = try String(contentsOf: url, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        var sessions: [(command: String, output: String)] = []
        var inShell = false
        var blockIndent = 0
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " }.count
            if text == "```shell" {
                inShell = true
                blockIndent = indent
                continue
            }
            if text == "```" { inShell = false; continue }
            guard inShell else { continue }
            if text.hasPrefix("$ ") {
                sessions.append((String(text.dropFirst(2)), ""))
            } else if !sessions.isEmpty {
                // Output lines keep their indentation relative to the block's (inside a list item, say).
                sessions[sessions.count - 1].output +=
                    String(repeating: " ", count: max(0, indent - blockIndent)) + text + "\n"
            }
        }
        let money = sessions.filter { $0.command.hasPrefix("ipm money ") }
        #expect(!money.isEmpty)
        for session in money {
            let arguments = session.command.split(separator: " ").dropFirst().map(String.init)
            let run = try IPM.run(arguments)
            #expect(run.standardOutput + run.standardError == session.output, "\(page): \(session.command)")
        }
    }
}
