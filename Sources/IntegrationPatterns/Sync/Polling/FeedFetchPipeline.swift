internal import Foundation

/// The network side of one poll: the host's rate limit, then the retries, each attempt raced against the
/// timeout and classified. ``FeedPoller`` wraps it in the feed's circuit breaker.
///
/// The order is the one the resilience libraries document (Microsoft's standard pipeline: retry, then
/// the per-attempt timeout), with the rate limit inside the retry so that every request, retries
/// included, takes a permit from its host. `file:` URLs have no host: they are read once, unguarded.
struct FeedFetchPipeline<C: Clock<Duration>>: Sendable {
    /// What one poll brought, and how many requests it made.
    struct Result: Sendable {
        var outcome: PollOutcome
        var requests: Int
    }

    let fetcher: any FeedFetcher
    let clock: C
    let wallClock: WallClock
    let timeout: Duration
    let retrier: Retrier?
    let limiter: RateLimiter<TokenBucket>?

    /// Fetches `request` under the limit and the retry policy; never throws: every failure is a
    /// ``FeedFailure`` in the outcome.
    func fetch(_ request: FeedRequest) async -> Result {
        let host = request.url.isFileURL ? nil : request.url.host?.lowercased()
        var requests = 0
        let attempt = { () async throws -> PollOutcome in
            if let limiter, let host { try await limiter.acquire(key: host) }
            requests += 1
            let outcome = await single(request)
            if case .failed(let failure) = outcome { throw failure }
            return outcome
        }
        do {
            let outcome: PollOutcome
            if let retrier, host != nil {
                outcome = try await retrier.run(attempt)
            } else {
                outcome = try await attempt()
            }
            return Result(outcome: outcome, requests: requests)
        } catch let failure as FeedFailure {
            return Result(outcome: .failed(failure), requests: requests)
        } catch let refusal as RateLimitExceeded {
            let wait = limiter?.maxWait ?? .zero
            let failure = FeedFailure(
                kind: .rateLimited,
                message: "not fetched: the host's rate limit had no request to spare within \(wait)",
                isTransient: true, retryAfter: refusal.retryAfter)
            return Result(outcome: .failed(failure), requests: requests)
        } catch {
            let message = error is CancellationError ? "the poll was cancelled" : "the request failed"
            return Result(
                outcome: .failed(FeedFailure(kind: .transport, message: message, isTransient: true)), requests: requests
            )
        }
    }

    /// One request, bounded by the timeout, classified.
    private func single(_ request: FeedRequest) async -> PollOutcome {
        do {
            let response = try await timed(request)
            return FeedPoller<C>.classify(response, at: wallClock.now())
        } catch let error as FeedFetchError {
            switch error.code {
            case .timeout:
                return .failed(FeedFailure(kind: .timeout, message: "no answer within \(timeout)", isTransient: true))
            case .file, .unsupportedURL, .unavailable:
                return .failed(FeedFailure(kind: .unreadable, message: error.message, isTransient: false))
            default:
                return .failed(FeedFailure(kind: .transport, message: error.message, isTransient: true))
            }
        } catch is CancellationError {
            return .failed(FeedFailure(kind: .transport, message: "the poll was cancelled", isTransient: true))
        } catch {
            return .failed(FeedFailure(kind: .transport, message: "the request failed", isTransient: true))
        }
    }

    /// The fetch raced against the timeout on the poller's clock.
    private func timed(_ request: FeedRequest) async throws -> FeedResponse {
        let fetcher = self.fetcher
        let clock = self.clock
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: FeedResponse?.self) { group in
            group.addTask { try await fetcher.fetch(request) }
            group.addTask {
                try await clock.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw FeedFetchError(code: .timeout, message: "no answer within the timeout")
            }
            return response
        }
    }
}
