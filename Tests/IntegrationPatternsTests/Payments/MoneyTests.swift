import Foundation
import IntegrationPatterns
import Testing

@Suite("Money: parsing, formatting and arithmetic in integer minor units")
struct MoneyTests {
    let usd = CurrencyTable.standard["USD"]!
    let cop = CurrencyTable.standard["COP"]!
    let jpy = CurrencyTable.standard["JPY"]!
    let kwd = CurrencyTable.standard["KWD"]!

    @Test(
        "amounts in major units become minor units per the ISO exponent",
        arguments: [
            ("150000", "COP", Int64(15_000_000)),
            ("10", "USD", 1000),
            ("10.99", "USD", 1099),
            ("10", "JPY", 10),
            ("500", "JPY", 500),
            ("0.250", "KWD", 250),
            ("5.124", "KWD", 5124),
            ("5", "ISK", 5),
            ("-3.2", "EUR", -320),
            ("+7", "EUR", 700),
            ("0.0001", "CLF", 1),
            ("  42.5 ", "GBP", 4250),
        ])
    func parses(text: String, code: String, minorUnits: Int64) throws {
        let money = try Money(parsing: text, currencyCode: code)
        #expect(money.minorUnits == minorUnits)
        #expect(money.currency.code == code)
    }

    @Test("extra decimals that are zeros are exact and accepted; non-zero ones are refused, never rounded")
    func decimals() throws {
        #expect(try Money(parsing: "10.500", currency: usd).minorUnits == 1050)
        #expect(try Money(parsing: "10.0", currency: jpy).minorUnits == 10)
        let error = try #require(throws: MoneyError.self) { try Money(parsing: "10.5", currency: jpy) }
        #expect(error.code == .tooManyDecimals)
        #expect(
            error.message == "Amount '10.5' has 1 decimal but JPY has no minor unit (ISO 4217 exponent 0): "
                + "give a whole number; nothing is rounded.")
        let cents = try #require(throws: MoneyError.self) { try Money(parsing: "10.505", currency: usd) }
        #expect(cents.code == .tooManyDecimals)
        #expect(cents.message.contains("USD allows 2 decimals"))
    }

    @Test(
        "malformed amounts are refused with the text named",
        arguments: [
            "", "-", ".5", "5.", "1,500", "1 500", "1e3", "0x10", "ten", "--5", "5-", "١٢", "NaN", "1.2.3",
        ])
    func malformed(text: String) throws {
        let error = try #require(throws: MoneyError.self) { try Money(parsing: text, currency: usd) }
        #expect(error.code == .invalidAmount)
        #expect(error.message.hasPrefix("Invalid amount '\(text)'"))
    }

    @Test("a comma gets advice about the decimal point")
    func comma() throws {
        let error = try #require(throws: MoneyError.self) { try Money(parsing: "150.000,00", currency: cop) }
        #expect(error.message.contains("'.' as the decimal point and no thousands separators"))
    }

    @Test("the whole Int64 range is exact, where a Double would already have lost digits")
    func range() throws {
        // 2^53 + 1 has no exact Double; an amount that went through floating point would come back as 2^53.
        let beyondDouble = try Money(parsing: "9007199254740993", currency: jpy)
        #expect(beyondDouble.minorUnits == 9_007_199_254_740_993)
        #expect(beyondDouble.formatted() == "9007199254740993")
        #expect(try Money(parsing: "92233720368547758.07", currency: usd).minorUnits == Int64.max)
        #expect(try Money(parsing: "-92233720368547758.08", currency: usd).minorUnits == Int64.min)
        #expect(Money(minorUnits: Int64.min, currency: usd).formatted() == "-92233720368547758.08")
        let tooBig = try #require(throws: MoneyError.self) { try Money(parsing: "92233720368547758.08", currency: usd) }
        #expect(tooBig.code == .outOfRange)
        #expect(throws: MoneyError.self) { try Money(parsing: "99999999999999999999999", currency: jpy) }
    }

    @Test("formatting writes exactly the currency's decimals, optionally grouped")
    func formatting() throws {
        #expect(Money(minorUnits: 15_000_000, currency: cop).formatted() == "150000.00")
        #expect(Money(minorUnits: 15_000_000, currency: cop).formatted(groupingSeparator: ",") == "150,000.00")
        #expect(Money(minorUnits: 15_000_000, currency: cop).displayText == "150,000.00 COP")
        #expect(Money(minorUnits: 15_000_000, currency: cop).description == "150000.00 COP")
        #expect(Money(minorUnits: -5, currency: usd).formatted() == "-0.05")
        #expect(Money(minorUnits: 1_000, currency: jpy).formatted(groupingSeparator: ",") == "1,000")
        #expect(Money(minorUnits: 100, currency: jpy).formatted(groupingSeparator: ",") == "100")
        #expect(Money(minorUnits: 12_345, currency: kwd).formatted() == "12.345")
        #expect(Money(minorUnits: -123_456_789, currency: usd).formatted(groupingSeparator: ".") == "-1.234.567.89")
    }

    @Test("parse then format round-trips for random amounts in every currency of the table")
    func roundTripFromMoney() throws {
        let currencies = CurrencyTable.standard.currencies
        for seed in UInt64(0)..<64 {
            var random = SplitMix64(seed: seed)
            for _ in 0..<200 {
                let currency = currencies[Int(random.next() % UInt64(currencies.count))]
                // Mix small amounts, amounts with few digits and amounts anywhere in the Int64 range.
                let raw = Int64(bitPattern: random.next())
                let minorUnits: Int64
                switch random.next() % 3 {
                case 0: minorUnits = raw % 1_000
                case 1: minorUnits = raw % 10_000_000_000
                default: minorUnits = raw
                }
                let money = Money(minorUnits: minorUnits, currency: currency)
                let text = money.formatted()
                let parsed = try Money(parsing: text, currency: currency)
                #expect(parsed == money, "seed \(seed): \(text) \(currency.code)")
            }
        }
    }

    @Test("format then parse round-trips for random decimal texts, built digit by digit")
    func roundTripFromText() throws {
        let currencies = CurrencyTable.standard.currencies
        for seed in UInt64(100)..<164 {
            var random = SplitMix64(seed: seed)
            for _ in 0..<200 {
                let currency = currencies[Int(random.next() % UInt64(currencies.count))]
                let wholeDigits = Int(random.next() % 15) + 1
                var text = random.next() % 2 == 0 ? "" : "-"
                var whole = String(Int(random.next() % 9) + 1)
                for _ in 1..<wholeDigits { whole += String(random.next() % 10) }
                if random.next() % 5 == 0 { whole = "0" }
                text += whole
                if currency.minorUnitDigits > 0 {
                    text += "."
                    for _ in 0..<currency.minorUnitDigits { text += String(random.next() % 10) }
                }
                let money = try Money(parsing: text, currency: currency)
                let expected = text == "-0" || text.hasPrefix("-0") && money.isZero ? String(text.dropFirst()) : text
                #expect(money.formatted() == expected, "seed \(seed): \(text) \(currency.code)")
            }
        }
    }

    @Test("the library's money code never mentions a floating-point type")
    func noFloatingPoint() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/IntegrationPatterns/Payments").standardized
        var checked = 0
        for folder in ["Money", "Stripe", "Refunds"] {
            let url = directory.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".swift") {
                let source = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                let text = source.split(separator: "\n").filter {
                    !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                }.joined(separator: "\n")
                for word in ["Double", "Float", "Float80", "Decimal", "NSDecimalNumber", "NSNumber", "CGFloat"] {
                    let pattern = try Regex("\\b\(word)\\b")
                    #expect(!text.contains(pattern), "\(folder)/\(name) mentions \(word)")
                }
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test("arithmetic stays in one currency and reports overflow")
    func arithmetic() throws {
        let a = Money(minorUnits: 4_000_000, currency: cop)
        let b = Money(minorUnits: 6_000_000, currency: cop)
        #expect(try a.adding(b) == Money(minorUnits: 10_000_000, currency: cop))
        #expect(try a.subtracting(b).minorUnits == -2_000_000)
        #expect(try a.isLess(than: b))
        let mismatch = try #require(throws: MoneyError.self) { try a.adding(Money(minorUnits: 1, currency: usd)) }
        #expect(mismatch.code == .currencyMismatch)
        #expect(throws: MoneyError.self) {
            try Money(minorUnits: .max, currency: usd).adding(Money(minorUnits: 1, currency: usd))
        }
        #expect(Money(minorUnits: 15_000_050, currency: cop).wholeMajorUnits == 150_000)
        #expect(Money(minorUnits: 15_000_050, currency: cop).fractionalMinorUnits == 50)
    }

    @Test("Money is Codable without losing a digit")
    func codable() throws {
        let money = Money(minorUnits: 9_007_199_254_740_993, currency: jpy)
        let data = try JSONEncoder().encode(money)
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
    }
}
