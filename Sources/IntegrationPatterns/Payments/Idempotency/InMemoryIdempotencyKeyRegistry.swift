public import Foundation

/// An ``IdempotencyKeyRegistry`` in memory, for tests and single processes that may lose it on restart.
public actor InMemoryIdempotencyKeyRegistry: IdempotencyKeyRegistry {
    private var records: [String: IdempotencyKeyRecord] = [:]
    private let clock: WallClock
    private let retention: Duration

    /// Creates an empty registry.
    ///
    /// - Parameters:
    ///   - retention: How long the provider keeps keys; Stripe's 24 hours by default.
    ///   - clock: Where "now" comes from.
    public init(retention: Duration = .seconds(24 * 60 * 60), clock: WallClock = .system) {
        self.retention = retention
        self.clock = clock
    }

    public func register(_ operation: OutboundOperation) throws -> IdempotencyKeyDecision {
        let (decision, record) = try IdempotencyKeyRules.decide(
            existing: records[operation.key], operation: operation, fingerprint: operation.parametersFingerprint,
            now: clock.now(), retention: retention)
        records[record.key] = record
        return decision
    }

    public func record(forKey key: String) -> IdempotencyKeyRecord? { records[key] }

    @discardableResult
    public func purge(firstUsedBefore date: Date) -> Int {
        let old = records.values.filter { $0.firstUsedAt < date }.map(\.key)
        for key in old { records[key] = nil }
        return old.count
    }
}
