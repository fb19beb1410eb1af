public import Foundation

/// A day of the proleptic Gregorian calendar with no time and no zone: what an all-day iCal date means.
///
/// Availability is counted in nights, so dates are kept as dates. Parsing `VALUE=DATE` as UTC midnight
/// and converting it to a local zone shifts it by a day west of Greenwich, the classic iCal bug; a
/// `CalendarDay` cannot make that mistake. It is stored as days since 1970-01-01, so comparing,
/// hashing and stepping are integer operations, and `start..<end` is the range of nights of a stay.
public struct CalendarDay: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    /// Creates the day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a day from its parts; `nil` unless the date exists (year 1–9999, month 1–12, a real day).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDay.daysInMonth(year: year, month: month)
        else { return nil }
        daysSinceEpoch = CalendarDay.days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` or the iCal form `YYYYMMDD`; `nil` for anything else or a date that does not exist.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        let fields: [Range<Int>]
        if bytes.count == 8 {
            fields = [0..<4, 4..<6, 6..<8]
        } else if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            fields = [0..<4, 5..<7, 8..<10]
        } else {
            return nil
        }
        guard let year = CalendarDay.number(bytes[fields[0]]), let month = CalendarDay.number(bytes[fields[1]]),
            let day = CalendarDay.number(bytes[fields[2]])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day on which `date` falls in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        daysSinceEpoch = Int((Double(seconds) / 86_400).rounded(.down))
    }

    /// The year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        // Civil-from-days over 400-year eras of 146,097 days, with years starting on 1 March so the
        // leap day falls last.
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1–12.
    public var month: Int { components.month }
    /// The day of the month, 1–31.
    public var day: Int { components.day }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return CalendarDay.pad(year, 4) + "-" + CalendarDay.pad(month, 2) + "-" + CalendarDay.pad(day, 2)
    }

    /// `YYYYMMDD`, the iCal DATE form (RFC 5545 §3.3.4).
    public var basicFormat: String {
        let (year, month, day) = components
        return CalendarDay.pad(year, 4) + CalendarDay.pad(month, 2) + CalendarDay.pad(day, 2)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + count) }

    public func distance(to other: CalendarDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }
    public func advanced(by n: Int) -> CalendarDay { adding(days: n) }
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// The number of days in a month of a year.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days-from-civil, the inverse of ``components``.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension CalendarDay: Codable {
    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = day
    }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
