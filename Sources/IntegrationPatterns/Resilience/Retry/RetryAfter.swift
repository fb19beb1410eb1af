public import Foundation

/// The `Retry-After` HTTP header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
///
/// Whoever receives one treats it as a lower bound on the wait, rounded up so the next attempt never
/// fires early (dotnet/extensions#7001 reports a client retrying up to 11 ms before the stated time).
/// Whoever sends one rounds up to whole seconds for the same reason: see ``headerValue``.
public enum RetryAfter: Sendable, Hashable {
    /// Wait this long (delta-seconds in a header; any precision when a breaker or limiter says it).
    case delay(Duration)
    /// Come back at this instant (an HTTP date).
    case date(Date)

    /// Parses a header value: delta-seconds (`120`) or an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`),
    /// also the obsolete RFC 850 and asctime forms RFC 9110 asks recipients to accept; `nil` otherwise.
    public init?(headerValue: String) {
        let value = headerValue.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        if value.allSatisfy(\.isASCIIDigit) {
            // Huge values saturate rather than fail: the caller's maximum wait decides what to do with them.
            let seconds = Int64(value) ?? Int64.max
            self = .delay(.seconds(min(seconds, Int64(Int32.max))))
            return
        }
        for format in Self.dateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                self = .date(date)
                return
            }
        }
        return nil
    }

    /// Reads `Retry-After` from response headers; `nil` when absent or unreadable.
    public init?(headers: HTTPHeaders) {
        guard let value = headers["Retry-After"] else { return nil }
        self.init(headerValue: value)
    }

    /// A retry-after for `duration` from now.
    public init(after duration: Duration) {
        self = .delay(duration)
    }

    /// How long to wait from `now`: the delay itself, or the time until the date rounded up to whole
    /// seconds (a date 7.2 s away means 8 s). Never negative.
    public func wait(from now: Date) -> Duration {
        switch self {
        case .delay(let duration):
            return max(.zero, duration)
        case .date(let date):
            let seconds = date.timeIntervalSince(now)
            guard seconds > 0 else { return .zero }
            return .seconds(Int64(min(seconds, Double(Int32.max)).rounded(.up)))
        }
    }

    /// The value to send in a header: whole delta-seconds rounded up (0.12 s → `1`), or an IMF-fixdate.
    public var headerValue: String {
        switch self {
        case .delay(let duration):
            return String(DurationArithmetic.secondsRoundedUp(duration))
        case .date(let date):
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = Self.dateFormats[0]
            return formatter.string(from: date)
        }
    }

    /// IMF-fixdate first (the one to send), then the obsolete forms (RFC 9110 §5.6.7).
    private static let dateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss 'GMT'",
        "EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
