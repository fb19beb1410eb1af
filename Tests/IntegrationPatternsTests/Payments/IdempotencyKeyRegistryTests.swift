import Foundation
import IntegrationPatterns
import Synchronization
import Testing

/// A wall clock a test moves by hand.
final class SettableTime: Sendable {
    private let current: Mutex<Date>
    init(_ date: Date) { current = Mutex(date) }
    var clock: WallClock { .custom { self.current.withLock { $0 } } }
    func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The registries under test, made the same way for every test.
enum RegistryKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite
    var testDescription: String { rawValue }

    func make(_ clock: WallClock, database: SQLiteDatabase? = nil) throws -> any IdempotencyKeyRegistry {
        switch self {
        case .memory: return InMemoryIdempotencyKeyRegistry(clock: clock)
        case .sqlite: return try SQLiteIdempotencyKeyRegistry(database: database ?? .inMemory(), clock: clock)
        }
    }
}

@Suite("IdempotencyKeyRegistry: outbound keys from the business operation")
struct IdempotencyKeyRegistryTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let charge = OutboundOperation(
        entity: "order-8812", action: "charge", parameters: ["amount": "15000000", "currency": "cop"])

    @Test("the key is derived from the operation; a deliberate new attempt gets its own key")
    func derivation() {
        #expect(charge.key == "order-8812-charge")
        var second = charge
        second.attempt = 2
        #expect(second.key == "order-8812-charge-2")
    }

    @Test("the parameters' fingerprint ignores their order and tells apart sets that concatenate alike")
    func fingerprint() {
        let a = OutboundOperation(entity: "e", action: "a", parameters: ["amount": "100", "currency": "usd"])
        let b = OutboundOperation(entity: "e", action: "a", parameters: ["currency": "usd", "amount": "100"])
        #expect(a.parametersFingerprint == b.parametersFingerprint)
        #expect(a.parametersFingerprint.count == 64)
        let split1 = OutboundOperation(entity: "e", action: "a", parameters: ["a": "bc"])
        let split2 = OutboundOperation(entity: "e", action: "a", parameters: ["ab": "c"])
        #expect(split1.parametersFingerprint != split2.parametersFingerprint)
        // No parameters encode to nothing: SHA-256 of the empty string.
        #expect(
            OutboundOperation(entity: "e", action: "a", parameters: [:]).parametersFingerprint
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Known answer: SHA-256("6:amount3:100"), computed independently with sha256sum.
        #expect(
            OutboundOperation(entity: "e", action: "a", parameters: ["amount": "100"]).parametersFingerprint
                == "670dfd4e65606e43f9761a85e7e33df7ce73b8cb502d6277cb763c5728eccd89")
    }

    @Test("first use, then retries within 24 hours reuse the same key", arguments: RegistryKind.allCases)
    func retry(kind: RegistryKind) async throws {
        let time = SettableTime(Self.start)
        let registry = try kind.make(time.clock)
        #expect(try await registry.register(charge) == .firstUse(key: "order-8812-charge"))
        time.advance(seconds: 60)
        #expect(try await registry.register(charge) == .retry(key: "order-8812-charge", firstUsedAt: Self.start))
        time.advance(seconds: 24 * 3600 - 61)
        #expect(try await registry.key(for: charge) == "order-8812-charge")
        let record = try #require(try await registry.record(forKey: "order-8812-charge"))
        #expect(record.uses == 3)
        #expect(record.firstUsedAt == Self.start)
        #expect(record.lastUsedAt == Self.start.addingTimeInterval(24 * 3600 - 1))
        #expect(record.parametersFingerprint == charge.parametersFingerprint)
    }

    @Test(
        "the same key with different parameters is an error, even after the retention", arguments: RegistryKind.allCases
    )
    func mismatch(kind: RegistryKind) async throws {
        let time = SettableTime(Self.start)
        let registry = try kind.make(time.clock)
        _ = try await registry.register(charge)
        var changed = charge
        changed.parameters["amount"] = "16000000"
        let error = try await #require(throws: IdempotencyKeyError.self) { try await registry.register(changed) }
        #expect(error.code == .parameterMismatch)
        #expect(error.key == "order-8812-charge")
        #expect(!error.message.contains("16000000"))
        time.advance(seconds: 3 * 24 * 3600)
        await #expect(throws: IdempotencyKeyError.self) { try await registry.register(changed) }
        // A new attempt is a new operation with its own key.
        changed.attempt = 2
        #expect(try await registry.register(changed) == .firstUse(key: "order-8812-charge-2"))
    }

    @Test(
        "at 24 hours the key may have been pruned by the provider: not trusted blindly",
        arguments: RegistryKind.allCases)
    func retention(kind: RegistryKind) async throws {
        let time = SettableTime(Self.start)
        let registry = try kind.make(time.clock)
        _ = try await registry.register(charge)
        time.advance(seconds: 24 * 3600)
        #expect(
            try await registry.register(charge) == .retentionExpired(key: "order-8812-charge", firstUsedAt: Self.start))
        let error = try await #require(throws: IdempotencyKeyError.self) { try await registry.key(for: charge) }
        #expect(error.code == .retentionExpired)
    }

    @Test(
        "the seed's story: 10:00 order, 10:01 timeout, 10:02 retry, 24.5 h later a stuck retry",
        arguments: RegistryKind.allCases)
    func story(kind: RegistryKind) async throws {
        let time = SettableTime(Self.start)
        let registry = try kind.make(time.clock)
        #expect(try await registry.key(for: charge) == "order-8812-charge")
        time.advance(seconds: 120)
        #expect(try await registry.register(charge).key == "order-8812-charge")
        time.advance(seconds: 24.5 * 3600 - 120)
        guard case .retentionExpired = try await registry.register(charge) else {
            Issue.record("a retry 24.5 hours after the first request must look up the payment first")
            return
        }
    }

    @Test("keys must have an entity and an action and fit Stripe's 255 characters", arguments: RegistryKind.allCases)
    func invalid(kind: RegistryKind) async throws {
        let registry = try kind.make(.fixed(Self.start))
        let long = OutboundOperation(entity: String(repeating: "x", count: 250), action: "charge", parameters: [:])
        let error = try await #require(throws: IdempotencyKeyError.self) { try await registry.register(long) }
        #expect(error.code == .invalidKey)
        await #expect(throws: IdempotencyKeyError.self) {
            try await registry.register(OutboundOperation(entity: "", action: "charge", parameters: [:]))
        }
        let fits = OutboundOperation(entity: String(repeating: "x", count: 248), action: "charge", parameters: [:])
        #expect(fits.key.count == 255)
        #expect(try await registry.register(fits) == .firstUse(key: fits.key))
    }

    @Test("purge removes records first used before a date", arguments: RegistryKind.allCases)
    func purge(kind: RegistryKind) async throws {
        let time = SettableTime(Self.start)
        let registry = try kind.make(time.clock)
        _ = try await registry.register(charge)
        time.advance(seconds: 3600)
        let refund = OutboundOperation(entity: "order-8812", action: "refund", parameters: ["amount": "4000000"])
        _ = try await registry.register(refund)
        #expect(try await registry.purge(firstUsedBefore: Self.start.addingTimeInterval(1)) == 1)
        #expect(try await registry.record(forKey: charge.key) == nil)
        #expect(try await registry.record(forKey: refund.key) != nil)
    }

    @Test("many concurrent registrations of one operation: exactly one first use", arguments: RegistryKind.allCases)
    func concurrent(kind: RegistryKind) async throws {
        let registry = try kind.make(.fixed(Self.start))
        let operation = charge
        let decisions = try await withThrowingTaskGroup(of: IdempotencyKeyDecision.self) { group in
            for _ in 0..<50 { group.addTask { try await registry.register(operation) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(decisions.filter { if case .firstUse = $0 { true } else { false } }.count == 1)
        #expect(decisions.count == 50)
        #expect(try await registry.record(forKey: operation.key)?.uses == 50)
    }

    @Test("the SQLite registry survives reopening its file")
    func persistence() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("keys.sqlite").path
        do {
            let registry = try SQLiteIdempotencyKeyRegistry(
                database: SQLiteDatabase(path: path), clock: .fixed(Self.start))
            _ = try await registry.register(charge)
        }
        let later = Self.start.addingTimeInterval(600)
        let reopened = try SQLiteIdempotencyKeyRegistry(database: SQLiteDatabase(path: path), clock: .fixed(later))
        #expect(try await reopened.register(charge) == .retry(key: charge.key, firstUsedAt: Self.start))
        var changed = charge
        changed.parameters["currency"] = "usd"
        await #expect(throws: IdempotencyKeyError.self) { try await reopened.register(changed) }
    }
}
