/// The logic of a circuit breaker as a pure value: ask it for permission, tell it outcomes, pass the
/// time in; it returns decisions and state transitions and never reads a clock or sleeps.
///
/// | state | calls | leaves when |
/// |---|---|---|
/// | closed | pass; outcomes recorded | the policy trips → open |
/// | open | rejected with the time left | the break ends → half-open (on the next call) |
/// | half-open | up to `probes` in flight | `successThreshold` successes → closed; a failure → open |
/// | isolated | rejected | ``close(now:)`` |
///
/// Times are durations since a fixed origin of the caller's choosing (``CircuitBreaker`` uses its clock's
/// start). Every transition starts a new generation; an outcome whose permit belongs to an older one
/// (a call admitted before the breaker opened, say) is ignored, so late results never count twice.
public struct CircuitBreakerStateMachine: Sendable {
    /// The breaker's states (Polly's Closed, Open, HalfOpen, Isolated).
    public enum State: String, Sendable, Hashable, Codable {
        case closed, open, halfOpen = "half_open", isolated
    }

    /// Permission to make one call; hand it back with the outcome.
    public struct Permit: Sendable, Hashable {
        /// The generation it was issued in.
        public let generation: UInt64
        /// Whether it is a half-open probe.
        public let isProbe: Bool
        /// When the call started.
        public let startedAt: Duration
    }

    /// The answer to a request for permission.
    public enum Decision: Sendable, Hashable {
        /// Make the call, then report its outcome with this permit.
        case allowed(Permit)
        /// Do not call; `retryAfter` is the time left in the break (`nil` when isolated or while
        /// half-open probes are in flight).
        case rejected(retryAfter: Duration?, isolated: Bool)
    }

    /// What a call's result means to the breaker.
    public enum Outcome: String, Sendable, Hashable {
        /// The dependency answered well.
        case success
        /// The dependency failed (timeouts, connection errors, 5xx).
        case failure
        /// Says nothing about the dependency's health (a 404 for a bad id, a cancellation): not counted,
        /// but a probe's slot is released.
        case ignored
    }

    /// A change of state, for logs, metrics and alerts.
    public struct Transition: Sendable, Hashable {
        /// The state before.
        public var from: State
        /// The state after.
        public var to: State
        /// When it happened.
        public var at: Duration
        /// For a transition to open: how long the break lasts.
        public var breakDuration: Duration?

        /// Creates a transition.
        public init(from: State, to: State, at: Duration, breakDuration: Duration? = nil) {
            self.from = from
            self.to = to
            self.at = at
            self.breakDuration = breakDuration
        }
    }

    /// The policy in force.
    public let policy: CircuitBreakerPolicy
    /// The current state (``State/open`` until a call arrives after the break, then half-open).
    public internal(set) var state: State = .closed
    /// Failures in a row while closed.
    public internal(set) var consecutiveFailures = 0
    /// Openings since the breaker last closed (drives a growing break).
    public internal(set) var consecutiveOpenings = 0
    private var generation: UInt64 = 0
    var window: CircuitBreakerWindow?
    var openUntil: Duration = .zero
    private var probesInFlight = 0
    private var probeSuccesses = 0

    /// A closed breaker.
    public init(policy: CircuitBreakerPolicy) {
        self.policy = policy
        if case .failureRatio(let ratio) = policy.trip { window = CircuitBreakerWindow(ratio.window) }
    }

    /// Failures and calls in the ratio window (zeros for a consecutive-failure policy).
    public var windowCounts: (calls: Int, failures: Int) { (window?.calls ?? 0, window?.failures ?? 0) }

    /// The time left in the break at `now`, when open.
    public func remainingBreak(now: Duration) -> Duration? {
        state == .open ? max(.zero, openUntil - now) : nil
    }

    /// Asks to make a call at `now`. An open breaker whose break has ended turns half-open here.
    public mutating func acquire(now: Duration) -> (decision: Decision, transition: Transition?) {
        var transition: Transition?
        switch state {
        case .closed:
            return (.allowed(Permit(generation: generation, isProbe: false, startedAt: now)), nil)
        case .isolated:
            return (.rejected(retryAfter: nil, isolated: true), nil)
        case .open:
            guard now >= openUntil else { return (.rejected(retryAfter: openUntil - now, isolated: false), nil) }
            transition = move(to: .halfOpen, now: now)
        case .halfOpen:
            break
        }
        guard probesInFlight < policy.halfOpen.probes else {
            return (.rejected(retryAfter: nil, isolated: false), transition)
        }
        probesInFlight += 1
        return (.allowed(Permit(generation: generation, isProbe: true, startedAt: now)), transition)
    }

    /// Reports the outcome of a permitted call that ended at `now`; returns the transition it caused.
    public mutating func record(_ outcome: Outcome, permit: Permit, now: Duration) -> Transition? {
        guard permit.generation == generation else { return nil }
        var outcome = outcome
        if outcome == .success, let slow = policy.slowCallThreshold, now - permit.startedAt >= slow {
            outcome = .failure
        }
        switch state {
        case .closed:
            guard outcome != .ignored else { return nil }
            let failed = outcome == .failure
            consecutiveFailures = failed ? consecutiveFailures + 1 : 0
            window?.record(failure: failed, now: now)
            return shouldTrip(now: now) ? move(to: .open, now: now) : nil
        case .halfOpen:
            guard permit.isProbe else { return nil }
            probesInFlight = max(0, probesInFlight - 1)
            switch outcome {
            case .ignored:
                return nil
            case .failure:
                return move(to: .open, now: now)
            case .success:
                probeSuccesses += 1
                return probeSuccesses >= policy.halfOpen.successThreshold ? move(to: .closed, now: now) : nil
            }
        case .open, .isolated:
            return nil
        }
    }

    /// Holds the breaker open until ``close(now:)`` (Polly's `IsolateAsync`, resilience4j's FORCED_OPEN).
    public mutating func isolate(now: Duration) -> Transition? {
        state == .isolated ? nil : move(to: .isolated, now: now)
    }

    /// Closes the breaker by hand and forgets its history (Polly's `CloseAsync`).
    public mutating func close(now: Duration) -> Transition? {
        state == .closed ? nil : move(to: .closed, now: now)
    }

    private func shouldTrip(now: Duration) -> Bool {
        switch policy.trip {
        case .consecutiveFailures(let count):
            return consecutiveFailures >= max(1, count)
        case .failureRatio(let ratio):
            guard let window, window.calls >= ratio.minimumThroughput else { return false }
            return Double(window.failures) / Double(window.calls) >= ratio.threshold
        }
    }

    private mutating func move(to next: State, now: Duration) -> Transition {
        let previous = state
        state = next
        generation &+= 1
        probesInFlight = 0
        probeSuccesses = 0
        var breakDuration: Duration?
        switch next {
        case .open:
            let duration = policy.breakDuration.duration(forOpening: consecutiveOpenings)
            consecutiveOpenings += 1
            openUntil = now + duration
            breakDuration = duration
        case .closed:
            consecutiveFailures = 0
            consecutiveOpenings = 0
            window?.reset()
        case .halfOpen, .isolated:
            break
        }
        return Transition(from: previous, to: next, at: now, breakDuration: breakDuration)
    }
}
