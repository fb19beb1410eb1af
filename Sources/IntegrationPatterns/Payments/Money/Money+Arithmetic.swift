extension Money {
    /// The sum of two amounts in the same currency.
    ///
    /// - Throws: ``MoneyError`` with code `currencyMismatch` or `outOfRange`.
    public func adding(_ other: Money) throws -> Money {
        try sameCurrency(other, "add")
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw rangeError("\(self) + \(other)") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The difference of two amounts in the same currency.
    ///
    /// - Throws: ``MoneyError`` with code `currencyMismatch` or `outOfRange`.
    public func subtracting(_ other: Money) throws -> Money {
        try sameCurrency(other, "subtract")
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw rangeError("\(self) - \(other)") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// Whether this amount is less than `other`, in the same currency.
    ///
    /// - Throws: ``MoneyError`` with code `currencyMismatch`.
    public func isLess(than other: Money) throws -> Bool {
        try sameCurrency(other, "compare")
        return minorUnits < other.minorUnits
    }

    private func sameCurrency(_ other: Money, _ verb: String) throws {
        guard currency.code == other.currency.code else {
            throw MoneyError(
                code: .currencyMismatch,
                message: "Cannot \(verb) \(other.currency.code) and \(currency.code) amounts: convert one first.")
        }
    }

    private func rangeError(_ expression: String) -> MoneyError {
        MoneyError(code: .outOfRange, message: "\(expression) does not fit in 64-bit minor units.")
    }
}
