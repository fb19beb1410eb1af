/// Retry, circuit breaker and timeouts composed in one call site, in the order the well-known libraries
/// document, outermost first:
///
/// overall timeout → retry → circuit breaker → attempt timeout → the call
///
/// (Microsoft's standard HTTP resilience pipeline: total timeout → retry → breaker → attempt timeout;
/// Failsafe: `Fallback(RetryPolicy(CircuitBreaker(Timeout(Supplier))))`; cockatiel: `wrap(retry,
/// breaker, timeout)`). The breaker inside the retry counts every attempt and, once open, makes the
/// next attempt fail in microseconds with a retry-after the retry honours; the attempt timeout turns
/// a hang into a failure the breaker can count; the overall timeout bounds everything by the caller's
/// deadline. Every stage is optional.
///
/// ```swift
/// let pipeline = ResiliencePipeline(
///     overallTimeout: .seconds(30),
///     retry: RetryPolicy(maxAttempts: 4, backoff: .exponential(base: .seconds(1), cap: .seconds(10))),
///     breaker: CircuitBreaker(name: "feed"),
///     attemptTimeout: .seconds(10))
/// let body = try await pipeline.run { try await http.get(feedURL) }
/// ```
public struct ResiliencePipeline: Sendable {
    /// The limit on the whole call, retries and waits included.
    public let overallTimeout: Duration?
    /// The retrier, when retrying.
    public let retrier: Retrier?
    /// The breaker the attempts go through.
    public let breaker: CircuitBreaker?
    /// The limit on each attempt.
    public let attemptTimeout: Duration?
    private let clock: ElapsedClock

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - overallTimeout: The caller's deadline for the whole call.
    ///   - retry: The retry policy; `nil` for a single attempt.
    ///   - budget: A retry budget shared with other callers of the dependency.
    ///   - breaker: The dependency's breaker, shared by every caller of it.
    ///   - attemptTimeout: The limit on one attempt.
    ///   - clock: Times the timeouts and retry waits (`ContinuousClock` by default).
    ///   - wallClock: Calendar time, for `Retry-After` dates.
    ///   - generator: The jitter's random source.
    ///   - onRetryEvent: Receives the retrier's events.
    public init<C: Clock<Duration>, G: RandomNumberGenerator & Sendable>(
        overallTimeout: Duration? = nil, retry: RetryPolicy? = RetryPolicy(), budget: RetryBudget? = nil,
        breaker: CircuitBreaker? = nil, attemptTimeout: Duration? = nil, clock: C = ContinuousClock(),
        wallClock: WallClock = .system, generator: G = SystemRandomNumberGenerator(),
        onRetryEvent: (@Sendable (RetryEvent) -> Void)? = nil
    ) {
        self.overallTimeout = overallTimeout
        self.retrier = retry.map {
            Retrier(
                policy: $0, budget: budget, clock: clock, wallClock: wallClock, generator: generator,
                onEvent: onRetryEvent)
        }
        self.breaker = breaker
        self.attemptTimeout = attemptTimeout
        self.clock = ElapsedClock(clock)
    }

    /// Runs `operation` through the stages; returns its result or throws the last error
    /// (``TimeoutError``, ``CircuitOpenError`` or the operation's own).
    public func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let attempt: @Sendable () async throws -> T = { [breaker, attemptTimeout, clock] in
            let guarded: @Sendable () async throws -> T = {
                guard let attemptTimeout else { return try await operation() }
                let deadline = clock.now() + attemptTimeout
                return try await raceAgainstTimeout(
                    attemptTimeout, sleep: { try await clock.sleep(until: deadline) }, operation: operation)
            }
            guard let breaker else { return try await guarded() }
            return try await breaker.run(guarded)
        }
        let retried: @Sendable () async throws -> T = { [retrier] in
            guard let retrier else { return try await attempt() }
            return try await retrier.run(attempt)
        }
        guard let overallTimeout else { return try await retried() }
        let deadline = clock.now() + overallTimeout
        return try await raceAgainstTimeout(
            overallTimeout, sleep: { [clock] in try await clock.sleep(until: deadline) }, operation: retried)
    }
}
