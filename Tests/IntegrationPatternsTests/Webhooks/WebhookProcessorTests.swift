import Foundation
import Synchronization
import Testing

@testable import IntegrationPatterns

/// The processor's decision table.
@Suite("Webhook processor")
struct WebhookProcessorTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    struct Fixture {
        let clock = TestWallClock()
        let store: InMemoryIdempotencyStore
        let deadLetters = RecordingDeadLetterQueue()
        let alerts = RecordingAlertSink()
        let processor: WebhookProcessor

        init(store: (any IdempotencyStore)? = nil) throws {
            let memory = InMemoryIdempotencyStore(clock: clock.wallClock)
            self.store = memory
            let verifier = try WebhookVerifier(
                scheme: .standardWebhooks, secrets: [WebhookProcessorTests.secret], clock: clock.wallClock)
            processor = WebhookProcessor(
                verifier: verifier, store: store ?? memory, deadLetters: deadLetters, alerts: alerts,
                configuration: .init(lease: .seconds(60), source: "webhook:test"), clock: clock.wallClock)
        }

        func request(id: String = "msg_1", body: String = #"{"type":"invoice.paid"}"#, method: String = "POST") throws
            -> WebhookRequest
        {
            let headers = try WebhookSigner(scheme: .standardWebhooks, secret: WebhookProcessorTests.secret)
                .sign(body: Array(body.utf8), id: id, timestamp: clock.now)
            return WebhookRequest(method: method, path: "/webhooks", headers: headers, body: Array(body.utf8))
        }
    }

    /// Counts handler calls across tasks.
    final class Calls: Sendable {
        private let value = Atomic<Int>(0)
        func record() { value.add(1, ordering: .relaxed) }
        var count: Int { value.load(ordering: .relaxed) }
    }

    @Test("a valid delivery is processed once; every duplicate replays the same response")
    func processedThenReplayed() async throws {
        let fixture = try Fixture()
        let calls = Calls()
        let handler: @Sendable (WebhookEvent) async throws -> WebhookResponse? = { event in
            calls.record()
            #expect(event.key == "msg_1")
            return .json(200, ["handled": event.key])
        }
        let first = await fixture.processor.handle(try fixture.request(), handler: handler)
        #expect(first.decision == .processed(key: "msg_1"))
        #expect(first.response.status == 200)
        for _ in 0..<3 {
            let again = await fixture.processor.handle(try fixture.request(), handler: handler)
            #expect(again.decision == .duplicate(key: "msg_1"))
            #expect(again.response.body == first.response.body)
            #expect(again.response.headers["Idempotent-Replayed"] == "true")
        }
        #expect(calls.count == 1)
    }

    @Test("a bad signature is 400 with its reason and never reaches the handler")
    func badSignature() async throws {
        let fixture = try Fixture()
        var request = try fixture.request()
        request.body = Array(#"{"type":"invoice.paid","amount":1}"#.utf8)
        let outcome = await fixture.processor.handle(request) { _ in
            Issue.record("the handler must not run")
            return nil
        }
        #expect(outcome.decision == .rejected(.signatureMismatch))
        #expect(outcome.response.status == 400)
        #expect(String(decoding: outcome.response.body, as: UTF8.self).contains("signature_mismatch"))
        var unsigned = try fixture.request()
        unsigned.headers = ["Content-Type": "application/json"]
        #expect(await fixture.processor.handle(unsigned) { _ in nil }.decision == .rejected(.missingHeader))
    }

    @Test("only POST is accepted")
    func methods() async throws {
        let fixture = try Fixture()
        let outcome = await fixture.processor.handle(try fixture.request(method: "GET")) { _ in nil }
        #expect(outcome.decision == .methodNotAllowed)
        #expect(outcome.response.status == 405)
        #expect(outcome.response.headers["Allow"] == "POST")
    }

    @Test("a duplicate while the first is in flight gets 409 with Retry-After rounded up")
    func inFlight() async throws {
        let fixture = try Fixture()
        guard case .claimed = try await fixture.store.claim("msg_1", lease: .seconds(60)) else { return }
        fixture.clock.advance(by: 20.4)
        let outcome = await fixture.processor.handle(try fixture.request()) { _ in
            Issue.record("the handler must not run for a key in flight")
            return nil
        }
        #expect(outcome.decision == .inFlight(key: "msg_1", retryAfterSeconds: 40))
        #expect(outcome.response.status == 409)
        #expect(outcome.response.headers["Retry-After"] == "40")
    }

    @Test("a transient failure is 500 and releases the key, so the provider's retry is processed")
    func transient() async throws {
        let fixture = try Fixture()
        let calls = Calls()
        let failing: @Sendable (WebhookEvent) async throws -> WebhookResponse? = { _ in
            calls.record()
            throw WebhookHandlerError.transient("database restarting")
        }
        let first = await fixture.processor.handle(try fixture.request(), handler: failing)
        #expect(first.decision == .transientFailure(key: "msg_1"))
        #expect(first.response.status == 500)
        let retry = await fixture.processor.handle(try fixture.request()) { _ in
            calls.record()
            return nil
        }
        #expect(retry.decision == .processed(key: "msg_1"))
        #expect(calls.count == 2)
        #expect(try await fixture.deadLetters.count() == 0)
    }

    @Test("a permanent failure is dead-lettered with its payload and headers, alerted, and acknowledged with 2xx")
    func permanent() async throws {
        let fixture = try Fixture()
        let request = try fixture.request(id: "msg_7", body: #"{"type":"customer.created","email":null}"#)
        let outcome = await fixture.processor.handle(request) { _ in
            throw WebhookHandlerError.permanent("customer has no email")
        }
        #expect(outcome.decision == .deadLettered(key: "msg_7", deadLetterID: 1))
        #expect(outcome.response.status == 200)
        let letters = await fixture.deadLetters.letters
        let letter = try #require(letters.first)
        #expect(letter.payload == request.body)
        #expect(letter.headers["webhook-id"] == "msg_7")
        #expect(letter.reason == "permanent_failure")
        #expect(letter.error == "customer has no email")
        #expect(letter.source == "webhook:test")
        let alerts = await fixture.alerts.alerts
        #expect(alerts.count == 1)
        #expect(alerts.first?.severity == .critical)
        #expect(alerts.first?.details["dead_letter_id"] == "1")
        // The provider's retry of the same delivery gets the same 2xx and is not parked twice.
        let retry = await fixture.processor.handle(request) { _ in
            Issue.record("a dead-lettered key must not be processed again")
            return nil
        }
        #expect(retry.decision == .duplicate(key: "msg_7"))
        #expect(await fixture.deadLetters.letters.count == 1)
    }

    @Test("errors of other types follow the classifier: a permanent HTTP status or a rule of yours parks them")
    func predicate() async throws {
        struct Rejected: Error {}
        struct Downstream: HTTPStatusError { var statusCode: Int }
        var fixture = try Fixture()
        let parked = await fixture.processor.handle(try fixture.request(id: "msg_422")) { _ in
            throw Downstream(statusCode: 422)
        }
        #expect(parked.decision == .deadLettered(key: "msg_422", deadLetterID: 1))
        let retried = await fixture.processor.handle(try fixture.request(id: "msg_503")) { _ in
            throw Downstream(statusCode: 503)
        }
        #expect(retried.decision == .transientFailure(key: "msg_503"))
        var configuration = fixture.processor.configuration
        configuration.classifier = ErrorClassifier.retryingUnknownErrors.overriding {
            $0 is Rejected ? .permanent : nil
        }
        let processor = WebhookProcessor(
            verifier: fixture.processor.verifier, store: fixture.store, deadLetters: fixture.deadLetters,
            alerts: fixture.alerts, configuration: configuration, clock: fixture.clock.wallClock)
        let outcome = await processor.handle(try fixture.request()) { _ in throw Rejected() }
        #expect(outcome.response.status == 200)
        guard case .deadLettered = outcome.decision else {
            Issue.record("a predicate-permanent error must be dead-lettered")
            return
        }
        fixture = try Fixture()
        struct Unknown: Error {}
        let other = await fixture.processor.handle(try fixture.request()) { _ in throw Unknown() }
        #expect(other.decision == .transientFailure(key: "msg_1"))
    }

    @Test("at-most-once: a transient failure is parked and acknowledged, and its retry is a duplicate")
    func atMostOnce() async throws {
        let fixture = try Fixture()
        var configuration = fixture.processor.configuration
        configuration.retriesFailures = false
        let processor = WebhookProcessor(
            verifier: fixture.processor.verifier, store: fixture.store, deadLetters: fixture.deadLetters,
            alerts: fixture.alerts, configuration: configuration, clock: fixture.clock.wallClock)
        let first = await processor.handle(try fixture.request(id: "msg_amo")) { _ in
            throw WebhookHandlerError.transient("database restarting")
        }
        #expect(first.decision == .deadLettered(key: "msg_amo", deadLetterID: 1))
        #expect(first.response.status == 200)
        let retry = await processor.handle(try fixture.request(id: "msg_amo")) { _ in
            Issue.record("an at-most-once event must not be processed twice")
            return nil
        }
        #expect(retry.decision == .duplicate(key: "msg_amo"))
        #expect(await fixture.deadLetters.letters.count == 1)
    }

    @Test("when the dead-letter queue is unavailable, a permanent failure is not acknowledged")
    func deadLettersUnavailable() async throws {
        let fixture = try Fixture()
        await fixture.deadLetters.setFailing(true)
        let outcome = await fixture.processor.handle(try fixture.request()) { _ in
            throw WebhookHandlerError.permanent("bad")
        }
        #expect(outcome.decision == .storeUnavailable)
        #expect(outcome.response.status == 503)
        await fixture.deadLetters.setFailing(false)
        let retry = await fixture.processor.handle(try fixture.request()) { _ in
            throw WebhookHandlerError.permanent("bad")
        }
        #expect(retry.response.status == 200)
        #expect(await fixture.deadLetters.letters.count == 1)
    }

    @Test("when the idempotency store is unavailable the answer is 503 and nothing runs")
    func storeUnavailable() async throws {
        struct BrokenStore: IdempotencyStore {
            func claim(_ key: String, lease: Duration) async throws -> IdempotencyClaim {
                throw SQLiteError(code: .busy, message: "database is locked")
            }
            func complete(_ lease: IdempotencyLease, response: StoredResponse) async throws {}
            func release(_ lease: IdempotencyLease) async throws {}
            func purgeExpired() async throws -> Int { 0 }
        }
        let fixture = try Fixture(store: BrokenStore())
        let outcome = await fixture.processor.handle(try fixture.request()) { _ in
            Issue.record("nothing may run without a claim")
            return nil
        }
        #expect(outcome.decision == .storeUnavailable)
        #expect(outcome.response.headers["Retry-After"] == "30")
    }

    @Test("Stripe's key is the event id in the body; a body without one is 400")
    func stripeKey() async throws {
        let clock = TestWallClock()
        let verifier = try WebhookVerifier(scheme: .stripe, secrets: ["whsec_stripe"], clock: clock.wallClock)
        let processor = WebhookProcessor(
            verifier: verifier, store: InMemoryIdempotencyStore(clock: clock.wallClock),
            deadLetters: RecordingDeadLetterQueue(), alerts: RecordingAlertSink(), clock: clock.wallClock)
        let signer = try WebhookSigner(scheme: .stripe, secret: "whsec_stripe")
        for (body, expected) in [
            (#"{"id":"evt_42","type":"charge.succeeded"}"#, WebhookDecision.processed(key: "evt_42")),
            (#"{"type":"charge.succeeded"}"#, .missingKey),
        ] {
            let bytes = Array(body.utf8)
            let request = WebhookRequest(headers: try signer.sign(body: bytes, timestamp: clock.now), body: bytes)
            #expect(await processor.handle(request) { _ in nil }.decision == expected)
        }
    }

    @Test("ten concurrent deliveries of one event run the handler once")
    func concurrentDuplicates() async throws {
        let fixture = try Fixture()
        let calls = Calls()
        let request = try fixture.request()
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    await fixture.processor.handle(request) { _ in
                        calls.record()
                        await Task.yield()
                        return nil
                    }.response.status
                }
            }
            var statuses: [Int] = []
            for await status in group { statuses.append(status) }
            return statuses
        }
        #expect(calls.count == 1)
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 409 })
    }
}
