import Foundation
import IntegrationPatterns
import Testing

/// Collects alerts.
actor AlertRecorder: AlertSink {
    private(set) var alerts: [Alert] = []
    func send(_ alert: Alert) async { alerts.append(alert) }
}

/// Each test runs against both implementations.
enum QueueKind: String, CaseIterable, CustomStringConvertible {
    case sqlite, memory
    var description: String { rawValue }

    func make(alerts: (any AlertSink)? = nil) throws -> any RedrivableDeadLetterQueue {
        switch self {
        case .sqlite: return try SQLiteDeadLetterQueue(database: .inMemory(), alerts: alerts)
        case .memory: return InMemoryDeadLetterQueue(alerts: alerts)
        }
    }
}

@Suite("Dead-letter queues")
struct DeadLetterQueueTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000.125)

    func letter(
        _ source: String = "webhook:stripe", key: String? = nil, reason: String = "retries_exhausted",
        at offset: TimeInterval = 0
    )
        -> DeadLetter
    {
        DeadLetter(
            source: source, key: key, payload: Array(#"{"id":"evt_1","amount":1500}"#.utf8),
            headers: ["Content-Type": "application/json", "Stripe-Signature": "t=1,v1=ab"], reason: reason,
            error: "HTTP 503", attempts: 3, firstFailedAt: t0.addingTimeInterval(offset),
            lastFailedAt: t0.addingTimeInterval(offset + 60))
    }

    @Test("enqueue, list oldest first, get, remove, count", arguments: QueueKind.allCases)
    func basics(kind: QueueKind) async throws {
        let queue = try kind.make()
        let first = try await queue.enqueue(letter(key: "evt_1"))
        let second = try await queue.enqueue(letter("ical:airbnb", at: 10))
        let third = try await queue.enqueue(letter(key: "evt_3", at: 20))
        #expect([first, second, third] == [first, first + 1, first + 2])
        #expect(try await queue.count() == 3)
        let all = try await queue.list(source: nil, limit: 10)
        #expect(all.map(\.id) == [first, second, third])
        #expect(try await queue.list(source: "webhook:stripe", limit: 10).map(\.id) == [first, third])
        #expect(try await queue.list(source: nil, limit: 2).count == 2)
        var expected = letter(key: "evt_1")
        expected.id = first
        #expect(try await queue.get(id: first) == expected)
        #expect(try await queue.get(id: 999) == nil)
        #expect(try await queue.remove(id: second))
        #expect(try await !queue.remove(id: second))
        #expect(try await queue.count() == 2)
    }

    @Test(
        "a message parked twice under the same key is one entry with the attempts added", arguments: QueueKind.allCases)
    func deduplication(kind: QueueKind) async throws {
        let queue = try kind.make()
        let id = try await queue.enqueue(letter(key: "evt_1"))
        var again = letter(key: "evt_1", reason: "permanent_failure", at: 3600)
        again.error = "HTTP 422"
        again.attempts = 1
        #expect(try await queue.enqueue(again) == id)
        let stored = try #require(try await queue.get(id: id))
        #expect(stored.attempts == 4)
        #expect(stored.error == "HTTP 422")
        #expect(stored.reason == "permanent_failure")
        #expect(stored.firstFailedAt == t0)
        #expect(stored.lastFailedAt == t0.addingTimeInterval(3660))
        #expect(try await queue.count() == 1)
        // Without a key, or under another source, nothing merges.
        _ = try await queue.enqueue(letter())
        _ = try await queue.enqueue(letter())
        _ = try await queue.enqueue(letter("other", key: "evt_1"))
        #expect(try await queue.count() == 4)
    }

    @Test("purge by last failure or all; identifiers are never reused", arguments: QueueKind.allCases)
    func purge(kind: QueueKind) async throws {
        let queue = try kind.make()
        let old = try await queue.enqueue(letter(at: 0))
        _ = try await queue.enqueue(letter(at: 86_400))
        #expect(try await queue.purge(lastFailedBefore: t0.addingTimeInterval(3600)) == 1)
        #expect(try await queue.get(id: old) == nil)
        #expect(try await queue.purge(lastFailedBefore: nil) == 1)
        #expect(try await queue.count() == 0)
        #expect(try await queue.enqueue(letter()) > old + 1)
    }

    @Test(
        "the first message of a (source, reason) group alerts; the rest of the group does not",
        arguments: QueueKind.allCases)
    func alerts(kind: QueueKind) async throws {
        let recorder = AlertRecorder()
        let queue = try kind.make(alerts: recorder)
        for _ in 0..<50 { _ = try await queue.enqueue(letter()) }
        _ = try await queue.enqueue(letter(reason: "permanent_failure"))
        _ = try await queue.enqueue(letter("ical:airbnb"))
        let alerts = await recorder.alerts
        #expect(alerts.count == 3)
        #expect(alerts[0].severity == .warning)
        #expect(alerts[0].channel == "integrations")
        #expect(alerts[0].message == "Dead letter from webhook:stripe (retries_exhausted): HTTP 503")
        #expect(alerts[0].details["source"] == "webhook:stripe")
        _ = try await queue.purge(lastFailedBefore: nil)
        _ = try await queue.enqueue(letter())
        #expect(await recorder.alerts.count == 4)
    }

    @Test("export writes JSON lines that read back to the same letters", arguments: QueueKind.allCases)
    func export(kind: QueueKind) async throws {
        let queue = try kind.make()
        _ = try await queue.enqueue(letter(key: "evt_1"))
        var binary = letter(at: 5)
        binary.payload = [0xFF, 0x00, 0x80]
        _ = try await queue.enqueue(binary)
        var lines: [String] = []
        #expect(try await queue.exportJSONLines { lines.append($0) } == 2)
        #expect(lines.allSatisfy { !$0.contains("\n") })
        #expect(lines[0].contains(#""first_failed_at":"2023-11-14T22:13:20.125Z""#))
        #expect(lines[0].contains(#""payload":"{\"id\":\"evt_1\",\"amount\":1500}""#))
        #expect(lines[1].contains(#""payload":null"#))
        #expect(lines[1].contains(#""key":null"#))
        let read = try lines.map(DeadLetter.init(jsonLine:))
        #expect(read == (try await queue.list(source: nil, limit: 10)))
        #expect(throws: (any Error).self) { try DeadLetter(jsonLine: "{}") }
        #expect(throws: DecodingError.self) {
            try DeadLetter(jsonLine: lines[0].replacingOccurrences(of: "2023-11-14T22:13:20.125Z", with: "yesterday"))
        }
    }

    @Test(
        "redrive hands letters back at the rate asked, removes the accepted, stops at a failure",
        arguments: QueueKind.allCases)
    func redrive(kind: QueueKind) async throws {
        let queue = try kind.make()
        for index in 0..<4 { _ = try await queue.enqueue(letter(key: "evt_\(index)", at: Double(index))) }
        _ = try await queue.enqueue(letter(key: "bad", reason: "invalid"))
        let clock = ManualClock()
        let seen = Recorder<Duration>()
        let task = Task {
            try await queue.redrive(reason: "retries_exhausted", ratePerSecond: 2, clock: clock) { letter in
                seen.append(clock.elapsed)
                if letter.key == "evt_2" { throw HTTPResponseError(statusCode: 500) }
            }
        }
        let report = try await clock.drive(task)
        #expect(seen.values == [.zero, .milliseconds(500), .milliseconds(1000)])
        #expect(report.redriven.count == 2)
        #expect(report.failed.count == 1)
        #expect(report.stoppedEarly)
        let left = try await queue.list(source: nil, limit: 10)
        #expect(left.map(\.key) == ["evt_2", "evt_3", "bad"])
        #expect(left[0].attempts == 4)
        #expect(left[0].error == "HTTP 500")
        let rest = try await clock.drive(
            Task {
                try await queue.redrive(ratePerSecond: 1000, stopOnFailure: false, clock: clock) { letter in
                    if letter.key == "bad" { throw HTTPResponseError(statusCode: 422) }
                }
            })
        #expect(rest.redriven.count == 2)
        #expect(rest.failed.count == 1)
        #expect(!rest.stoppedEarly)
        #expect(try await queue.count() == 1)
    }

    @Test("the SQLite queue survives closing and reopening its file")
    func survivesRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dlq-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state/dlq.sqlite").path
        var id: Int64 = 0
        do {
            let queue = try SQLiteDeadLetterQueue(path: path)
            id = try await queue.enqueue(letter(key: "evt_1"))
            _ = try await queue.enqueue(letter(key: "evt_2"))
            _ = try await queue.remove(id: id + 1)
        }
        let reopened = try SQLiteDeadLetterQueue(path: path)
        var expected = letter(key: "evt_1")
        expected.id = id
        #expect(try await reopened.list(source: nil, limit: 10) == [expected])
        #expect(try await reopened.enqueue(letter(key: "evt_3")) == id + 2)
    }

    @Test("the log sink writes one JSON line per alert")
    func logSink() async {
        let lines = Recorder<String>()
        let sink = LogAlertSink(clock: .fixed(t0)) { lines.append($0) }
        await sink.send(Alert(severity: .critical, message: "Job 7 failed permanently: boom", details: ["job": "7"]))
        #expect(
            lines.values == [
                #"{"channel":"integrations","detail.job":"7","event":"alert","level":"error","message":"Job 7 failed permanently: boom","severity":"critical","ts":"2023-11-14T22:13:20.125Z"}"#
                    + "\n"
            ])
    }
}
