public import Foundation

/// The decisions of one retry sequence, without any waiting: feed it each failure and the time, get
/// back "retry after this delay" or "give up, for this reason".
///
/// ``Retrier`` is the async shell that sleeps and calls; a discrete-event simulation can drive this
/// directly, in simulated time. Times are durations since any fixed origin (the shell uses its clock's
/// start), so the machine never reads a clock itself.
public struct RetryStateMachine: Sendable {
    /// What to do after a failure.
    public enum Decision: Sendable, Equatable {
        /// Try again after `delay`.
        case retry(after: Duration)
        /// Stop and surface the error.
        case giveUp(RetryEvent.GiveUpReason)
    }

    /// The policy in force.
    public let policy: RetryPolicy
    /// Calls made so far (the one that just failed included).
    public private(set) var attempts = 0
    /// The classification of the last failure.
    public private(set) var lastClassification: ErrorClassifier.Classification?
    /// What the last retry took from the budget, to give back on success.
    public private(set) var lastRetryCost: Int?
    private let startedAt: Duration
    private var jitterState = Jitter.State()

    /// Starts a sequence at `startedAt` (the time of the first call).
    public init(policy: RetryPolicy, startedAt: Duration = .zero) {
        self.policy = policy
        self.startedAt = startedAt
    }

    /// Records that a call is starting; returns its number (1-based).
    public mutating func attemptStarted() -> Int {
        attempts += 1
        return attempts
    }

    /// Decides what follows a failed call.
    ///
    /// - Parameters:
    ///   - error: What the call threw.
    ///   - now: The time of the failure, on the same origin as `startedAt`.
    ///   - wallNow: Calendar time, to resolve a `Retry-After` HTTP date.
    ///   - budget: The shared retry budget, if any; tokens are taken only when the decision is to retry.
    public mutating func failed(
        with error: any Error, now: Duration, wallNow: Date, budget: RetryBudget? = nil,
        using generator: inout some RandomNumberGenerator
    ) -> Decision {
        if attempts == 0 { attempts = 1 }
        if let abort = policy.abortWhen, abort(error) { return .giveUp(.aborted) }
        let classification = policy.classifier.classify(error)
        lastClassification = classification
        guard classification.isRetryable else { return .giveUp(.permanent) }
        guard attempts < policy.maxAttempts else { return .giveUp(.attemptsExhausted) }
        var delay = policy.delay(forRetry: attempts - 1, state: &jitterState, using: &generator)
        if let hint = (error as? any RetryAfterProviding)?.retryAfter {
            let wait = hint.wait(from: wallNow)
            if wait > policy.retryAfterMaxWait { return .giveUp(.retryAfterTooLong) }
            delay = max(delay, wait)
        }
        if let maxElapsed = policy.maxElapsed, (now - startedAt) + delay >= maxElapsed {
            return .giveUp(.elapsedExhausted)
        }
        if let budget {
            guard let cost = budget.withdraw(for: classification) else { return .giveUp(.budgetExhausted) }
            lastRetryCost = cost
        }
        return .retry(after: delay)
    }

    /// Records the sequence's success: gives the budget back its refund.
    public func succeeded(budget: RetryBudget?) {
        budget?.recordSuccess(lastRetryCost: lastRetryCost)
    }
}
