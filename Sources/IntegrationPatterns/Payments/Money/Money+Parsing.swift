extension Money {
    /// Parses a decimal amount in major units: `150000`, `10.50`, `-3.2`, `+7`.
    ///
    /// The rules, chosen so that nothing is ever rounded:
    /// - an optional sign, at least one digit, and optionally `.` followed by at least one digit;
    /// - no grouping separators, spaces inside, exponents or commas (`1,500` is refused, since it reads as
    ///   1.5 in half the world);
    /// - at most ``Currency/minorUnitDigits`` decimals, except that further digits may be zeros
    ///   (`10.500` USD is exactly 10.50 USD; `10.5` JPY is refused because JPY has no minor unit).
    ///
    /// Leading and trailing whitespace is ignored.
    ///
    /// - Throws: ``MoneyError`` with code `invalidAmount`, `tooManyDecimals` or `outOfRange`, naming the text.
    public init(parsing text: String, currency: Currency) throws {
        let trimmed = text.trimmingASCIIWhitespace()
        var bytes = Substring(trimmed).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let digitRange = UInt8(ascii: "0")...UInt8(ascii: "9")
        let whole = bytes.prefix { digitRange.contains($0) }
        var rest = bytes.dropFirst(whole.count)
        var fraction = rest.prefix(0)
        var hasPoint = false
        if rest.first == UInt8(ascii: ".") {
            hasPoint = true
            rest = rest.dropFirst()
            fraction = rest.prefix { digitRange.contains($0) }
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty, rest.isEmpty, !hasPoint || !fraction.isEmpty else {
            var message = "Invalid amount '\(text)': expected a decimal number such as 150000 or 10.50"
            if trimmed.contains(",") {
                message += ", with '.' as the decimal point and no thousands separators"
            }
            throw MoneyError(code: .invalidAmount, message: message + ".")
        }
        let digits = currency.minorUnitDigits
        if fraction.count > digits {
            let excess = fraction.dropFirst(digits)
            guard excess.allSatisfy({ $0 == UInt8(ascii: "0") }) else {
                let allowed: String
                switch digits {
                case 0: allowed = "\(currency.code) has no minor unit (ISO 4217 exponent 0): give a whole number"
                case 1: allowed = "\(currency.code) allows 1 decimal"
                default: allowed = "\(currency.code) allows \(digits) decimals"
                }
                throw MoneyError(
                    code: .tooManyDecimals,
                    message:
                        "Amount '\(text)' has \(fraction.count) decimal\(fraction.count == 1 ? "" : "s") but \(allowed); "
                        + "nothing is rounded.")
            }
            fraction = fraction.prefix(digits)
        }
        // Accumulate as a negative number so that Int64.min itself can be written.
        var value: Int64 = 0
        let outOfRange = MoneyError(
            code: .outOfRange,
            message: "Amount '\(text)' is too large for \(currency.code) (beyond 64-bit minor units).")
        func append(_ digit: UInt8) throws {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw outOfRange }
            value = next
        }
        for digit in whole { try append(digit) }
        for digit in fraction { try append(digit) }
        for _ in fraction.count..<digits { try append(UInt8(ascii: "0")) }
        if negative {
            self.init(minorUnits: value, currency: currency)
        } else {
            guard value != Int64.min else { throw outOfRange }
            self.init(minorUnits: -value, currency: currency)
        }
    }

    /// Parses an amount in major units in the currency named by `code`, looked up in `table`.
    ///
    /// - Throws: ``MoneyError`` for an unknown currency or a malformed amount.
    public init(parsing text: String, currencyCode code: String, in table: CurrencyTable = .standard) throws {
        try self.init(parsing: text, currency: table.currency(code))
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            slice.removeFirst()
        }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            slice.removeLast()
        }
        return String(slice)
    }
}
