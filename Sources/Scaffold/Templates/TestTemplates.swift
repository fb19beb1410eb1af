internal import Advisor

/// Tests of the generated wiring that pass as generated and mean something.
struct TestTemplates {
    /// With retries: a transient failure asks the provider to deliver again, and the retry is processed.
    private let transientAtLeastOnce = #"""
            @Test("a transient failure gets a 5xx, so the provider retries, and the retry is processed")
            func transient() async throws {
                let calls = Calls()
                let endpoint = try Self.endpoint { _ in
                    calls.record()
                    if calls.count == 1 { throw WebhookHandlerError.transient("database restarting") }
                    return nil
                }
                #expect(await endpoint.respond(to: try Self.delivery(id: "evt_4")).status == 500)
                #expect(await endpoint.respond(to: try Self.delivery(id: "evt_4")).status == 200)
                #expect(calls.count == 2)
            }
        """#

    /// At-most-once: even a transient failure is parked and acknowledged, and never processed again.
    private let transientAtMostOnce = #"""
            @Test("at-most-once: a transient failure is parked and acknowledged, never processed again")
            func transient() async throws {
                let calls = Calls()
                let endpoint = try Self.endpoint { _ in
                    calls.record()
                    throw WebhookHandlerError.transient("database restarting")
                }
                #expect(await endpoint.respond(to: try Self.delivery(id: "evt_4")).status == 200)
                #expect(await endpoint.respond(to: try Self.delivery(id: "evt_4")).status == 200)
                #expect(calls.count == 1)
                #expect(try await endpoint.deadLetters.list(source: nil, limit: 10).map(\.key) == ["evt_4"])
            }
        """#

    func webhookTests(_ context: TemplateContext) -> GeneratedFile {
        let stripeBody = context.answers.provider == .stripe
        // The body as Swift source: Stripe's event id is inside the JSON body; other providers send it in a header.
        let body =
            stripeBody
            ? #"("{\"id\":\"" + id + "\",\"type\":\"example.created\"}")"#
            : #"("{\"type\":\"example.created\",\"object\":\"" + id + "\"}")"#
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns
            import Testing

            @testable import \#(context.module)

            /// The endpoint's decisions, on an in-memory database. They pass as generated: keep them passing as you
            /// fill in the handlers.
            @Suite("Webhook endpoint")
            struct WebhookEndpointTests {
                static let secret = "\#(context.testSecret)"
                static let now = Date(timeIntervalSince1970: 1_700_000_000)

                /// Counts handler calls across tasks.
                final class Calls: @unchecked Sendable {
                    private let lock = NSLock()
                    private var value = 0
                    func record() { lock.withLock { value += 1 } }
                    var count: Int { lock.withLock { value } }
                }

                static func endpoint(
                    _ handler: @escaping @Sendable (WebhookEvent) async throws -> WebhookResponse? = EventHandlers().handle
                ) throws -> WebhookEndpoint {
                    try WebhookEndpoint(
                        configuration: Configuration(\#(context.testConfigurationArguments)),
                        database: SQLiteDatabase.inMemory(), clock: .fixed(now), log: StructuredLog { _ in }, handler: handler)
                }

                /// A delivery signed the way \#(context.profile.name) signs it.
                static func delivery(id: String) throws -> WebhookRequest {
                    let body = Array(\#(body).utf8)
                    let headers = try WebhookSigner(scheme: WebhookEndpoint.scheme, secret: secret).sign(body: body, id: id, timestamp: now)
                    return WebhookRequest(headers: headers, body: body)
                }

                @Test("a correctly signed delivery is accepted and handled")
                func accepted() async throws {
                    let calls = Calls()
                    let endpoint = try Self.endpoint { _ in
                        calls.record()
                        return nil
                    }
                    let answer = await endpoint.respond(to: try Self.delivery(id: "evt_1"))
                    #expect(answer.status == 200)
                    #expect(calls.count == 1)
                }

                @Test("a bad signature gets 400 and never reaches the handler")
                func badSignature() async throws {
                    let endpoint = try Self.endpoint { _ in
                        Issue.record("the handler must not run")
                        return nil
                    }
                    var request = try Self.delivery(id: "evt_2")
                    request.body.append(contentsOf: Array(" ".utf8))
                    #expect(await endpoint.respond(to: request).status == 400)
                }

                @Test("a duplicate is answered the same and not processed twice")
                func duplicate() async throws {
                    let calls = Calls()
                    let endpoint = try Self.endpoint { _ in
                        calls.record()
                        return nil
                    }
                    let first = await endpoint.respond(to: try Self.delivery(id: "evt_3"))
                    let second = await endpoint.respond(to: try Self.delivery(id: "evt_3"))
                    #expect(first.status == 200 && second.status == 200)
                    #expect(second.body == first.body)
                    #expect(calls.count == 1)
                }

            \#(context.atMostOnce ? transientAtMostOnce : transientAtLeastOnce)
                @Test("a permanent failure lands in the dead-letter queue and is acknowledged")
                func permanent() async throws {
                    let endpoint = try Self.endpoint { _ in throw WebhookHandlerError.permanent("cannot be processed") }
                    #expect(await endpoint.respond(to: try Self.delivery(id: "evt_5")).status == 200)
                    let parked = try await endpoint.deadLetters.list(source: nil, limit: 10)
                    #expect(parked.map(\.key) == ["evt_5"])
                    #expect(parked.first?.reason == "permanent_failure")
                }

                @Test("the generated handlers acknowledge an event type they do not handle")
                func defaultHandlers() async throws {
                    #expect(try await Self.endpoint().respond(to: try Self.delivery(id: "evt_6")).status == 200)
                }

                @Test("acknowledge first, process later: the inbox answers 202 and drain() handles the event")
                func inbox() async throws {
                    let database = try SQLiteDatabase.inMemory()
                    let deadLetters = try SQLiteDeadLetterQueue(database: database)
                    let inbox = try EventInbox(database: database, deadLetters: deadLetters, clock: .fixed(Self.now))
                    let endpoint = try WebhookEndpoint(
                        configuration: Configuration(\#(context.testConfigurationArguments)),
                        database: database, clock: .fixed(Self.now), log: StructuredLog { _ in }, handler: inbox.handler)
                    #expect(await endpoint.respond(to: try Self.delivery(id: "evt_7")).status == 202)
                    #expect(await endpoint.respond(to: try Self.delivery(id: "evt_7")).status == 202)
                    #expect(try inbox.inbox.pendingCount() == 1)
                    #expect(try await inbox.drain() == 1)
                    #expect(try inbox.inbox.isProcessed(messageID: "evt_7"))
                }
            }

            """#
        return GeneratedFile(
            path: "Tests/\(context.request.name.testTarget)/WebhookEndpointTests.swift", contents: contents)
    }

    func clientTests(_ context: TemplateContext) -> GeneratedFile {
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns
            import Testing

            @testable import \#(context.module)

            /// The outbound pipeline, on a manual clock (nothing here waits for real).
            @Suite("Provider client")
            struct ProviderClientTests {
                final class Attempts: @unchecked Sendable {
                    private let lock = NSLock()
                    private var value = 0
                    func next() -> Int { lock.withLock { value += 1; return value } }
                    var count: Int { lock.withLock { value } }
                }

                static func client() -> ProviderClient {
                    ProviderClient(retry: RetryPolicy(maxAttempts: 3, backoff: .constant(.zero), jitter: .none), clock: ManualClock())
                }

                @Test("a transient failure (503) is retried")
                func retriesTransient() async throws {
                    let attempts = Attempts()
                    let answer = try await Self.client().call {
                        if attempts.next() == 1 { throw HTTPResponseError(statusCode: 503) }
                        return "ok"
                    }
                    #expect(answer == "ok")
                    #expect(attempts.count == 2)
                }

                @Test("a permanent failure (422) is not retried")
                func permanentNotRetried() async throws {
                    let attempts = Attempts()
                    await #expect(throws: HTTPResponseError.self) {
                        _ = try await Self.client().call { () -> String in
                            _ = attempts.next()
                            throw HTTPResponseError(statusCode: 422)
                        }
                    }
                    #expect(attempts.count == 1)
                }
            }

            """#
        return GeneratedFile(
            path: "Tests/\(context.request.name.testTarget)/ProviderClientTests.swift", contents: contents)
    }

    func publisherTests(_ context: TemplateContext) -> GeneratedFile {
        let contents = #"""
            \#(context.header)
            import Foundation
            import IntegrationPatterns
            import Testing

            @testable import \#(context.module)

            /// Changes go out with the write that caused them, once published are recognised if they come back.
            @Suite("Change publisher")
            struct ChangePublisherTests {
                final class Sent: @unchecked Sendable {
                    private let lock = NSLock()
                    private var keys: [String] = []
                    func append(_ key: String) { lock.withLock { keys.append(key) } }
                    var all: [String] { lock.withLock { keys } }
                }

                @Test("a change and its message commit together, are published, and their echo is recognised")
                func publishes() async throws {
                    let database = try SQLiteDatabase.inMemory()
                    try database.write { try $0.executeScript("CREATE TABLE bookings (id TEXT PRIMARY KEY, nights INTEGER)") }
                    let sent = Sent()
                    let publisher = try ChangePublisher(database: database, deadLetters: try SQLiteDeadLetterQueue(database: database)) { message in
                        #expect(message.headers["X-Origin"] == ChangePublisher.origin)
                        sent.append(message.key)
                    }
                    try publisher.record(topic: "booking.changed", key: "booking-42-v1", payload: Array("{}".utf8)) { db in
                        try db.execute("INSERT INTO bookings (id, nights) VALUES ('42', 3)")
                    }
                    #expect(try await publisher.publishDue().published == 1)
                    #expect(sent.all == ["booking-42-v1"])
                    #expect(try publisher.isEcho(changeKey: "booking-42-v1"))
                    #expect(try !publisher.isEcho(changeKey: "booking-7-v1"))
                }
            }

            """#
        return GeneratedFile(
            path: "Tests/\(context.request.name.testTarget)/ChangePublisherTests.swift", contents: contents)
    }
    func configurationTests(_ context: TemplateContext) -> GeneratedFile {
        var environment = ["\"DATABASE_PATH\": \"/tmp/\(context.module).sqlite\""]
        var checks = ["#expect(configuration.databasePath == \"/tmp/\(context.module).sqlite\")"]
        if context.receives {
            environment.append("\"WEBHOOK_SECRET\": \"new\", \"WEBHOOK_SECRET_PREVIOUS\": \"old\"")
            checks.append("#expect(configuration.webhookSecrets == [\"new\", \"old\"])")
        }
        if context.pollsFeed {
            environment.append("\"FEED_URLS\": \"airbnb=https://example.com/a.ics,booking=https://example.com/b.ics\"")
            checks.append("#expect(configuration.feeds[\"booking\"] == \"https://example.com/b.ics\")")
        }
        var missing = ""
        if context.receives {
            missing = #"""

                    @Test("a missing secret is an error that names the variable")
                    func missingSecret() {
                        #expect(throws: ConfigurationError.self) { try Configuration.fromEnvironment([:]) }
                        #expect(ConfigurationError(variable: "WEBHOOK_SECRET").description.contains("WEBHOOK_SECRET"))
                    }
                """#
        }
        let contents = #"""
            \#(context.header)
            import Foundation
            import Testing

            @testable import \#(context.module)

            /// Settings come from the environment, and a missing one says which.
            @Suite("Configuration")
            struct ConfigurationTests {
                @Test("the environment is read")
                func readsEnvironment() throws {
                    let configuration = try Configuration.fromEnvironment([\#(environment.joined(separator: ", "))])
                    \#(checks.joined(separator: "\n        "))
                }
            \#(missing)
            }

            """#
        return GeneratedFile(
            path: "Tests/\(context.request.name.testTarget)/ConfigurationTests.swift", contents: contents)
    }
}
