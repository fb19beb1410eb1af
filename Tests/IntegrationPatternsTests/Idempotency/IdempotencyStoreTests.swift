import Foundation
import Testing

@testable import IntegrationPatterns

/// The same contract, checked on both stores.
@Suite("Idempotency stores")
struct IdempotencyStoreTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }
    }

    /// A store of `kind` on `clock`, and a cleanup.
    static func make(_ kind: Kind, clock: TestWallClock, retention: Duration = .seconds(3600)) throws
        -> (any IdempotencyStore, () -> Void)
    {
        switch kind {
        case .memory:
            return (InMemoryIdempotencyStore(retention: retention, clock: clock.wallClock), {})
        case .sqlite:
            let database = try TemporaryDatabase()
            let store = try SQLiteIdempotencyStore(path: database.path, retention: retention, clock: clock.wallClock)
            return (store, database.remove)
        }
    }

    @Test("claim, complete, then every duplicate gets the stored response", arguments: Kind.allCases)
    func completedDuplicates(kind: Kind) async throws {
        let clock = TestWallClock()
        let (store, cleanup) = try Self.make(kind, clock: clock)
        defer { cleanup() }
        guard case .claimed(let lease) = try await store.claim("evt_1", lease: .seconds(30)) else {
            Issue.record("the first claim must win")
            return
        }
        let response = StoredResponse(
            status: 200, headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
        try await store.complete(lease, response: response)
        for _ in 0..<3 {
            #expect(try await store.claim("evt_1", lease: .seconds(30)) == .completed(response))
        }
    }

    @Test(
        "a key in flight is reported with its lease end, and taken over once the lease ends", arguments: Kind.allCases)
    func leases(kind: Kind) async throws {
        let clock = TestWallClock()
        let (store, cleanup) = try Self.make(kind, clock: clock)
        defer { cleanup() }
        guard case .claimed(let first) = try await store.claim("evt_2", lease: .seconds(30)) else {
            Issue.record("the first claim must win")
            return
        }
        clock.advance(by: 10)
        #expect(try await store.claim("evt_2", lease: .seconds(30)) == .inProgress(until: first.until))
        clock.advance(by: 21)
        guard case .claimed(let second) = try await store.claim("evt_2", lease: .seconds(30)) else {
            Issue.record("an expired lease must be taken over")
            return
        }
        #expect(second.token != first.token)
        // The first worker finishes late: its result is refused, the second one's is kept.
        await #expect(throws: IdempotencyError(.leaseLost, key: "evt_2")) {
            try await store.complete(first, response: StoredResponse(status: 200))
        }
        try await store.complete(second, response: StoredResponse(status: 202))
        #expect(try await store.claim("evt_2", lease: .seconds(30)) == .completed(StoredResponse(status: 202)))
    }

    @Test("a released key can be claimed again at once; a stale release does nothing", arguments: Kind.allCases)
    func release(kind: Kind) async throws {
        let clock = TestWallClock()
        let (store, cleanup) = try Self.make(kind, clock: clock)
        defer { cleanup() }
        guard case .claimed(let lease) = try await store.claim("evt_3", lease: .seconds(30)) else { return }
        try await store.release(lease)
        guard case .claimed(let again) = try await store.claim("evt_3", lease: .seconds(30)) else {
            Issue.record("a released key must be claimable")
            return
        }
        try await store.release(lease)  // the old lease: must not free the new holder's key
        #expect(try await store.claim("evt_3", lease: .seconds(30)) == .inProgress(until: again.until))
    }

    @Test("completed keys expire after the retention and are purged", arguments: Kind.allCases)
    func retention(kind: Kind) async throws {
        let clock = TestWallClock()
        let (store, cleanup) = try Self.make(kind, clock: clock, retention: .seconds(3600))
        defer { cleanup() }
        for index in 0..<5 {
            guard case .claimed(let lease) = try await store.claim("evt_\(index)", lease: .seconds(30)) else { return }
            try await store.complete(lease, response: StoredResponse(status: 200))
        }
        clock.advance(by: 3599)
        #expect(try await store.purgeExpired() == 0)
        #expect(try await store.claim("evt_0", lease: .seconds(30)) == .completed(StoredResponse(status: 200)))
        clock.advance(by: 2)
        #expect(try await store.purgeExpired() == 5)
        guard case .claimed = try await store.claim("evt_0", lease: .seconds(30)) else {
            Issue.record("after the retention a key is new again")
            return
        }
    }

    @Test("many tasks claiming the same keys: each key is won exactly once", arguments: Kind.allCases)
    func concurrentClaims(kind: Kind) async throws {
        let clock = TestWallClock()
        let (store, cleanup) = try Self.make(kind, clock: clock)
        defer { cleanup() }
        let keys = 200
        let wins = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var won: [Int] = []
                    for key in 0..<keys {
                        if case .claimed(let lease) = try await store.claim("evt_\(key)", lease: .seconds(60)) {
                            try await store.complete(lease, response: StoredResponse(status: 200))
                            won.append(key)
                        }
                    }
                    return won
                }
            }
            var all: [Int] = []
            for try await won in group { all += won }
            return all
        }
        #expect(wins.count == keys)
        #expect(Set(wins).count == keys)
    }

    @Test("an empty or oversized key is refused", arguments: Kind.allCases)
    func invalidKeys(kind: Kind) async throws {
        let (store, cleanup) = try Self.make(kind, clock: TestWallClock())
        defer { cleanup() }
        await #expect(throws: IdempotencyError.self) { try await store.claim("", lease: .seconds(1)) }
        await #expect(throws: IdempotencyError.self) {
            try await store.claim(String(repeating: "k", count: 2000), lease: .seconds(1))
        }
    }

    @Test("two processes sharing one database file never both win a key")
    func twoProcesses() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        _ = try SQLiteIdempotencyStore(path: database.path)  // create the schema before the race
        let helper = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("claim-race")
        let start = database.directory.appendingPathComponent("start").path
        let keys = 2000
        var processes: [(Process, Pipe)] = []
        for seed in [1, 2] {
            let process = Process()
            process.executableURL = helper
            process.arguments = [database.path, String(keys), start, String(seed)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            processes.append((process, pipe))
        }
        _ = FileManager.default.createFile(atPath: start, contents: Data())
        var won: [[Int]] = []
        for (process, pipe) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            won.append(output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) })
        }
        #expect(Set(won[0]).isDisjoint(with: won[1]))
        #expect(won[0].count + won[1].count == keys)
        // Both actually competed: in shuffled orders, a process that won nothing never raced at all.
        #expect(!won[0].isEmpty && !won[1].isEmpty)
    }
}
