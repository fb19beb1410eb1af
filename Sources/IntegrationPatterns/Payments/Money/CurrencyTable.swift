/// A set of currencies looked up by code, without regard to case.
///
/// ``standard`` carries the ISO 4217 exponents of every currency Stripe lists for presentment plus a few
/// common ones it does not (IQD, LYD, CLF…); ``adding(_:)`` extends a table with private or new codes.
public struct CurrencyTable: Sendable {
    private let byCode: [String: Currency]

    /// Creates a table; a later entry with the same code replaces an earlier one.
    public init(_ currencies: [Currency]) {
        var byCode: [String: Currency] = [:]
        for currency in currencies { byCode[currency.code] = currency }
        self.byCode = byCode
    }

    /// Every currency, sorted by code.
    public var currencies: [Currency] { byCode.values.sorted { $0.code < $1.code } }

    /// The currency with this code (any case), or `nil`.
    public subscript(code: String) -> Currency? { byCode[code.uppercased()] }

    /// The currency with this code (any case).
    ///
    /// - Throws: ``MoneyError`` with code `unknownCurrency`, naming the code.
    public func currency(_ code: String) throws -> Currency {
        if let currency = self[code] { return currency }
        throw MoneyError(code: .unknownCurrency, message: "Unknown currency '\(code)': not in the currency table.")
    }

    /// A copy of the table with `currency` added (or replacing the entry with its code).
    public func adding(_ currency: Currency) -> CurrencyTable {
        var byCode = self.byCode
        byCode[currency.code] = currency
        return CurrencyTable(Array(byCode.values))
    }
}
