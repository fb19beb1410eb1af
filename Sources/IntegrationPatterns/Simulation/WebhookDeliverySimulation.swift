internal import Foundation

/// A provider delivering webhooks to the real ``WebhookProcessor``, idempotency store, inbox and
/// dead-letter queue, in simulated time: the decision framework made visible.
///
/// The provider retries a delivery on a Stripe-like schedule (compressed: minutes to a day between
/// attempts, about three days in all) until it gets a 2xx, sometimes delivers an event twice anyway,
/// and the consumer meets transient failures, permanent ones, and crashes after its effect committed
/// but before it answered. The report counts what reached the business effect, and how often.
public struct WebhookDeliverySimulation: Sendable {
    /// The delivery guarantee the consumer is built for.
    public enum Guarantee: String, Sendable, CaseIterable, Codable {
        /// Acknowledge after processing; deduplicate with the idempotency store and the inbox.
        case atLeastOnce = "at-least-once"
        /// Acknowledge before processing; never retry.
        case atMostOnce = "at-most-once"
        /// At-least-once, with the effect and an outgoing message committed in one transaction
        /// (inbox and outbox): effectively once.
        case exactlyOnce = "exactly-once"
    }

    /// The knobs of a run.
    public struct Configuration: Sendable {
        /// How many distinct events the provider emits.
        public var events: Int
        /// The chance that the provider delivers an event one extra time, even after a success.
        public var duplicateRate: Double
        /// The chance that one processing attempt fails transiently.
        public var transientFailureRate: Double
        /// The chance that an event can never be processed.
        public var permanentFailureRate: Double
        /// The chance that the consumer crashes after committing its effect and before answering.
        public var crashRate: Double
        /// The guarantee the consumer is built for.
        public var guarantee: Guarantee
        /// Whether the consumer deduplicates at all (turn off to see what at-least-once does without it).
        public var deduplicates: Bool
        /// The random seed: the same seed gives the same run.
        public var seed: UInt64
        /// The delays between the provider's attempts.
        public var retrySchedule: [Duration]

        /// Defaults: 1,000 events, 10 % duplicates, 5 % transient failures, 1 % permanent, 2 % crashes.
        public init(
            events: Int = 1000, duplicateRate: Double = 0.1, transientFailureRate: Double = 0.05,
            permanentFailureRate: Double = 0.01, crashRate: Double = 0.02, guarantee: Guarantee = .atLeastOnce,
            deduplicates: Bool = true, seed: UInt64 = 42,
            retrySchedule: [Duration] = [
                .seconds(60), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18_000),
                .seconds(36_000), .seconds(86_400), .seconds(86_400),
            ]
        ) {
            self.events = events
            self.duplicateRate = duplicateRate
            self.transientFailureRate = transientFailureRate
            self.permanentFailureRate = permanentFailureRate
            self.crashRate = crashRate
            self.guarantee = guarantee
            self.deduplicates = deduplicates
            self.seed = seed
            self.retrySchedule = retrySchedule
        }
    }

    /// What a run did.
    public struct Report: Sendable, Hashable, Codable {
        /// Delivery attempts the provider made.
        public var delivered = 0
        /// Distinct events whose effect was applied.
        public var processed = 0
        /// Deliveries recognised as duplicates and not processed again.
        public var duplicatesSuppressed = 0
        /// Events parked in the dead-letter queue.
        public var deadLettered = 0
        /// Events that were neither processed nor parked.
        public var lost = 0
        /// Events whose effect was applied more than once.
        public var processedTwice = 0

        enum CodingKeys: String, CodingKey {
            case delivered, processed, lost
            case duplicatesSuppressed = "duplicates_suppressed"
            case deadLettered = "dead_lettered"
            case processedTwice = "processed_twice"
        }
    }

    /// The run's configuration.
    public var configuration: Configuration

    /// Creates a simulation.
    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    private struct Delivery {
        var time: Double  // simulated seconds
        var event: Int
        var attempt: Int  // 0 for the first delivery of a retry chain
        var isExtraDuplicate: Bool
    }

    /// Simulated time, shared by the stores and the verifier.
    private final class SimulatedTime: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: Double = 1_700_000_000
        var now: Date { lock.withLock { Date(timeIntervalSince1970: seconds) } }
        func set(_ offset: Double) { lock.withLock { seconds = 1_700_000_000 + offset } }
    }

    /// A value the handler (a `@Sendable` closure) reports back to the simulation loop.
    private final class Box<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value
        init(_ value: Value) { stored = value }
        var value: Value {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    /// A crash after the effect committed and before the answer.
    private struct SimulatedCrash: Error {}

    /// An idempotency store that remembers nothing: the consumer without deduplication.
    private struct ForgetfulStore: IdempotencyStore {
        func claim(_ key: String, lease: Duration) async throws -> IdempotencyClaim {
            .claimed(IdempotencyLease(key: key, token: "", until: Date()))
        }
        func complete(_ lease: IdempotencyLease, response: StoredResponse) async throws {}
        func release(_ lease: IdempotencyLease) async throws {}
        func purgeExpired() async throws -> Int { 0 }
    }

    /// An alert sink that drops alerts (the simulation counts dead letters instead).
    private struct QuietAlerts: AlertSink {
        func send(_ alert: Alert) async {}
    }

    /// Runs the simulation; `progress` is called with (events settled, events) now and then.
    public func run(deadLetters: any DeadLetterQueue, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws
        -> Report
    {
        let config = configuration
        var random = SplitMix64(seed: config.seed)
        let time = SimulatedTime()
        let wallClock = WallClock.custom { time.now }
        let database = try SQLiteDatabase.inMemory()
        try database.write { try $0.executeScript("CREATE TABLE effects (event TEXT NOT NULL)") }
        let inbox = try SQLiteInbox(database: database, clock: wallClock)
        let outbox = try SQLiteOutbox(database: database, clock: wallClock)
        let store: any IdempotencyStore =
            config.deduplicates
            ? try SQLiteIdempotencyStore(database: database, clock: wallClock) : ForgetfulStore()
        let secret = "whsec_c2ltdWxhdGlvbi1zZWNyZXQtMDEyMzQ1Njc4OQ=="
        let signer = try WebhookSigner(scheme: .standardWebhooks, secret: secret)
        let processor = WebhookProcessor(
            verifier: try WebhookVerifier(
                scheme: .standardWebhooks, secrets: [secret], tolerance: .seconds(86_400 * 365), clock: wallClock),
            store: store, deadLetters: deadLetters, alerts: QuietAlerts(),
            configuration: .init(lease: .seconds(60), source: "webhook:simulation"), clock: wallClock)

        let permanent = (0..<config.events).map { _ in
            Double.random(in: 0..<1, using: &random) < config.permanentFailureRate
        }
        var queue: [Delivery] = []
        for event in 0..<config.events {
            let start = Double(event) * 0.5
            queue.append(Delivery(time: start, event: event, attempt: 0, isExtraDuplicate: false))
            if Double.random(in: 0..<1, using: &random) < config.duplicateRate {
                queue.append(
                    Delivery(
                        time: start + Double.random(in: 1..<3600, using: &random), event: event, attempt: 0,
                        isExtraDuplicate: true))
            }
        }
        queue.sort { ($0.time, $0.event) > ($1.time, $1.event) }  // a stack: the earliest at the end

        var report = Report()
        var acknowledged = Set<Int>()
        let atMostOncePending = Box<[Int]>([])
        var settled = 0
        while let delivery = queue.popLast() {
            time.set(delivery.time)
            report.delivered += 1
            let key = "evt_\(delivery.event)"
            let body = Array("{\"id\":\"\(key)\",\"type\":\"charge.succeeded\"}".utf8)
            let request = WebhookRequest(headers: try signer.sign(body: body, id: key, timestamp: time.now), body: body)
            let transient = Double.random(in: 0..<1, using: &random) < config.transientFailureRate
            let crash = Double.random(in: 0..<1, using: &random) < config.crashRate
            let isPermanent = permanent[delivery.event]
            let outcome: WebhookProcessor.Outcome
            switch config.guarantee {
            case .atMostOnce:
                // Acknowledge first; the work happens later, once, whatever becomes of it.
                outcome = await processor.handle(request) { _ in
                    atMostOncePending.value.append(delivery.event)
                    return nil
                }
            case .atLeastOnce, .exactlyOnce:
                let withOutbox = config.guarantee == .exactlyOnce
                let deduplicates = config.deduplicates
                let suppressed = Box(false)
                outcome = await processor.handle(request) { event in
                    if isPermanent { throw WebhookHandlerError.permanent("the event can never be processed") }
                    if transient { throw WebhookHandlerError.transient("the database was restarting") }
                    if deduplicates {
                        let applied = try inbox.process(messageID: event.key, consumer: "simulation") { db in
                            try db.execute("INSERT INTO effects (event) VALUES (?1)", [.text(event.key)])
                            if withOutbox {
                                try outbox.enqueue(
                                    topic: "charge.recorded", key: event.key, payload: event.request.body, in: db)
                            }
                        }
                        suppressed.value = !applied
                    } else {
                        _ = try database.write {
                            try $0.execute("INSERT INTO effects (event) VALUES (?1)", [.text(event.key)])
                        }
                    }
                    if crash { throw SimulatedCrash() }
                    return nil
                }
                if suppressed.value { report.duplicatesSuppressed += 1 }
            }
            switch outcome.decision {
            case .duplicate: report.duplicatesSuppressed += 1
            default: break
            }
            let succeeded = (200..<300).contains(outcome.response.status)
            if succeeded {
                if !acknowledged.contains(delivery.event) {
                    acknowledged.insert(delivery.event)
                    settled += 1
                    if settled % 200 == 0 { progress?(settled, config.events) }
                }
            } else if !delivery.isExtraDuplicate, delivery.attempt < config.retrySchedule.count {
                let delay = config.retrySchedule[delivery.attempt]
                let seconds = Double(delay.components.seconds)
                let retry = Delivery(
                    time: delivery.time + seconds, event: delivery.event, attempt: delivery.attempt + 1,
                    isExtraDuplicate: false)
                let index = queue.firstIndex { ($0.time, $0.event) <= (retry.time, retry.event) } ?? queue.endIndex
                queue.insert(retry, at: index)
            }
        }
        // At-most-once: the acknowledged work runs once; a failure or a crash loses it.
        for event in atMostOncePending.value {
            if permanent[event] {
                let key = "evt_\(event)"
                try await deadLetters.enqueue(
                    DeadLetter(
                        source: "webhook:simulation", key: key, payload: Array(key.utf8), reason: "permanent_failure",
                        error: "the event can never be processed", attempts: 1, firstFailedAt: time.now))
                continue
            }
            let failed = Double.random(in: 0..<1, using: &random) < config.transientFailureRate
            let crashed = Double.random(in: 0..<1, using: &random) < config.crashRate
            if failed || crashed { continue }
            _ = try database.write {
                try $0.execute("INSERT INTO effects (event) VALUES (?1)", [.text("evt_\(event)")])
            }
        }
        progress?(config.events, config.events)

        let counts = try database.read { try $0.query("SELECT event, count(*) AS n FROM effects GROUP BY event") }
        report.processed = counts.count
        report.processedTwice = counts.filter { ($0["n"].integer ?? 0) > 1 }.count
        let parked = Set(try await deadLetters.list(source: "webhook:simulation", limit: Int.max).compactMap(\.key))
        report.deadLettered = parked.count
        let processedKeys = Set(counts.compactMap { $0["event"].text })
        report.lost =
            (0..<config.events).filter { !processedKeys.contains("evt_\($0)") && !parked.contains("evt_\($0)") }.count
        return report
    }
}
