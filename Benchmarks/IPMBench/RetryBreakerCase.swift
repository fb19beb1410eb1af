import IntegrationPatterns

/// Retry + circuit breaker around a no-op call: the per-call overhead of the resilience layer when the
/// dependency is healthy (the common case), as tenacity + pybreaker measure it in Python.
enum RetryBreakerCase {
    static let run: BenchmarkCases.Case = { _ in
        let breaker = CircuitBreaker(name: "bench", policy: CircuitBreakerPolicy(trip: .consecutiveFailures(5)))
        let retrier = Retrier(
            policy: RetryPolicy(maxAttempts: 3, backoff: .exponential(base: .milliseconds(100), cap: .seconds(10))),
            budget: RetryBudget())
        var sink = 0
        let operations = try await Measure.throughputAsync(minimumDuration: .seconds(1)) { index in
            sink &+= try await retrier.run { try await breaker.run { index } }
        }
        return ["ops_per_sec": operations, "ns_per_call": 1e9 / operations, "checksum": sink & 1]
    }
}
