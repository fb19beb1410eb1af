import IntegrationPatterns
import Testing

@Suite("CurrencyTable: ISO 4217 minor units")
struct CurrencyTableTests {
    @Test(
        "ISO 4217 exponents for the currencies that differ from 2",
        arguments: [
            ("BIF", 0), ("CLP", 0), ("DJF", 0), ("GNF", 0), ("ISK", 0), ("JPY", 0), ("KMF", 0), ("KRW", 0), ("PYG", 0),
            ("RWF", 0), ("UGX", 0), ("UYI", 0), ("VND", 0), ("VUV", 0), ("XAF", 0), ("XOF", 0), ("XPF", 0),
            ("BHD", 3), ("IQD", 3), ("JOD", 3), ("KWD", 3), ("LYD", 3), ("OMR", 3), ("TND", 3),
            ("CLF", 4), ("UYW", 4),
        ])
    func exceptions(code: String, digits: Int) throws {
        #expect(try Currency(code).minorUnitDigits == digits)
    }

    @Test(
        "COP, HUF, TWD, IDR and MGA have two decimals in ISO 4217, whatever providers do with them",
        arguments: ["COP", "HUF", "TWD", "IDR", "MGA", "USD", "EUR", "MXN", "BRL", "INR"])
    func twoDecimals(code: String) throws {
        #expect(try Currency(code).minorUnitDigits == 2)
    }

    @Test("every other currency in the table has two decimals")
    func everyOther() {
        let exceptions: Set = [
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF",
            "XOF", "XPF", "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND", "CLF", "UYW",
        ]
        let table = CurrencyTable.standard.currencies
        #expect(table.count >= 140)
        for currency in table where !exceptions.contains(currency.code) {
            #expect(currency.minorUnitDigits == 2, "\(currency.code)")
        }
        #expect(table.map(\.code) == table.map(\.code).sorted())
    }

    @Test("lookups ignore case; an unknown code is an error that names it")
    func lookup() throws {
        #expect(try Currency("cop") == Currency("COP"))
        #expect(CurrencyTable.standard["Jpy"]?.name == "Japanese yen")
        let error = try #require(throws: MoneyError.self) { try Currency("XYZ") }
        #expect(error.code == .unknownCurrency)
        #expect(error.message == "Unknown currency 'XYZ': not in the currency table.")
    }

    @Test("custom currencies are validated and can be added to a table")
    func custom() throws {
        let points = try Currency(code: "xpt", minorUnitDigits: 1, name: "Loyalty point")
        #expect(points.code == "XPT")
        let table = CurrencyTable.standard.adding(points)
        #expect(try table.currency("XPT").minorUnitDigits == 1)
        #expect(try Money(parsing: "2.5", currency: points).minorUnits == 25)
        #expect(throws: MoneyError.self) { try Currency(code: "US", minorUnitDigits: 2, name: "") }
        #expect(throws: MoneyError.self) { try Currency(code: "U$D", minorUnitDigits: 2, name: "") }
        #expect(throws: MoneyError.self) { try Currency(code: "ABC", minorUnitDigits: 5, name: "") }
    }
}
