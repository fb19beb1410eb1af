extension Money {
    /// The amount in major units with exactly the currency's decimals: `150000.00`, `-0.05`, `1000` (JPY).
    ///
    /// `groupingSeparator` splits the whole part in threes (`150,000.00`); the decimal point is always `.`.
    /// Without grouping, ``init(parsing:currency:)`` reads the text back to the same amount.
    public func formatted(groupingSeparator: String? = nil) -> String {
        let magnitude = minorUnits.magnitude
        let scale = UInt64(currency.minorUnitsPerMajorUnit)
        var whole = String(magnitude / scale)
        if let groupingSeparator, whole.count > 3 {
            var grouped = ""
            for (index, character) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { grouped += groupingSeparator }
                grouped.append(character)
            }
            whole = grouped
        }
        var text = minorUnits < 0 ? "-" + whole : whole
        if currency.minorUnitDigits > 0 {
            let fraction = String(magnitude % scale)
            text += "." + String(repeating: "0", count: currency.minorUnitDigits - fraction.count) + fraction
        }
        return text
    }

    /// The amount for people: grouped with `,`, followed by the code: `150,000.00 COP`.
    public var displayText: String { "\(formatted(groupingSeparator: ",")) \(currency.code)" }
}
