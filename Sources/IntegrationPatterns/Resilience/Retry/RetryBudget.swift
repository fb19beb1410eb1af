internal import Synchronization

/// A token bucket shared by every caller of a dependency, so retries stop when failure is widespread.
///
/// The AWS SDK's standard retry mode, with its numbers as defaults (aws-sdk-js-v3
/// `packages/middleware-retry/src/constants.ts`, `defaultRetryQuota.ts`): the bucket starts full with
/// 500 tokens; a retry takes 5, a retry after a timeout 10; a call that succeeds first time puts back 1,
/// and one that succeeds after retrying puts back what its last retry took; the bucket never holds more
/// than it started with. A full bucket pays for 100 retries (50 after timeouts) in a bad stretch; then
/// callers fail on their first error until successes earn retries back.
public final class RetryBudget: Sendable {
    /// The numbers of a budget.
    public struct Configuration: Sendable, Hashable {
        /// Tokens in a full bucket (and at the start): 500.
        public var capacity: Int
        /// Tokens a retry takes: 5.
        public var retryCost: Int
        /// Tokens a retry after a timeout takes: 10.
        public var timeoutRetryCost: Int
        /// Tokens a first-time success puts back: 1.
        public var successRefund: Int

        /// Creates a configuration; the defaults are the AWS SDK's.
        public init(capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, successRefund: Int = 1) {
            self.capacity = max(0, capacity)
            self.retryCost = max(0, retryCost)
            self.timeoutRetryCost = max(0, timeoutRetryCost)
            self.successRefund = max(0, successRefund)
        }
    }

    /// The numbers this budget runs with.
    public let configuration: Configuration
    private let tokens: Mutex<Int>

    /// Creates a full budget.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        tokens = Mutex(configuration.capacity)
    }

    /// Tokens left.
    public var availableTokens: Int { tokens.withLock { $0 } }

    /// Takes the tokens for one retry after an error of `classification`; returns how many it took, or
    /// `nil` (taking nothing) when there are not enough: do not retry.
    public func withdraw(for classification: ErrorClassifier.Classification) -> Int? {
        let cost = classification == .timeout ? configuration.timeoutRetryCost : configuration.retryCost
        return tokens.withLock { tokens -> Int? in
            guard cost <= tokens else { return nil }
            tokens -= cost
            return cost
        }
    }

    /// Records a success: puts back `lastRetryCost` (what the last retry of this call took), or
    /// ``Configuration/successRefund`` when the call needed no retry; never above capacity.
    public func recordSuccess(lastRetryCost: Int? = nil) {
        let refund = lastRetryCost ?? configuration.successRefund
        tokens.withLock { tokens in tokens = min(configuration.capacity, tokens + refund) }
    }
}
