import Foundation

/// The registered benchmark cases: name → body returning the JSON fields to print.
enum BenchmarkCases {
    typealias Case = @Sendable ([String]) async throws -> [String: Any]

    static let all: [String: Case] = [
        "noop": { _ in
            let operations = Measure.throughput(minimumDuration: .milliseconds(200)) { _ in }
            return ["ops_per_sec": operations]
        },
        "verify": WebhookBenchmarks.verify,
        "claim-complete": WebhookBenchmarks.claimComplete,
        "raw-hmac": WebhookBenchmarks.rawHMAC,
        "retry-breaker": RetryBreakerCase.run,
        "ical-parse": ICalBenchmarks.parse,
        "ical-reconcile": ICalBenchmarks.reconcile,
    ]
}

/// Timing helpers shared by the cases.
enum Measure {
    /// Runs `body` in batches until `minimumDuration` has passed; returns operations per second.
    static func throughput(minimumDuration: Duration = .seconds(1), batch: Int = 1000, _ body: (Int) throws -> Void)
        rethrows -> Double
    {
        let clock = ContinuousClock()
        var operations = 0
        let start = clock.now
        while clock.now - start < minimumDuration {
            for index in 0..<batch { try body(operations + index) }
            operations += batch
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(operations) / seconds
    }

    /// The async variant of ``throughput(minimumDuration:batch:_:)``.
    static func throughputAsync(
        minimumDuration: Duration = .seconds(1), batch: Int = 1000, _ body: (Int) async throws -> Void
    ) async rethrows -> Double {
        let clock = ContinuousClock()
        var operations = 0
        let start = clock.now
        while clock.now - start < minimumDuration {
            for index in 0..<batch { try await body(operations + index) }
            operations += batch
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(operations) / seconds
    }
}
