internal import Advisor

/// The receiving side: the endpoint on `WebhookProcessor`, the handlers (your code), and the inbox for
/// acknowledging first and processing after.
struct WebhookTemplates {
    func files(_ context: TemplateContext) -> [GeneratedFile] {
        [endpoint(context), handlers(context), inbox(context)]
    }

    private func endpoint(_ context: TemplateContext) -> GeneratedFile {
        let provider = context.profile.name
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// The webhook endpoint for \#(provider): verify the signature over the raw body, claim the event id,
            /// run the handler, record the answer, and tell the provider what to do next.
            ///
            /// - 400 for a bad signature; the stored answer again for a duplicate; 409 + Retry-After for a
            ///   duplicate still in flight; 500 for a transient failure (the provider retries); for a permanent
            ///   one, a dead letter, an alert and 200 (so the provider stops retrying).\#(context.atMostOnce ? "\n/// - At-most-once (this design): every failure is parked and acknowledged, so nothing is ever processed\n///   twice or retried; what fails is lost unless a person redrives it, and that loss is accepted." : "")
            /// - Event ids are kept \#(context.retentionSeconds / 3600) h: \#(provider)'s retry horizon.
            ///
            /// Framework-agnostic. Plugging it into an HTTP server is a few lines; for example, with Hummingbird:
            ///
            ///     router.post("/webhooks") { request, context in
            ///         let body = try await request.body.collect(upTo: 1 << 20)
            ///         var headers = HTTPHeaders()
            ///         for field in request.headers { headers.add(name: field.name.rawName, value: field.value) }
            ///         let answer = await endpoint.respond(to: WebhookRequest(headers: headers, body: Array(buffer: body)))
            ///         return Response(status: .init(code: answer.status), body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
            ///     }
            ///
            /// Never parse and re-serialise the body before handing it over: the signature covers the raw bytes.
            public struct WebhookEndpoint: Sendable {
                /// The signature scheme \#(provider) uses.
                public static let scheme: WebhookScheme = \#(context.schemeExpression)

                /// The processor behind the endpoint.
                public let processor: WebhookProcessor
                /// Where permanent failures are parked (`ipm dlq list --db <DATABASE_PATH>` shows them).
                public let deadLetters: SQLiteDeadLetterQueue
                private let handler: @Sendable (WebhookEvent) async throws -> WebhookResponse?

                /// Creates the endpoint on `database`, handling events with `handler` (by default ``EventHandlers``).
                public init(
                    configuration: Configuration, database: SQLiteDatabase, clock: WallClock = .system,
                    log: StructuredLog = StructuredLog(), metrics: IntegrationMetrics = IntegrationMetrics(),
                    handler: @escaping @Sendable (WebhookEvent) async throws -> WebhookResponse? = EventHandlers().handle
                ) throws {
                    let verifier = try WebhookVerifier(scheme: Self.scheme, secrets: configuration.webhookSecrets, clock: clock)
                    deadLetters = try SQLiteDeadLetterQueue(database: database)
                    processor = WebhookProcessor(
                        verifier: verifier,
                        store: try SQLiteIdempotencyStore(database: database, retention: .seconds(\#(context.retentionSeconds)), clock: clock),
                        deadLetters: deadLetters,
                        alerts: LogAlertSink(log: log),
                        configuration: .init(lease: .seconds(60), source: "\#(context.source)",\#(context.classifierArgument) log: log, metrics: metrics),
                        clock: clock)
                    self.handler = handler
                }

                /// The answer to one delivery.
                public func respond(to request: WebhookRequest) async -> WebhookResponse {
                    await processor.process(request, handler: handler)
                }
            }

            """#
        return GeneratedFile(path: "Sources/\(context.module)/WebhookEndpoint.swift", contents: contents)
    }

    /// The event types worth a place of their own, per provider, with what to do there.
    private func eventCases(_ context: TemplateContext) -> [(String, String)] {
        switch context.answers.provider {
        case .stripe:
            return [
                ("invoice.paid", "provision or extend the subscription: set its state, never add to it"),
                ("invoice.payment_failed", "tell the customer; Stripe's dunning retries the charge"),
                ("customer.subscription.deleted", "revoke access"),
                ("charge.dispute.created", "gather evidence before evidence_details.due_by"),
            ]
        case .github:
            return [("push", "start the build for the pushed commits"), ("pull_request", "update the review status")]
        case .shopify:
            return [("orders/create", "reserve the stock"), ("orders/paid", "fulfil the order")]
        default:
            return [("example.created", "apply the new object: store its state, do not add to totals")]
        }
    }

    private func handlers(_ context: TemplateContext) -> GeneratedFile {
        let typeSource: String
        switch context.answers.provider {
        case .github: typeSource = #"event.request.headers["X-GitHub-Event"]"#
        case .shopify: typeSource = #"event.request.headers["X-Shopify-Topic"]"#
        default:
            typeSource =
                #"(try? JSONSerialization.jsonObject(with: Data(event.request.body)) as? [String: Any])?["type"] as? String"#
        }
        let cases = eventCases(context).map { type, todo in
            """
                        case "\(type)":
                            // YOUR CODE: \(todo).
                            return nil
            """
        }.joined(separator: "\n")
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// Your business logic, one place per event type.
            ///
            /// Every event reaching `handle` was verified and is not a duplicate of one already handled. Return `nil`
            /// to answer 200 (the answer is stored and replayed to duplicates). Throw
            /// `WebhookHandlerError.transient(…)` when a retry can succeed (the provider retries), or
            /// `WebhookHandlerError.permanent(…)` when it never will (the event is parked in the dead-letter queue).
            /// Other errors are classified by `ErrorClassifier.retryingUnknownErrors`.
            public struct EventHandlers: Sendable {
                /// Creates the handlers.
                public init() {}

                /// Handles one verified, deduplicated event.
                public func handle(_ event: WebhookEvent) async throws -> WebhookResponse? {
                    switch Self.type(of: event) {
            \#(cases)
                    default:
                        // Acknowledge what you do not handle, or the provider retries it for days.
                        return nil
                    }
                }

                /// The event's type, as \#(context.profile.name) sends it.
                static func type(of event: WebhookEvent) -> String? {
                    \#(typeSource)
                }
            }

            """#
        return GeneratedFile(path: "Sources/\(context.module)/EventHandlers.swift", contents: contents)
    }

    private func inbox(_ context: TemplateContext) -> GeneratedFile {
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns

            /// Fast acknowledgement: answer the provider as soon as the event is safely stored, and do the work
            /// after, in the background. Senders time out (GitHub after 10 s, Standard Webhooks senders after
            /// 15–30 s) and then retry work you are still doing.
            ///
            /// Use ``handler`` as the endpoint's handler; call ``drain()`` from a background loop. Each event's
            /// writes to `database` commit together with its "processed" mark; a failure is retried later, and
            /// after `maxAttempts` the event is parked in the dead-letter queue.
            public struct EventInbox: Sendable {
                /// The inbox table, in the same database as your business tables.
                public let inbox: SQLiteInbox
                private let deadLetters: SQLiteDeadLetterQueue
                private let handlers: EventHandlers
                private let maxAttempts: Int

                /// Creates the inbox on `database`.
                public init(
                    database: SQLiteDatabase, deadLetters: SQLiteDeadLetterQueue, handlers: EventHandlers = EventHandlers(),
                    clock: WallClock = .system, maxAttempts: Int = 8
                ) throws {
                    inbox = try SQLiteInbox(database: database, retention: .seconds(\#(context.retentionSeconds)), clock: clock)
                    self.deadLetters = deadLetters
                    self.handlers = handlers
                    self.maxAttempts = maxAttempts
                }

                /// An endpoint handler that only stores the event: the provider gets its 2xx at once.
                public var handler: @Sendable (WebhookEvent) async throws -> WebhookResponse? {
                    { [inbox] event in
                        try inbox.accept(messageID: event.key, payload: event.request.body, headers: event.request.headers)
                        return WebhookResponse.json(202, ["status": "accepted"])
                    }
                }

                /// Processes the stored events that are due with ``EventHandlers``; returns how many succeeded.
                /// A permanent failure, or an event that failed `maxAttempts` times, is parked in the dead-letter
                /// queue and leaves the inbox.
                @discardableResult
                public func drain() async throws -> Int {
                    var processed = 0
                    let failures = try await inbox.processPending { message in
                        let event = WebhookEvent(
                            key: message.messageID,
                            verified: VerifiedWebhook(scheme: WebhookEndpoint.scheme, id: message.messageID, timestamp: nil, secretIndex: 0),
                            request: WebhookRequest(headers: message.headers, body: message.payload))
                        _ = try await handlers.handle(event)
                        processed += 1
                    }
                    for (message, error) in failures {
                        let permanent = (error as? WebhookHandlerError)?.kind == .permanent
                        guard permanent || message.attempts + 1 >= maxAttempts else { continue }
                        try await deadLetters.enqueue(
                            DeadLetter(
                                source: "\#(context.source)", key: message.messageID, payload: message.payload,
                                headers: message.headers, reason: permanent ? "permanent_failure" : "retries_exhausted",
                                error: String(describing: error), attempts: message.attempts + 1, firstFailedAt: message.receivedAt))
                        try inbox.discard(messageID: message.messageID)
                    }
                    return processed
                }
            }

            """#
        return GeneratedFile(path: "Sources/\(context.module)/EventInbox.swift", contents: contents)
    }
}
