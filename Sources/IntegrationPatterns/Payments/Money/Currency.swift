/// A currency: its ISO 4217 alphabetic code, the number of digits of its minor unit, and its English name.
///
/// The exponent is ISO 4217's ("minor unit" column): 2 for USD and COP, 0 for JPY and ISK, 3 for KWD.
/// Payment providers sometimes disagree with ISO (Stripe sends ISK with two decimals and MGA with none);
/// those differences live in the provider's rules (``StripeCurrencyRules``), never here.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The upper-case alphabetic code: `COP`.
    public let code: String
    /// Digits after the decimal point in the minor unit (ISO 4217 exponent), 0 through 4.
    public let minorUnitDigits: Int
    /// The English name: `Colombian peso`.
    public let name: String

    /// Creates a currency that is not in a table (a new or private code); the code is upper-cased.
    ///
    /// - Throws: ``MoneyError`` with code `invalidCurrency` unless the code is three ASCII letters and the
    ///   exponent is 0 through 4 (the range ISO 4217 uses).
    public init(code: String, minorUnitDigits: Int, name: String) throws {
        let upper = code.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else {
            throw MoneyError(
                code: .invalidCurrency, message: "Invalid currency code '\(code)': expected three letters.")
        }
        guard (0...4).contains(minorUnitDigits) else {
            throw MoneyError(
                code: .invalidCurrency,
                message: "Invalid minor unit for \(upper): \(minorUnitDigits) digits (ISO 4217 uses 0 to 4).")
        }
        self.init(validatedCode: upper, minorUnitDigits: minorUnitDigits, name: name)
    }

    /// Looks a currency up by code (any case) in `table`.
    ///
    /// - Throws: ``MoneyError`` with code `unknownCurrency` when the table has no such code.
    public init(_ code: String, in table: CurrencyTable = .standard) throws {
        self = try table.currency(code)
    }

    init(validatedCode: String, minorUnitDigits: Int, name: String) {
        self.code = validatedCode
        self.minorUnitDigits = minorUnitDigits
        self.name = name
    }

    /// How many minor units make one major unit: 100 for COP, 1 for JPY, 1000 for KWD.
    public var minorUnitsPerMajorUnit: Int64 { Money.powerOfTen(minorUnitDigits) }

    public var description: String { code }
}
