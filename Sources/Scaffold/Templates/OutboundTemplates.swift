internal import Advisor

/// Calls to the provider through the resilience pipeline, and (for two-way designs) the outbox that
/// sends local changes out.
struct OutboundTemplates {
    func client(_ context: TemplateContext) -> GeneratedFile {
        let provider = context.profile.name
        let name = context.answers.provider?.rawValue ?? "provider"
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// Every call to \#(provider)'s API goes through one pipeline, outermost first:
            /// overall timeout → retry (capped exponential backoff, full jitter, Retry-After honoured, a retry
            /// budget shared by all calls) → circuit breaker → attempt timeout.
            ///
            /// Report a non-2xx answer by throwing `HTTPResponseError(statusCode:headers:)`: 408, 429 and 5xx are
            /// retried (after Retry-After when sent), other 4xx are not. Keep one client per dependency and share it.
            public struct ProviderClient: Sendable {
                /// The pipeline the calls run in.
                public let pipeline: ResiliencePipeline
                /// The dependency's breaker (its state: `await client.breaker.snapshot()`).
                public let breaker: CircuitBreaker

                /// Creates the client; pass a `ManualClock` and a fast `retry` in tests.
                public init<C: Clock<Duration>>(
                    retry: RetryPolicy = RetryPolicy(maxAttempts: 4, backoff: .exponential(base: .seconds(1), cap: .seconds(20))),
                    budget: RetryBudget = RetryBudget(),
                    breakerPolicy: CircuitBreakerPolicy = CircuitBreakerPolicy(trip: .consecutiveFailures(5)),
                    overallTimeout: Duration = .seconds(60), attemptTimeout: Duration = .seconds(10),
                    clock: C = ContinuousClock()
                ) {
                    breaker = CircuitBreaker(name: "\#(name)", policy: breakerPolicy, clock: clock)
                    pipeline = ResiliencePipeline(
                        overallTimeout: overallTimeout, retry: retry, budget: budget, breaker: breaker,
                        attemptTimeout: attemptTimeout, clock: clock)
                }

                /// Runs one call through the pipeline.
                public func call<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
                    try await pipeline.run(operation)
                }
            }

            """#
        return GeneratedFile(path: "Sources/\(context.module)/ProviderClient.swift", contents: contents)
    }

    func publisher(_ context: TemplateContext) -> GeneratedFile {
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// Local changes going out: each is written to the outbox in the same transaction as the change itself,
            /// then published in order, at least once, by a relay; what fails 10 times is parked.
            ///
            /// Echo prevention: every change goes out with a key (`booking-42-v3`); when the other side reports a
            /// change with a key this system wrote, ``isEcho(changeKey:)`` says so and it is not applied again, so a
            /// change never loops. Messages also carry `X-Origin: \#(context.module)` for the other side's benefit.
            public struct ChangePublisher: Sendable {
                /// The origin this system stamps on what it sends.
                public static let origin = "\#(context.module)"

                /// The outbox, in the same database as your business tables.
                public let outbox: SQLiteOutbox
                private let relay: OutboxRelay

                /// Creates the publisher; `send` delivers one message to the other side (through ``ProviderClient``).
                public init(
                    database: SQLiteDatabase, deadLetters: SQLiteDeadLetterQueue, clock: WallClock = .system,
                    send: @escaping @Sendable (OutboxMessage) async throws -> Void
                ) throws {
                    outbox = try SQLiteOutbox(database: database, clock: clock)
                    relay = OutboxRelay(outbox: outbox, maxAttempts: 10, deadLetters: deadLetters, clock: clock, publish: send)
                }

                /// Records a change and its message in one transaction: `change` writes your tables.
                public func record(
                    topic: String, key: String, payload: [UInt8], change: (SQLiteConnection) throws -> Void
                ) throws {
                    try outbox.database.transaction { connection in
                        try change(connection)
                        try outbox.enqueue(topic: topic, key: key, payload: payload, headers: ["X-Origin": Self.origin], in: connection)
                    }
                }

                /// Publishes what is due; call it from a background loop (or `relay.run(every:)`).
                @discardableResult
                public func publishDue() async throws -> OutboxRelay.Report { try await relay.runOnce() }

                /// Whether a change reported by the other side is one this system sent.
                public func isEcho(changeKey: String) throws -> Bool {
                    try outbox.contains(key: changeKey)
                }
            }

            """#
        return GeneratedFile(path: "Sources/\(context.module)/ChangePublisher.swift", contents: contents)
    }
}
