public import Foundation

/// A dead-letter queue in memory, for tests and for processes that can afford to lose it. Same rules as
/// ``SQLiteDeadLetterQueue``: one entry per `(source, key)`, identifiers never reused, an alert when a
/// `(source, reason)` group starts.
public actor InMemoryDeadLetterQueue: RedrivableDeadLetterQueue {
    private var letters: [Int64: DeadLetter] = [:]
    private var nextID: Int64 = 1
    private let alerts: (any AlertSink)?
    private let channel: String

    /// An empty queue.
    public init(alerts: (any AlertSink)? = nil, channel: String = "integrations") {
        self.alerts = alerts
        self.channel = channel
    }

    @discardableResult
    public func enqueue(_ letter: DeadLetter) async throws -> Int64 {
        let startsGroup = !letters.values.contains { $0.source == letter.source && $0.reason == letter.reason }
        let id: Int64
        if let key = letter.key,
            var existing = letters.values.first(where: { $0.source == letter.source && $0.key == key }),
            let existingID = existing.id
        {
            existing.attempts += letter.attempts
            existing.reason = letter.reason
            existing.error = letter.error
            existing.payload = letter.payload
            existing.headers = letter.headers
            existing.firstFailedAt = min(existing.firstFailedAt, letter.firstFailedAt)
            existing.lastFailedAt = max(existing.lastFailedAt, letter.lastFailedAt)
            letters[existingID] = existing
            id = existingID
        } else {
            id = nextID
            nextID += 1
            var stored = letter
            stored.id = id
            letters[id] = stored
        }
        if startsGroup, let alerts {
            await alerts.send(
                Alert(
                    severity: .warning, channel: channel,
                    message: "Dead letter from \(letter.source) (\(letter.reason)): \(letter.error)",
                    details: ["id": String(id), "source": letter.source, "reason": letter.reason]))
        }
        return id
    }

    public func list(source: String?, limit: Int) async throws -> [DeadLetter] {
        Array(
            letters.values.filter { source == nil || $0.source == source }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
                .prefix(max(0, limit)))
    }

    public func get(id: Int64) async throws -> DeadLetter? { letters[id] }

    @discardableResult
    public func remove(id: Int64) async throws -> Bool { letters.removeValue(forKey: id) != nil }

    @discardableResult
    public func purge(lastFailedBefore date: Date?) async throws -> Int {
        let doomed = letters.values.filter { letter in date.map { letter.lastFailedAt < $0 } ?? true }.compactMap(\.id)
        for id in doomed { letters[id] = nil }
        return doomed.count
    }

    public func count() async throws -> Int { letters.count }

    @discardableResult
    public func recordFailedRedrive(id: Int64, error: String, at date: Date) async throws -> Bool {
        guard var letter = letters[id] else { return false }
        letter.attempts += 1
        letter.error = error
        letter.lastFailedAt = max(letter.lastFailedAt, date)
        letters[id] = letter
        return true
    }
}
