/// An amount of money: a whole number of the currency's minor units, never a floating-point value.
///
/// `Money(minorUnits: 15_000_000, currency: cop)` is 150,000.00 COP. Parsing (``init(parsing:currency:)``)
/// and formatting (``formatted(groupingSeparator:)``) work digit by digit on integers, so an amount read
/// from text and written back is the same text, and no amount ever passes through `Double`.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in minor units of ``currency`` (ISO 4217 exponent): cents for USD and COP, yen for JPY.
    public let minorUnits: Int64
    /// The currency.
    public let currency: Currency

    /// Creates an amount from a count of minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Whether the amount is zero.
    public var isZero: Bool { minorUnits == 0 }
    /// Whether the amount is below zero.
    public var isNegative: Bool { minorUnits < 0 }
    /// Whether the amount is above zero.
    public var isPositive: Bool { minorUnits > 0 }

    /// The whole major units, truncated toward zero: 150000 for 150,000.50 COP.
    public var wholeMajorUnits: Int64 { minorUnits / currency.minorUnitsPerMajorUnit }

    /// The minor units beyond the whole major units, with the amount's sign: 50 for 150,000.50 COP.
    public var fractionalMinorUnits: Int64 { minorUnits % currency.minorUnitsPerMajorUnit }

    /// The amount and code, without grouping: `150000.00 COP`.
    public var description: String { "\(formatted()) \(currency.code)" }

    /// 10 to the power `exponent` (0…18).
    static func powerOfTen(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
