/// Runs an async operation under a ``RetryPolicy``: classifies each failure, waits with backoff and
/// jitter (at least any `Retry-After`), respects the limits and the shared ``RetryBudget``, and reports
/// every retry and the outcome as a ``RetryEvent``.
///
/// The clock and the random generator are injected: tests pass a `ManualClock` and a seeded
/// `SplitMix64`, and never sleep. On failure the last error is rethrown unchanged, as Polly and
/// tenacity (`reraise=True`) do; ask ``RetryPolicy/classifier`` whether it was permanent.
///
/// ```swift
/// let retrier = Retrier(policy: RetryPolicy(maxAttempts: 5), budget: RetryBudget())
/// let invoice = try await retrier.run { try await billing.createInvoice(order) }
/// ```
public struct Retrier: Sendable {
    /// The policy in force.
    public let policy: RetryPolicy
    /// The budget shared with other retriers of the same dependency, if any.
    public let budget: RetryBudget?
    private let clock: ElapsedClock
    private let wallClock: WallClock
    private let random: SharedRandom
    private let onEvent: (@Sendable (RetryEvent) -> Void)?

    /// Creates a retrier.
    ///
    /// - Parameters:
    ///   - policy: When to retry and how long to wait.
    ///   - budget: A budget shared by the callers of one dependency, or `nil` for none.
    ///   - clock: The clock waits are measured and slept on (`ContinuousClock` by default).
    ///   - wallClock: Calendar time, for `Retry-After` HTTP dates.
    ///   - generator: The random source of the jitter (the system's by default; seeded in tests).
    ///   - onEvent: Called for every retry scheduled, give-up and success.
    public init<C: Clock<Duration>, G: RandomNumberGenerator & Sendable>(
        policy: RetryPolicy = RetryPolicy(), budget: RetryBudget? = nil, clock: C = ContinuousClock(),
        wallClock: WallClock = .system, generator: G = SystemRandomNumberGenerator(),
        onEvent: (@Sendable (RetryEvent) -> Void)? = nil
    ) {
        self.policy = policy
        self.budget = budget
        self.clock = ElapsedClock(clock)
        self.wallClock = wallClock
        self.random = SharedRandom(generator)
        self.onEvent = onEvent
    }

    /// Runs `operation`, retrying it as the policy allows; returns its first success or rethrows its
    /// last error. Cancellation ends the sequence at once (cancelling a wait as well).
    public func run<T>(_ operation: () async throws -> T) async throws -> T {
        var machine = RetryStateMachine(policy: policy, startedAt: clock.now())
        while true {
            let attempt = machine.attemptStarted()
            do {
                let value = try await operation()
                machine.succeeded(budget: budget)
                onEvent?(.succeeded(attempts: attempt))
                return value
            } catch {
                if error is CancellationError || Task.isCancelled { throw error }
                let now = clock.now()
                let decision = random.withGenerator { generator in
                    machine.failed(with: error, now: now, wallNow: wallClock.now(), budget: budget, using: &generator)
                }
                switch decision {
                case .retry(let delay):
                    onEvent?(
                        .retryScheduled(
                            attempt: attempt, delay: delay, error: error,
                            classification: machine.lastClassification ?? .transient))
                    try await clock.sleep(for: delay)
                case .giveUp(let reason):
                    onEvent?(.gaveUp(attempts: attempt, reason: reason, error: error))
                    throw error
                }
            }
        }
    }
}
