internal import Foundation

/// How a delay is randomised so that clients that failed together stop retrying together.
///
/// With `v` the capped backoff delay (``Backoff/delay(forRetry:)``), `b` the base, `c` the ceiling and
/// `U(x, y)` a uniform draw (formulas from AWS's "Exponential Backoff And Jitter" and its simulator, and
/// Polly's `RetryHelper`):
///
/// | jitter | delay |
/// |---|---|
/// | ``none`` | `v` |
/// | ``full`` | `U(0, v)` |
/// | ``equal`` | `v/2 + U(0, v/2)` |
/// | ``decorrelated`` | `min(c, U(b, 3·previous))`, previous starting at `b` (AWS) |
/// | ``decorrelatedV2`` | Polly's `DecorrelatedJitterBackoffV2`, capped at `c` |
/// | ``proportional(_:)`` | `v·(1 + U(−f, f))` |
///
/// The cap is applied to `v` before the jitter, so saturated clients stay spread over `[0, c)` instead of
/// all waiting exactly `c` (tenacity PR #703). The decorrelated kinds ignore the backoff's shape and use
/// only its base and ceiling, as their authors define them.
public struct Jitter: Sendable, Hashable {
    /// The kinds of jitter.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case none, full, equal, decorrelated, decorrelatedV2 = "decorrelated-v2", proportional
    }

    /// The kind.
    public var kind: Kind
    /// The spread of ``Kind/proportional``, as a fraction of the delay (Polly uses 0.25).
    public var factor: Double

    /// Creates a jitter; prefer the static members.
    public init(kind: Kind, factor: Double = 0.25) {
        self.kind = kind
        self.factor = factor
    }

    /// No randomness: every client waits the same.
    public static let none = Jitter(kind: .none)
    /// AWS's Full Jitter, `U(0, v)`: the fewest calls in the AWS experiment.
    public static let full = Jitter(kind: .full)
    /// AWS's Equal Jitter, `v/2 + U(0, v/2)`: never less than half the backoff.
    public static let equal = Jitter(kind: .equal)
    /// AWS's Decorrelated Jitter, `min(c, U(b, 3·previous))`: finishes soonest, with more calls.
    public static let decorrelated = Jitter(kind: .decorrelated)
    /// Polly's decorrelated jitter V2 (issue #530): the total waited by retry n has a median near `b·2^n`, with
    /// fewer spikes than AWS's formula.
    public static let decorrelatedV2 = Jitter(kind: .decorrelatedV2)
    /// `v·(1 + U(−f, f))`, Polly's jitter for constant and linear backoff (f = 0.25). May exceed the cap
    /// by the fraction `f`, by design: clamping would put the saturated clients back on one value.
    public static func proportional(_ factor: Double = 0.25) -> Jitter { Jitter(kind: .proportional, factor: factor) }

    /// What the decorrelated kinds remember between retries of one operation.
    public struct State: Sendable, Hashable {
        /// AWS decorrelated: the previous delay in seconds (`nil` before the first retry: the base).
        var previousSeconds: Double?
        /// Polly V2: the previous value of the formula.
        var previousFormula: Double = 0

        /// A fresh state, for the first retry of an operation.
        public init() {}
    }

    /// The delay before retry `n` (0-based) of an operation, given its backoff; updates `state`.
    public func delay(
        forRetry n: Int, backoff: Backoff, state: inout State, using generator: inout some RandomNumberGenerator
    ) -> Duration {
        DurationArithmetic.duration(seconds: seconds(forRetry: n, backoff: backoff, state: &state, using: &generator))
    }

    func seconds(
        forRetry n: Int, backoff: Backoff, state: inout State, using generator: inout some RandomNumberGenerator
    ) -> Double {
        let ceiling = DurationArithmetic.seconds(backoff.ceiling)
        let base = min(DurationArithmetic.seconds(backoff.base), ceiling)
        switch kind {
        case .none:
            return backoff.seconds(forRetry: n)
        case .full:
            return backoff.seconds(forRetry: n) * Double.random(in: 0..<1, using: &generator)
        case .equal:
            let value = backoff.seconds(forRetry: n)
            return value / 2 + value / 2 * Double.random(in: 0..<1, using: &generator)
        case .proportional:
            let value = backoff.seconds(forRetry: n)
            let spread = max(0, min(1, factor))
            return max(0, value * (1 + spread * (2 * Double.random(in: 0..<1, using: &generator) - 1)))
        case .decorrelated:
            // AWS simulator: sleep = min(cap, uniform(base, sleep * 3)), sleep starting at base.
            let previous = state.previousSeconds ?? base
            let upper = max(base, previous * 3)
            let drawn = base + (upper - base) * Double.random(in: 0..<1, using: &generator)
            let next = min(ceiling, drawn)
            state.previousSeconds = next
            return next
        case .decorrelatedV2:
            // Polly RetryHelper.DecorrelatedJitterBackoffV2: t = n + U(0,1); next = 2^t·tanh(√(4t));
            // delay = (next − prev)·(1/1.4)·base. Infinite past t ≈ 1024: return the ceiling.
            guard state.previousFormula.isFinite else { return ceiling }
            let t = Double(max(0, n)) + Double.random(in: 0..<1, using: &generator)
            let next = t > 1000 ? Double.infinity : pow(2, t) * tanh((4 * t).squareRoot())
            guard next.isFinite else {
                state.previousFormula = next
                return ceiling
            }
            let value = (next - state.previousFormula) * (1 / 1.4) * base
            state.previousFormula = next
            return max(0, min(ceiling, value))
        }
    }
}
