import Foundation
import Synchronization
import Testing

@testable import IntegrationPatterns

@Suite("Structured logs and metrics")
struct ObservabilityTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
    }

    @Test("one JSON object per line, keys sorted, secrets redacted, levels filtered")
    func structuredLog() throws {
        let lines = Lines()
        let log = StructuredLog(minimumLevel: .info, clock: .fixed(Date(timeIntervalSince1970: 1_700_000_000.25))) {
            line in
            lines.lines.withLock { $0.append(line) }
        }
        log.info(
            "webhook.processed", ["key": "evt_1", "webhook_secret": "whsec_abc", "note": "line\nbreak \"quoted\""])
        log.debug("dropped")
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(line.hasPrefix("{\"event\":\"webhook.processed\",\"key\":\"evt_1\",\"level\":\"info\""))
        #expect(!line.contains("whsec_abc"))
        #expect(line.contains("\"webhook_secret\":\"[redacted]\""))
        #expect(line.contains("\"ts\":\"2023-11-14T22:13:20.250Z\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["note"] == "line\nbreak \"quoted\"")
    }

    @Test("counters, summaries and the Prometheus text")
    func metrics() {
        let metrics = IntegrationMetrics()
        metrics.increment("webhook_decisions_total", labels: ["decision": "processed"])
        metrics.increment("webhook_decisions_total", labels: ["decision": "processed"], by: 2)
        metrics.increment("webhook_decisions_total", labels: ["decision": "duplicate"])
        for value in 1...100 { metrics.observe("webhook_handle_seconds", seconds: Double(value) / 100) }
        #expect(metrics.counter("webhook_decisions_total", labels: ["decision": "processed"]) == 3)
        let summary = metrics.summary("webhook_handle_seconds")
        #expect(summary?.count == 100)
        #expect(summary?.p50 == 0.5)
        #expect(summary?.p99 == 0.99)
        let text = metrics.prometheusText()
        #expect(text.contains("# TYPE webhook_decisions_total counter\n"))
        #expect(text.contains("webhook_decisions_total{decision=\"processed\"} 3\n"))
        #expect(text.contains("webhook_handle_seconds{quantile=\"0.9\"} 0.9\n"))
        #expect(text.contains("webhook_handle_seconds_count 100\n"))
    }

    @Test("the webhook processor logs and counts every decision")
    func processorObservability() async throws {
        let lines = Lines()
        let metrics = IntegrationMetrics()
        let clock = TestWallClock()
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let processor = WebhookProcessor(
            verifier: try WebhookVerifier(scheme: .standardWebhooks, secrets: [secret], clock: clock.wallClock),
            store: InMemoryIdempotencyStore(clock: clock.wallClock), deadLetters: RecordingDeadLetterQueue(),
            alerts: RecordingAlertSink(),
            configuration: .init(
                source: "webhook:test", log: StructuredLog { line in lines.lines.withLock { $0.append(line) } },
                metrics: metrics),
            clock: clock.wallClock)
        let body = Array("{}".utf8)
        let headers = try WebhookSigner(scheme: .standardWebhooks, secret: secret).sign(
            body: body, id: "msg_9", timestamp: clock.now)
        for _ in 0..<2 { _ = await processor.handle(WebhookRequest(headers: headers, body: body)) { _ in nil } }
        _ = await processor.handle(WebhookRequest(headers: [:], body: body)) { _ in nil }
        #expect(
            metrics.counter("webhook_decisions_total", labels: ["source": "webhook:test", "decision": "processed"]) == 1
        )
        #expect(
            metrics.counter("webhook_decisions_total", labels: ["source": "webhook:test", "decision": "duplicate"]) == 1
        )
        #expect(
            metrics.counter("webhook_decisions_total", labels: ["source": "webhook:test", "decision": "rejected"]) == 1)
        #expect(metrics.summary("webhook_handle_seconds", labels: ["source": "webhook:test"])?.count == 1)
        #expect(lines.all.count == 3)
        #expect(lines.all[2].contains("\"reason\":\"missing_header\""))
        #expect(lines.all[0].contains("\"key\":\"msg_9\""))
    }
}
