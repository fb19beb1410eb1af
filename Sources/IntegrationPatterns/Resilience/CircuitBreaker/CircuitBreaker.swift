/// Guards calls to one dependency: counts failures, opens to reject calls at once while the dependency
/// recovers, probes carefully, and closes again. The async shell around ``CircuitBreakerStateMachine``.
///
/// ```swift
/// let breaker = CircuitBreaker(name: "calendar-feed", policy: CircuitBreakerPolicy(trip: .consecutiveFailures(5)))
/// let feed = try await breaker.run { try await http.get(feedURL) }   // throws CircuitOpenError while open
/// ```
///
/// Which errors count as failures is `countsAsFailure`'s call; by default those ``ErrorClassifier``
/// calls transient or timeout, except a 429 (a request to slow down, for the rate limiter) and the
/// rejections of breakers and limiters. Errors that do not count pass through without being recorded,
/// and like Polly's, this breaker rethrows every error. State changes go to `onStateChange`.
public actor CircuitBreaker {
    /// The breaker's name, used in errors and events.
    public nonisolated let name: String
    /// The policy in force.
    public nonisolated let policy: CircuitBreakerPolicy
    private var machine: CircuitBreakerStateMachine
    private nonisolated let clock: ElapsedClock
    private nonisolated let wallClock: WallClock
    private nonisolated let countsAsFailure: @Sendable (any Error) -> Bool
    private nonisolated let onStateChange: (@Sendable (CircuitBreakerStateMachine.Transition) -> Void)?

    /// Creates a closed breaker, or one resumed from a saved snapshot.
    ///
    /// - Parameters:
    ///   - name: Names the dependency in errors and events.
    ///   - policy: When to open, for how long, and how to close.
    ///   - snapshot: A state saved by ``snapshot()``, to resume (elapsed wall time is taken off the break).
    ///   - clock: Measures breaks and slow calls (`ContinuousClock` by default; `ManualClock` in tests).
    ///   - wallClock: Calendar time, for snapshots.
    ///   - countsAsFailure: Which errors count against the dependency.
    ///   - onStateChange: Called on every transition.
    public init<C: Clock<Duration>>(
        name: String = "default", policy: CircuitBreakerPolicy = CircuitBreakerPolicy(),
        snapshot: CircuitBreakerStateMachine.Snapshot? = nil, clock: C = ContinuousClock(),
        wallClock: WallClock = .system,
        countsAsFailure: @escaping @Sendable (any Error) -> Bool = CircuitBreaker.defaultCountsAsFailure,
        onStateChange: (@Sendable (CircuitBreakerStateMachine.Transition) -> Void)? = nil
    ) {
        self.name = name
        self.policy = policy
        let elapsed = ElapsedClock(clock)
        self.clock = elapsed
        self.wallClock = wallClock
        self.countsAsFailure = countsAsFailure
        self.onStateChange = onStateChange
        if let snapshot {
            machine = CircuitBreakerStateMachine(
                policy: policy, snapshot: snapshot, now: elapsed.now(), wallNow: wallClock.now())
        } else {
            machine = CircuitBreakerStateMachine(policy: policy)
        }
    }

    /// The default failure rule: transient and timeout errors, except 429 and other breakers' and
    /// limiters' rejections.
    public static let defaultCountsAsFailure: @Sendable (any Error) -> Bool = { error in
        if error is CircuitOpenError || error is RateLimitExceeded { return false }
        if let status = error as? any HTTPStatusError, status.statusCode == 429 { return false }
        return ErrorClassifier.default.classify(error).isRetryable
    }

    /// The current state. An open breaker whose break is over reports open until the next call.
    public var state: CircuitBreakerStateMachine.State { machine.state }

    /// Runs `operation` if the breaker allows it, recording the outcome; throws ``CircuitOpenError``
    /// without calling when it does not.
    public func run<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        let permit = try acquire()
        do {
            let value = try await operation()
            record(.success, permit: permit)
            return value
        } catch {
            record(countsAsFailure(error) ? .failure : .ignored, permit: permit)
            throw error
        }
    }

    /// Asks for permission to call; record the outcome with ``record(_:permit:)``. For callers that
    /// cannot wrap the call in ``run(_:)``.
    public func acquire() throws -> CircuitBreakerStateMachine.Permit {
        let (decision, transition) = machine.acquire(now: clock.now())
        if let transition { onStateChange?(transition) }
        switch decision {
        case .allowed(let permit):
            return permit
        case .rejected(let retryAfter, let isolated):
            throw CircuitOpenError(name: name, retryAfter: retryAfter.map(RetryAfter.delay), isIsolated: isolated)
        }
    }

    /// Records the outcome of a call permitted by ``acquire()``.
    public func record(_ outcome: CircuitBreakerStateMachine.Outcome, permit: CircuitBreakerStateMachine.Permit) {
        if let transition = machine.record(outcome, permit: permit, now: clock.now()) { onStateChange?(transition) }
    }

    /// Holds the breaker open until ``close()``: for maintenance windows and outages known in advance.
    public func isolate() {
        if let transition = machine.isolate(now: clock.now()) { onStateChange?(transition) }
    }

    /// Closes the breaker by hand, forgetting its failures.
    public func close() {
        if let transition = machine.close(now: clock.now()) { onStateChange?(transition) }
    }

    /// The state as a value to save (as JSON) and pass back as `snapshot:` in another process.
    public func snapshot() -> CircuitBreakerStateMachine.Snapshot {
        machine.snapshot(now: clock.now(), wallNow: wallClock.now())
    }
}
