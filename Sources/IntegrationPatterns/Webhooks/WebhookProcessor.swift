internal import Foundation

/// The secure webhook handler of the seed, grown up: verify → claim → handle → complete → answer.
///
/// | situation | answer | why |
/// |---|---|---|
/// | not a POST | 405 | |
/// | signature invalid | 400 + reason | never process what you cannot authenticate |
/// | duplicate of a completed delivery | the stored response (2xx) + `Idempotent-Replayed: true` | same answer every time |
/// | duplicate still in flight | 409 + `Retry-After` | the first one may still fail; let the provider come back |
/// | handler succeeded | its response (default 200) | the key is completed with it |
/// | transient failure | 500 | the key is released and the provider retries |
/// | permanent failure | 200 `{"status":"dead_lettered"}` | parked for a person, alerted; retrying cannot help |
/// | store or queue unavailable | 503 + `Retry-After` | nothing is lost: the provider retries |
///
/// Framework-agnostic: plug it into any HTTP server by building a ``WebhookRequest`` from the raw request
/// and writing the returned ``WebhookResponse``.
public struct WebhookProcessor: Sendable {
    /// Tuning and policy.
    public struct Configuration: Sendable {
        /// How long a claim is held while the handler runs; longer than the handler's own timeout.
        public var lease: Duration
        /// The source name recorded on dead letters (`webhook:stripe`).
        public var source: String
        /// The channel alerts are sent to.
        public var alertChannel: String
        /// The deduplication key of a delivery: by default the scheme's id header, or for Stripe the
        /// event's `id` in the JSON body.
        public var deduplicationKey: @Sendable (VerifiedWebhook, WebhookRequest) -> String?
        /// How errors a handler throws (other than ``WebhookHandlerError``) are classified: permanent ones
        /// are dead-lettered, the rest answered 5xx for the provider to retry. By default unknown errors
        /// are transient (the provider retries, and a person redrives what never succeeds), while a
        /// permanent HTTP status from a service the handler called (400, 401, 404, 422…) is permanent.
        public var classifier: ErrorClassifier
        /// Whether a failure may be retried by the provider. `true` (at-least-once): a transient failure is
        /// answered 5xx. `false` (at-most-once): every failure, transient ones included, is dead-lettered and
        /// acknowledged, so no event is ever processed twice; what failed is lost unless a person redrives it.
        public var retriesFailures: Bool
        /// Where one structured line per decision goes (key, decision, status), if anywhere.
        public var log: StructuredLog?
        /// Where decisions are counted (`webhook_decisions_total{decision}`) and handler time measured
        /// (`webhook_handle_seconds`), if anywhere.
        public var metrics: IntegrationMetrics?

        /// Creates a configuration.
        public init(
            lease: Duration = .seconds(60), source: String = "webhook", alertChannel: String = "integrations",
            deduplicationKey: @escaping @Sendable (VerifiedWebhook, WebhookRequest) -> String? = WebhookProcessor
                .defaultKey,
            classifier: ErrorClassifier = .retryingUnknownErrors, retriesFailures: Bool = true,
            log: StructuredLog? = nil, metrics: IntegrationMetrics? = nil
        ) {
            self.lease = lease
            self.source = source
            self.alertChannel = alertChannel
            self.deduplicationKey = deduplicationKey
            self.classifier = classifier
            self.retriesFailures = retriesFailures
            self.log = log
            self.metrics = metrics
        }
    }

    /// The verifier every delivery goes through first.
    public let verifier: WebhookVerifier
    /// Where processed keys are recorded.
    public let store: any IdempotencyStore
    /// Where permanent failures are parked.
    public let deadLetters: any DeadLetterQueue
    /// Where alerts go.
    public let alerts: any AlertSink
    /// Tuning and policy.
    public var configuration: Configuration
    /// Where "now" comes from (dead-letter timestamps, Retry-After).
    public var clock: WallClock

    /// Creates a processor.
    public init(
        verifier: WebhookVerifier, store: any IdempotencyStore, deadLetters: any DeadLetterQueue, alerts: any AlertSink,
        configuration: Configuration = Configuration(), clock: WallClock = .system
    ) {
        self.verifier = verifier
        self.store = store
        self.deadLetters = deadLetters
        self.alerts = alerts
        self.configuration = configuration
        self.clock = clock
    }

    /// The outcome of processing one delivery.
    public struct Outcome: Sendable, Hashable {
        /// What was decided.
        public var decision: WebhookDecision
        /// The response to send.
        public var response: WebhookResponse
    }

    /// Processes a delivery and returns the response to send.
    ///
    /// - Parameter handler: The application's work; returns the response to store and send (`nil`: 200
    ///   `{"received":"true"}`), or throws. It runs at most once per key at a time.
    public func process(
        _ request: WebhookRequest, handler: @Sendable (WebhookEvent) async throws -> WebhookResponse?
    ) async -> WebhookResponse {
        await handle(request, handler: handler).response
    }

    /// Processes a delivery and returns the decision with the response (for logs, metrics, simulations).
    public func handle(
        _ request: WebhookRequest, handler: @Sendable (WebhookEvent) async throws -> WebhookResponse?
    ) async -> Outcome {
        let outcome = await decide(request, handler: handler)
        record(outcome)
        return outcome
    }

    private func decide(
        _ request: WebhookRequest, handler: @Sendable (WebhookEvent) async throws -> WebhookResponse?
    ) async -> Outcome {
        guard request.method.uppercased() == "POST" else {
            return Outcome(
                decision: .methodNotAllowed,
                response: .json(405, ["error": "method_not_allowed"], headers: ["Allow": "POST"]))
        }
        let verified: VerifiedWebhook
        do {
            verified = try verifier.verify(headers: request.headers, body: request.body)
        } catch {
            return Outcome(
                decision: .rejected(error.reason),
                response: .json(400, ["error": "invalid_signature", "reason": error.reason.rawValue]))
        }
        guard let key = configuration.deduplicationKey(verified, request), !key.isEmpty else {
            return Outcome(decision: .missingKey, response: .json(400, ["error": "missing_event_id"]))
        }
        let claim: IdempotencyClaim
        do {
            claim = try await store.claim(key, lease: configuration.lease)
        } catch {
            return unavailable()
        }
        switch claim {
        case .completed(let stored):
            var replayed = stored
            replayed.headers.replace(name: "Idempotent-Replayed", value: "true")
            return Outcome(decision: .duplicate(key: key), response: replayed)
        case .inProgress(let until):
            let seconds = max(1, Int((until.timeIntervalSince(clock.now())).rounded(.up)))
            return Outcome(
                decision: .inFlight(key: key, retryAfterSeconds: seconds),
                response: .json(409, ["error": "in_progress"], headers: ["Retry-After": String(seconds)]))
        case .claimed(let lease):
            return await run(handler, event: WebhookEvent(key: key, verified: verified, request: request), lease: lease)
        }
    }

    private func run(
        _ handler: @Sendable (WebhookEvent) async throws -> WebhookResponse?, event: WebhookEvent,
        lease: IdempotencyLease
    ) async -> Outcome {
        let failure: any Error
        let started = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - started
            configuration.metrics?.observe(
                "webhook_handle_seconds",
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                labels: ["source": configuration.source])
        }
        do {
            let response = try await handler(event) ?? .received
            // A lost lease means another worker took over after ours ran out: the work is done either way,
            // so the provider is told it succeeded.
            try? await store.complete(lease, response: response)
            return Outcome(decision: .processed(key: event.key), response: response)
        } catch {
            failure = error
        }
        if !isPermanent(failure) {
            try? await store.release(lease)
            return Outcome(
                decision: .transientFailure(key: event.key), response: .json(500, ["error": "processing_failed"]))
        }
        let now = clock.now()
        let letter = DeadLetter(
            source: configuration.source, key: event.key, payload: event.request.body, headers: event.request.headers,
            reason: "permanent_failure", error: describe(failure), attempts: 1, firstFailedAt: now)
        let id: Int64
        do {
            id = try await deadLetters.enqueue(letter)
        } catch {
            // Without a place to park it, the delivery must not be acknowledged: let the provider retry.
            try? await store.release(lease)
            return unavailable()
        }
        await alerts.send(
            Alert(
                severity: .critical, channel: configuration.alertChannel,
                message: "Webhook \(event.key) failed permanently: \(describe(failure))",
                details: ["source": configuration.source, "key": event.key, "dead_letter_id": String(id)]))
        let response = WebhookResponse.json(200, ["status": "dead_lettered"])
        try? await store.complete(lease, response: response)
        return Outcome(decision: .deadLettered(key: event.key, deadLetterID: id), response: response)
    }

    /// Logs and counts a decision.
    private func record(_ outcome: Outcome) {
        let (name, key, level): (String, String?, StructuredLog.Level) = {
            switch outcome.decision {
            case .methodNotAllowed: return ("method_not_allowed", nil, .warning)
            case .rejected: return ("rejected", nil, .warning)
            case .missingKey: return ("missing_key", nil, .warning)
            case .duplicate(let key): return ("duplicate", key, .info)
            case .inFlight(let key, _): return ("in_flight", key, .info)
            case .processed(let key): return ("processed", key, .info)
            case .transientFailure(let key): return ("transient_failure", key, .warning)
            case .deadLettered(let key, _): return ("dead_lettered", key, .error)
            case .storeUnavailable: return ("store_unavailable", nil, .error)
            }
        }()
        configuration.metrics?.increment(
            "webhook_decisions_total", labels: ["source": configuration.source, "decision": name])
        guard let log = configuration.log else { return }
        var fields = ["source": configuration.source, "decision": name, "status": String(outcome.response.status)]
        if let key { fields["key"] = key }
        if case .rejected(let reason) = outcome.decision { fields["reason"] = reason.rawValue }
        if case .deadLettered(_, let id) = outcome.decision { fields["dead_letter_id"] = String(id) }
        log.log(level, "webhook.decision", fields)
    }

    private func isPermanent(_ error: any Error) -> Bool {
        guard configuration.retriesFailures else { return true }
        if let handlerError = error as? WebhookHandlerError { return handlerError.kind == .permanent }
        return configuration.classifier.classify(error) == .permanent
    }

    private func describe(_ error: any Error) -> String {
        if let handlerError = error as? WebhookHandlerError { return handlerError.message }
        return String(describing: error)
    }

    private func unavailable() -> Outcome {
        Outcome(
            decision: .storeUnavailable,
            response: .json(503, ["error": "temporarily_unavailable"], headers: ["Retry-After": "30"]))
    }

    /// The default deduplication key: the scheme's id header, else (Stripe) the `id` of the JSON body.
    public static let defaultKey: @Sendable (VerifiedWebhook, WebhookRequest) -> String? = { verified, request in
        if let id = verified.id, !id.isEmpty { return id }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
            return nil
        }
        return object["id"] as? String
    }
}
