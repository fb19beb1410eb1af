internal import Foundation

/// An idempotency store in this process's memory: for tests, and for a single process that may forget
/// on restart (a duplicate after a restart is then processed again).
public actor InMemoryIdempotencyStore: IdempotencyStore {
    private struct Record {
        var token: String
        var completed: StoredResponse?
        var expiresAt: Date
    }

    private var records: [String: Record] = [:]
    private let retention: Duration
    private let clock: WallClock
    private let tokens = LeaseToken()

    /// Creates a store keeping completed keys for `retention` (default: 3 days, Stripe's retry horizon).
    public init(retention: Duration = .seconds(3 * 86_400), clock: WallClock = .system) {
        self.retention = retention
        self.clock = clock
    }

    public func claim(_ key: String, lease: Duration) throws -> IdempotencyClaim {
        try validate(key)
        let now = clock.now()
        if let record = records[key], record.expiresAt > now {
            if let response = record.completed { return .completed(response) }
            return .inProgress(until: record.expiresAt)
        }
        let granted = IdempotencyLease(key: key, token: tokens.next(), until: now.adding(lease))
        records[key] = Record(token: granted.token, completed: nil, expiresAt: granted.until)
        return .claimed(granted)
    }

    public func complete(_ lease: IdempotencyLease, response: StoredResponse) throws {
        guard var record = records[lease.key], record.token == lease.token, record.completed == nil else {
            throw IdempotencyError(.leaseLost, key: lease.key)
        }
        record.completed = response
        record.expiresAt = clock.now().adding(retention)
        records[lease.key] = record
    }

    public func release(_ lease: IdempotencyLease) {
        if let record = records[lease.key], record.token == lease.token, record.completed == nil {
            records[lease.key] = nil
        }
    }

    @discardableResult
    public func purgeExpired() -> Int {
        let now = clock.now()
        let expired = records.filter { $0.value.expiresAt <= now }.map(\.key)
        for key in expired { records[key] = nil }
        return expired.count
    }

    /// How many keys are held (claimed or completed), expired ones included until purged.
    public var count: Int { records.count }
}

extension Date {
    /// This date moved by a Swift duration.
    func adding(_ duration: Duration) -> Date {
        let (seconds, attoseconds) = duration.components
        return addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
