/// Conversions between `Duration` and floating-point seconds, saturating instead of trapping.
///
/// Backoff arithmetic is done in `Double` seconds, where `2^n` can grow without bound; converting back
/// through ``duration(seconds:)`` clamps to ``ceiling`` so no attempt number can overflow a `Duration`.
enum DurationArithmetic {
    /// The longest delay this library ever computes: a day. A longer wait is a bug, not a backoff
    /// (Polly bounds its base delay to one day as well: docs/strategies/retry.md).
    static let ceiling: Duration = .seconds(86_400)

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration of `seconds`, clamped to `0...ceiling` (NaN becomes zero).
    static func duration(seconds: Double) -> Duration {
        guard seconds.isFinite else { return seconds > 0 ? ceiling : .zero }
        if seconds <= 0 { return .zero }
        if seconds >= Self.seconds(ceiling) { return ceiling }
        return .nanoseconds(Int64((seconds * 1e9).rounded(.up)))
    }

    /// Whole milliseconds in `duration`, rounded up.
    static func millisecondsRoundedUp(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let whole = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let rest = attoseconds % 1_000_000_000_000_000
        return rest > 0 ? whole + 1 : whole
    }

    /// Whole seconds in `duration`, rounded up (never negative).
    static func secondsRoundedUp(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        return attoseconds > 0 ? seconds + 1 : seconds
    }
}
