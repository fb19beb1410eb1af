import Foundation
import Synchronization
import Testing

@testable import IntegrationPatterns

@Suite("Inbox and outbox")
struct InboxOutboxTests {
    struct Bank {
        let database: SQLiteDatabase
        let location: TemporaryDatabase
        init() throws {
            location = try TemporaryDatabase()
            database = try SQLiteDatabase(path: location.path)
            try database.write {
                try $0.executeScript("CREATE TABLE balances (account TEXT PRIMARY KEY, amount INTEGER NOT NULL)")
            }
        }
        func balance(_ account: String) throws -> Int64 {
            try database.read {
                try $0.queryFirst("SELECT amount FROM balances WHERE account = ?", [.text(account)])?[0].integer ?? 0
            }
        }
    }

    static func credit(_ account: String, _ amount: Int64, _ connection: SQLiteConnection) throws {
        try connection.execute(
            "INSERT INTO balances (account, amount) VALUES (?1, ?2) ON CONFLICT(account) DO UPDATE SET amount = amount + ?2",
            [.text(account), .integer(amount)])
    }

    @Test("the same message processed three times credits once: the id commits with the effect")
    func effectivelyOnce() throws {
        let bank = try Bank()
        defer { bank.location.remove() }
        let inbox = try SQLiteInbox(database: bank.database)
        var ran = 0
        for _ in 0..<3 {
            try inbox.process(messageID: "evt_1", consumer: "billing") { connection in
                ran += 1
                try Self.credit("acme", 10, connection)
            }
        }
        #expect(ran == 1)
        #expect(try bank.balance("acme") == 10)
        #expect(try inbox.isProcessed(messageID: "evt_1", consumer: "billing"))
        // Another consumer of the same message has its own record.
        try inbox.process(messageID: "evt_1", consumer: "analytics") { _ in }
        #expect(try inbox.isProcessed(messageID: "evt_1", consumer: "analytics"))
    }

    @Test("a failing effect rolls back the id too, so the redelivery is processed")
    func rollback() throws {
        let bank = try Bank()
        defer { bank.location.remove() }
        let inbox = try SQLiteInbox(database: bank.database)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try inbox.process(messageID: "evt_2") { connection in
                try Self.credit("acme", 5, connection)
                throw Boom()
            }
        }
        #expect(try bank.balance("acme") == 0)
        #expect(try !inbox.isProcessed(messageID: "evt_2"))
        #expect(try inbox.process(messageID: "evt_2") { try Self.credit("acme", 5, $0) })
        #expect(try bank.balance("acme") == 5)
    }

    @Test("accept now, process later: duplicates are refused at the door, failures retried after a delay")
    func acceptThenProcess() throws {
        let bank = try Bank()
        defer { bank.location.remove() }
        let clock = TestWallClock()
        let inbox = try SQLiteInbox(database: bank.database, clock: clock.wallClock)
        #expect(try inbox.accept(messageID: "m1", payload: Array("10".utf8), headers: ["webhook-id": "m1"]))
        #expect(try !inbox.accept(messageID: "m1", payload: Array("10".utf8)))
        #expect(try inbox.accept(messageID: "m2", payload: Array("x".utf8)))
        #expect(try inbox.pendingCount() == 2)
        struct NotANumber: Error {}
        let handler: (InboxMessage, SQLiteConnection) throws -> Void = { message, connection in
            guard let amount = Int64(String(decoding: message.payload, as: UTF8.self)) else { throw NotANumber() }
            #expect(message.headers["webhook-id"] == "m1")
            try Self.credit("acme", amount, connection)
        }
        let failures = try inbox.processPending(retryAfter: { _ in .seconds(60) }, handler)
        #expect(failures.map(\.message.messageID) == ["m2"])
        #expect(try bank.balance("acme") == 10)
        #expect(try inbox.processPending(handler).isEmpty)  // m2 is not due yet
        clock.advance(by: 61)
        let again = try inbox.processPending(handler)
        #expect(again.first?.message.attempts == 1)
        #expect(try inbox.pendingCount() == 1)
    }

    @Test("processed ids are forgotten after the retention")
    func inboxRetention() throws {
        let bank = try Bank()
        defer { bank.location.remove() }
        let clock = TestWallClock()
        let inbox = try SQLiteInbox(database: bank.database, retention: .seconds(3600), clock: clock.wallClock)
        try inbox.process(messageID: "old") { _ in }
        clock.advance(by: 3601)
        try inbox.process(messageID: "new") { _ in }
        #expect(try inbox.purgeExpired() == 1)
        #expect(try !inbox.isProcessed(messageID: "old"))
        #expect(try inbox.isProcessed(messageID: "new"))
    }

    @Test("the outbox commits with the business change, or not at all")
    func outboxAtomicity() throws {
        let bank = try Bank()
        defer { bank.location.remove() }
        let outbox = try SQLiteOutbox(database: bank.database)
        try bank.database.transaction { connection in
            try Self.credit("acme", 7, connection)
            try outbox.enqueue(topic: "balance.changed", key: "acme:1", payload: Array("7".utf8), in: connection)
        }
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try bank.database.transaction { connection in
                try Self.credit("acme", 100, connection)
                try outbox.enqueue(topic: "balance.changed", key: "acme:2", payload: Array("100".utf8), in: connection)
                throw Abort()
            }
        }
        #expect(try bank.balance("acme") == 7)
        #expect(try outbox.due().map(\.key) == ["acme:1"])
        #expect(try outbox.contains(key: "acme:1"))
        #expect(try !outbox.contains(key: "acme:2"))
    }

    /// Messages a fake broker received, and whether it is up.
    final class Broker: Sendable {
        let received = Mutex<[String]>([])
        let down = Atomic<Bool>(false)
    }

    @Test("the relay publishes in order at least once, retries after a delay, and parks after too many failures")
    func relay() async throws {
        let bank = try Bank()
        defer { bank.location.remove() }
        let clock = TestWallClock()
        let outbox = try SQLiteOutbox(database: bank.database, clock: clock.wallClock)
        for index in 1...3 {
            _ = try bank.database.transaction {
                try outbox.enqueue(topic: "t", key: "k\(index)", payload: [UInt8(index)], in: $0)
            }
        }
        let broker = Broker()
        let deadLetters = RecordingDeadLetterQueue()
        let relay = OutboxRelay(
            outbox: outbox, maxAttempts: 3, retryDelay: { _ in .seconds(30) }, deadLetters: deadLetters,
            clock: clock.wallClock
        ) { message in
            if broker.down.load(ordering: .relaxed) { throw SQLiteError(code: .ioError, message: "broker unreachable") }
            broker.received.withLock { $0.append(message.key) }
        }
        broker.down.store(true, ordering: .relaxed)
        var report = try await relay.runOnce()
        #expect(report == OutboxRelay.Report(published: 0, failed: 1, deadLettered: 0))
        broker.down.store(false, ordering: .relaxed)
        report = try await relay.runOnce()
        #expect(report.published == 0)  // k1 is not due for 30 s, and order is kept
        clock.advance(by: 31)
        report = try await relay.runOnce()
        #expect(report.published == 3)
        #expect(broker.received.withLock { $0 } == ["k1", "k2", "k3"])
        #expect(try outbox.pendingCount() == 0)

        _ = try bank.database.transaction { try outbox.enqueue(topic: "t", key: "poison", payload: [0], in: $0) }
        broker.down.store(true, ordering: .relaxed)
        for _ in 0..<3 {
            _ = try await relay.runOnce()
            clock.advance(by: 31)
        }
        #expect(try outbox.pendingCount() == 0)
        let parked = await deadLetters.letters
        #expect(parked.map(\.key) == ["poison"])
        #expect(parked.first?.reason == "retries_exhausted")
        #expect(parked.first?.attempts == 3)
    }
}

@Suite("Inbox with an async handler")
struct AsyncInboxTests {
    @Test("a message is marked processed after the handler returns, retried after it throws, and can be discarded")
    func asyncHandler() async throws {
        let clock = TestWallClock()
        let inbox = try SQLiteInbox(database: SQLiteDatabase.inMemory(), clock: clock.wallClock)
        try inbox.accept(messageID: "a", payload: [1])
        try inbox.accept(messageID: "b", payload: [2])
        struct Down: Error {}
        var seen: [String] = []
        let failures = try await inbox.processPending(retryAfter: { _ in .seconds(10) }) { message in
            seen.append(message.messageID)
            if message.messageID == "b" { throw Down() }
        }
        #expect(seen == ["a", "b"])
        #expect(failures.map(\.message.messageID) == ["b"])
        #expect(try inbox.isProcessed(messageID: "a"))
        #expect(try inbox.pendingCount() == 1)
        clock.advance(by: 11)
        let again = try await inbox.processPending { _ in throw Down() }
        #expect(again.first?.message.attempts == 1)
        try inbox.discard(messageID: "b")
        #expect(try inbox.pendingCount() == 0)
    }
}
