import Testing

@testable import IntegrationPatterns

@Suite("Webhook delivery simulation")
struct WebhookDeliverySimulationTests {
    static func run(_ guarantee: WebhookDeliverySimulation.Guarantee, deduplicates: Bool = true, seed: UInt64 = 7)
        async throws -> WebhookDeliverySimulation.Report
    {
        let configuration = WebhookDeliverySimulation.Configuration(
            events: 400, duplicateRate: 0.2, transientFailureRate: 0.1, permanentFailureRate: 0.02, crashRate: 0.05,
            guarantee: guarantee, deduplicates: deduplicates, seed: seed)
        return try await WebhookDeliverySimulation(configuration: configuration).run(
            deadLetters: RecordingDeadLetterQueue())
    }

    @Test("at-least-once with idempotency loses nothing and processes nothing twice", arguments: [1, 2, 3] as [UInt64])
    func atLeastOnce(seed: UInt64) async throws {
        let report = try await Self.run(.atLeastOnce, seed: seed)
        #expect(report.lost == 0)
        #expect(report.processedTwice == 0)
        #expect(report.processed + report.deadLettered == 400)
        #expect(report.deadLettered > 0)
        #expect(report.duplicatesSuppressed > 0)
        #expect(report.delivered > 400)
    }

    @Test("exactly-once (inbox and outbox) is effectively once: the same zero-loss, zero-double outcome")
    func exactlyOnce() async throws {
        let report = try await Self.run(.exactlyOnce)
        #expect(report.lost == 0)
        #expect(report.processedTwice == 0)
        #expect(report.processed + report.deadLettered == 400)
    }

    @Test("at-most-once shows its losses, never a double")
    func atMostOnce() async throws {
        let report = try await Self.run(.atMostOnce)
        #expect(report.lost > 0)
        #expect(report.processedTwice == 0)
        #expect(report.processed + report.deadLettered + report.lost == 400)
    }

    @Test("at-least-once without deduplication processes duplicates twice")
    func withoutDeduplication() async throws {
        let report = try await Self.run(.atLeastOnce, deduplicates: false)
        #expect(report.processedTwice > 0)
        #expect(report.lost == 0)
    }

    @Test("the same seed gives the same run")
    func deterministic() async throws {
        #expect(try await Self.run(.atLeastOnce, seed: 99) == (try await Self.run(.atLeastOnce, seed: 99)))
    }
}
