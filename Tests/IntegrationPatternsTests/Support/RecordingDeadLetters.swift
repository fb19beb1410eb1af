import Foundation
import IntegrationPatterns

/// A dead-letter queue in memory that records what it was given (tests only).
actor RecordingDeadLetterQueue: DeadLetterQueue {
    private(set) var letters: [DeadLetter] = []
    var failing = false

    func setFailing(_ value: Bool) { failing = value }

    func enqueue(_ letter: DeadLetter) async throws -> Int64 {
        if failing { throw SQLiteError(code: .ioError, message: "disk full") }
        var stored = letter
        stored.id = Int64(letters.count + 1)
        letters.append(stored)
        return stored.id!
    }

    func list(source: String?, limit: Int) async throws -> [DeadLetter] {
        Array(letters.filter { source == nil || $0.source == source }.prefix(limit))
    }

    func get(id: Int64) async throws -> DeadLetter? { letters.first { $0.id == id } }

    func remove(id: Int64) async throws -> Bool {
        let before = letters.count
        letters.removeAll { $0.id == id }
        return letters.count < before
    }

    func purge(lastFailedBefore date: Date?) async throws -> Int {
        let before = letters.count
        letters.removeAll { date == nil || $0.lastFailedAt < date! }
        return before - letters.count
    }

    func count() async throws -> Int { letters.count }
}

/// An alert sink that keeps what it was sent (tests only).
actor RecordingAlertSink: AlertSink {
    private(set) var alerts: [Alert] = []
    func send(_ alert: Alert) async { alerts.append(alert) }
}
