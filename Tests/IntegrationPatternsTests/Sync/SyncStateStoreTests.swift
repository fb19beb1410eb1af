import Foundation
import IntegrationPatterns
import Testing

@Suite("SyncStateStore")
struct SyncStateStoreTests {
    enum Kind: String, CaseIterable, Sendable {
        case memory, sqlite

        func make() throws -> any SyncStateStore {
            switch self {
            case .memory: return InMemorySyncStateStore()
            case .sqlite: return try SQLiteSyncStateStore(database: .inMemory())
            }
        }
    }

    private let airbnbKey = FeedKey(unit: "A1", feed: "airbnb")
    private let directKey = FeedKey(unit: "A1", feed: "direct")

    private func state(_ blocks: [AvailabilityBlock], at minutes: Double = 0) -> FeedState {
        Reconciler().reconcile(blocks, against: .empty, at: at(minutes: minutes)).state
    }

    @Test("a commit stores state, checkpoint and history together", arguments: Kind.allCases)
    func commitAndRead(kind: Kind) async throws {
        let store = try kind.make()
        #expect(try await store.checkpoint(for: airbnbKey) == nil)
        #expect(try await store.state(for: airbnbKey) == .empty)
        var blocks = [block("a", "2026-04-26", "2026-04-29"), block("b", "2026-05-01", "2026-05-02", kind: .block)]
        blocks[0].summary = "Reserved"
        blocks[0].description = "Reservation URL: …\nPhone Number (Last 4 Digits): 4235"
        let saved = state(blocks)
        let checkpoint = FeedCheckpoint(
            source: .airbnb, validators: HTTPValidators(etag: "\"v1\"", lastModified: "Wed, 01 Apr 2026 10:00:00 GMT"),
            bodyHash: "abc", lastAppliedAt: at())
        try await store.commit(
            SyncCommit(
                feed: airbnbKey, source: .airbnb, state: saved, checkpoint: checkpoint,
                record: FetchRecord(at: at(), outcome: .applied, httpStatus: 200, added: 2)))
        #expect(try await store.state(for: airbnbKey) == saved)
        #expect(try await store.checkpoint(for: airbnbKey) == checkpoint)
        #expect(
            try await store.history(for: airbnbKey, limit: 10) == [
                FetchRecord(at: at(), outcome: .applied, httpStatus: 200, added: 2)
            ])
        #expect(try await store.feeds(unit: "A1") == [airbnbKey])
        #expect(try await store.feeds(unit: "B2").isEmpty)
    }

    @Test("a commit without a checkpoint (a held fetch) keeps the old validators", arguments: Kind.allCases)
    func heldKeepsValidators(kind: Kind) async throws {
        let store = try kind.make()
        let checkpoint = FeedCheckpoint(
            source: .airbnb, validators: HTTPValidators(etag: "\"v1\""), bodyHash: "h1", lastAppliedAt: at())
        try await store.commit(
            SyncCommit(
                feed: airbnbKey, source: .airbnb, state: state([block("a", "2026-04-26", "2026-04-29")]),
                checkpoint: checkpoint,
                record: FetchRecord(at: at(), outcome: .applied)))
        var held = try await store.state(for: airbnbKey)
        held.suspiciousStreak = 1
        try await store.commit(
            SyncCommit(
                feed: airbnbKey, source: .airbnb, state: held, checkpoint: nil,
                record: FetchRecord(at: at(minutes: 5), outcome: .held, detail: "empty")))
        #expect(try await store.checkpoint(for: airbnbKey) == checkpoint)
        #expect(try await store.state(for: airbnbKey).suspiciousStreak == 1)
        #expect(try await store.history(for: airbnbKey, limit: 10).map(\.outcome) == [.held, .applied])
        try await store.record(FetchRecord(at: at(minutes: 10), outcome: .notModified, httpStatus: 304), for: airbnbKey)
        #expect(try await store.history(for: airbnbKey, limit: 1).map(\.outcome) == [.notModified])
    }

    @Test(
        "claims gather every feed of the unit, without tombstones; own blocks are the direct ones",
        arguments: Kind.allCases)
    func claimsAndOwnBlocks(kind: Kind) async throws {
        let store = try kind.make()
        let reconciler = Reconciler(policy: .snapshotDiff)
        let first = reconciler.reconcile(
            [block("a", "2026-04-26", "2026-04-29"), block("gone", "2026-06-01", "2026-06-03")], against: .empty,
            at: at())
        let second = reconciler.reconcile(
            [block("a", "2026-04-26", "2026-04-29")], against: first.state, at: at(minutes: 5))
        try await store.commit(
            SyncCommit(
                feed: airbnbKey, source: .airbnb, state: second.state, checkpoint: nil,
                record: FetchRecord(at: at(), outcome: .applied)))
        let own = reconciler.reconcile(
            [
                block("d1", "2026-05-01", "2026-05-03", source: .direct),
                block("d2", "2026-07-01", "2026-07-03", source: .direct),
            ],
            against: .empty, at: at())
        let ownAfter = reconciler.reconcile(
            [block("d1", "2026-05-01", "2026-05-03", source: .direct)], against: own.state, at: at(minutes: 1))
        try await store.commit(
            SyncCommit(
                feed: directKey, source: .direct, state: ownAfter.state, checkpoint: nil,
                record: FetchRecord(at: at(), outcome: .applied)))
        try await store.commit(
            SyncCommit(
                feed: FeedKey(unit: "B2", feed: "airbnb"), source: .airbnb,
                state: state([block("other-unit", "2026-04-26", "2026-04-29")]), checkpoint: nil,
                record: FetchRecord(at: at(), outcome: .applied)))
        #expect(Set(try await store.claims(unit: "A1").map(\.uid)) == ["a", "d1"])
        let mine = try await store.ownBlocks(unit: "A1")
        #expect(mine.active.map(\.uid) == ["d1"])
        #expect(mine.cancelled.map(\.uid) == ["d2"])
        #expect(try await store.feeds(unit: "A1") == [airbnbKey, directKey])
    }

    @Test("history keeps the latest 1,000 lines per feed, newest first")
    func historyLimit() async throws {
        let store = try SQLiteSyncStateStore(database: .inMemory())
        for minute in 0..<1_005 {
            try await store.record(FetchRecord(at: at(minutes: Double(minute)), outcome: .notModified), for: airbnbKey)
        }
        let history = try await store.history(for: airbnbKey, limit: 5_000)
        #expect(history.count == SQLiteSyncStateStore.historyLimit)
        #expect(history.first?.at == at(minutes: 1_004))
        #expect(history.last?.at == at(minutes: 5))
    }

    @Test("the SQLite file keeps everything across a reopen")
    func reopen() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let saved = state([block("a", "2026-04-26", "2026-04-29")])
        do {
            let store = try SQLiteSyncStateStore(path: temporary.path)
            try await store.commit(
                SyncCommit(
                    feed: airbnbKey, source: .airbnb, state: saved,
                    checkpoint: FeedCheckpoint(source: .airbnb, bodyHash: "h"),
                    record: FetchRecord(at: at(), outcome: .applied)))
        }
        let reopened = try SQLiteSyncStateStore(path: temporary.path)
        #expect(try await reopened.state(for: airbnbKey) == saved)
        #expect(try await reopened.checkpoint(for: airbnbKey)?.bodyHash == "h")
    }
}
