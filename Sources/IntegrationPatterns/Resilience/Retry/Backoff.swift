internal import Foundation

/// How the base delay between attempts grows: constant, linear or exponential, with a cap.
///
/// With `n` the retry index from 0 (the wait before the second call is retry 0), `b` the base and `c`
/// the cap: constant `b`; linear `min(c, b·(n+1))`; exponential `min(c, b·factor^n)`, Polly's
/// `Constant`, `Linear` and `Exponential` (docs/strategies/retry.md). The arithmetic is done in floating
/// point and saturates at the cap (or at one day without one), so any `n`, even `Int.max`, is safe:
/// Polly had to fix an overflow at exponents of 1024 and above (issue #2163).
///
/// Jitter is applied to this capped value, never before the cap: see ``Jitter``.
public struct Backoff: Sendable, Hashable {
    /// The shape of the growth.
    public enum Kind: String, Sendable, Hashable, Codable {
        case constant, linear, exponential
    }

    /// The shape of the growth.
    public var kind: Kind
    /// The first delay.
    public var base: Duration
    /// The longest delay; `nil` means no cap (still bounded by one day).
    public var cap: Duration?
    /// The growth factor of ``Kind/exponential`` (2 by default).
    public var factor: Double

    /// Creates a backoff; prefer the static factories.
    public init(kind: Kind, base: Duration, cap: Duration? = nil, factor: Double = 2) {
        self.kind = kind
        self.base = base
        self.cap = cap
        self.factor = factor
    }

    /// The same delay before every retry.
    public static func constant(_ delay: Duration) -> Backoff {
        Backoff(kind: .constant, base: delay, cap: nil)
    }

    /// `base`, `2·base`, `3·base`… up to `cap`.
    public static func linear(base: Duration, cap: Duration? = nil) -> Backoff {
        Backoff(kind: .linear, base: base, cap: cap)
    }

    /// `base`, `base·factor`, `base·factor²`… up to `cap`.
    public static func exponential(base: Duration, cap: Duration? = nil, factor: Double = 2) -> Backoff {
        Backoff(kind: .exponential, base: base, cap: cap, factor: factor)
    }

    /// The longest delay this backoff produces: the cap, or one day.
    public var ceiling: Duration { min(cap ?? DurationArithmetic.ceiling, DurationArithmetic.ceiling) }

    /// The capped delay before retry `n` (0-based), without jitter.
    public func delay(forRetry n: Int) -> Duration {
        DurationArithmetic.duration(seconds: seconds(forRetry: n))
    }

    /// The capped delay before retry `n` in seconds.
    func seconds(forRetry n: Int) -> Double {
        let retry = Double(max(0, n))
        let base = DurationArithmetic.seconds(self.base)
        let raw: Double
        switch kind {
        case .constant: raw = base
        case .linear: raw = base * (retry + 1)
        case .exponential: raw = base * pow(factor, retry)
        }
        let ceiling = DurationArithmetic.seconds(self.ceiling)
        guard raw.isFinite else { return ceiling }
        return max(0, min(raw, ceiling))
    }
}
