import Foundation
import IntegrationPatterns
import Testing

@Suite("Reconciler")
struct ReconcilerTests {
    /// Five stays that stay put, so one vanishing block is never a suspicious shrink.
    private let steady = (1...5).map { block("steady-\($0)", "2026-0\($0 + 4)-01", "2026-0\($0 + 4)-05") }
    private let leaving = block("leaving", "2026-04-10", "2026-04-14")

    @Test("a first fetch adds everything; the same fetch again changes nothing")
    func firstFetchAndIdempotence() {
        let reconciler = Reconciler()
        let first = reconciler.reconcile(steady, against: .empty, at: at())
        #expect(first.added.map(\.uid) == steady.map(\.uid))
        #expect(first.state.claims.count == 5)
        #expect(first.state.blocks.allSatisfy { $0.block.bookedAt == at() })
        let second = reconciler.reconcile(steady, against: first.state, at: at(minutes: 5))
        #expect(!second.hasChanges && second.pending.isEmpty && !second.isHeld)
        #expect(second.matches == [.uid: 5])
        #expect(second.state.blocks.map(\.block) == first.state.blocks.map(\.block))
        #expect(second.state.blocks.allSatisfy { $0.firstSeen == at() && $0.lastSeen == at(minutes: 5) })
    }

    struct RemovalCase: CustomTestStringConvertible, Sendable {
        var misses: Int
        var grace: Duration
        /// Minutes of the fetches after the first (at 0, with the block), none of which has the block.
        var fetches: [Double]
        /// The fetch (index into `fetches`) that confirms the removal, or nil.
        var removedAt: Int?
        var testDescription: String { "\(misses) misses, grace \(grace)" }
    }

    @Test(
        "a vanished block is removed only after N consecutive misses and the grace period",
        arguments: [
            RemovalCase(misses: 3, grace: .zero, fetches: [5, 10, 15, 20], removedAt: 2),
            RemovalCase(misses: 1, grace: .zero, fetches: [5, 10], removedAt: 0),
            RemovalCase(misses: 1, grace: .seconds(900), fetches: [5, 10, 15, 20], removedAt: 3),
            RemovalCase(misses: 3, grace: .seconds(1800), fetches: [5, 10, 15, 20, 35], removedAt: 4),
            RemovalCase(misses: 5, grace: .zero, fetches: [5, 10, 15, 20], removedAt: nil),
        ])
    func removal(_ row: RemovalCase) {
        let reconciler = Reconciler(
            policy: ReconciliationPolicy(missesBeforeRemoval: row.misses, gracePeriod: row.grace))
        var state = reconciler.reconcile(steady + [leaving], against: .empty, at: at()).state
        for (index, minute) in row.fetches.enumerated() {
            let result = reconciler.reconcile(steady, against: state, at: at(minutes: minute))
            state = result.state
            #expect(!result.isHeld)
            if index == row.removedAt {
                #expect(result.removed.map(\.uid) == ["leaving"], "fetch \(index)")
                #expect(result.pending.isEmpty)
                #expect(state.blocks.first { $0.block.uid == "leaving" }?.status == .cancelled)
            } else if row.removedAt.map({ index < $0 }) ?? true {
                #expect(result.removed.isEmpty, "fetch \(index)")
                #expect(result.pending.map(\.block.uid) == ["leaving"], "fetch \(index)")
                #expect(result.pending.first?.misses == index + 1)
                #expect(result.pending.first?.missingSince == at(minutes: row.fetches[0]))
                #expect(state.claims.contains { $0.uid == "leaving" }, "a missing block still holds its nights")
            } else {
                #expect(result.removed.isEmpty && result.pending.isEmpty, "fetch \(index): already a tombstone")
            }
        }
    }

    @Test("a block that comes back before confirmation is active again, not added")
    func comesBack() {
        let reconciler = Reconciler()
        var state = reconciler.reconcile(steady + [leaving], against: .empty, at: at()).state
        state = reconciler.reconcile(steady, against: state, at: at(minutes: 5)).state
        state = reconciler.reconcile(steady, against: state, at: at(minutes: 10)).state
        let back = reconciler.reconcile(steady + [leaving], against: state, at: at(minutes: 15))
        #expect(back.added.isEmpty && back.removed.isEmpty && back.pending.isEmpty)
        let tracked = back.state.blocks.first { $0.block.uid == "leaving" }
        #expect(tracked?.status == .active && tracked?.misses == 0 && tracked?.missingSince == nil)
        #expect(tracked?.firstSeen == at())
    }

    @Test("a cancelled UID that reappears is added again with its history; tombstones expire")
    func tombstones() {
        let reconciler = Reconciler(
            policy: ReconciliationPolicy(missesBeforeRemoval: 1, tombstoneRetention: .seconds(3600)))
        var state = reconciler.reconcile(steady + [leaving], against: .empty, at: at()).state
        state = reconciler.reconcile(steady, against: state, at: at(minutes: 5)).state
        #expect(state.blocks.contains { $0.block.uid == "leaving" && $0.status == .cancelled })
        let revived = reconciler.reconcile(steady + [leaving], against: state, at: at(minutes: 10))
        #expect(revived.added.map(\.uid) == ["leaving"])
        #expect(revived.state.blocks.first { $0.block.uid == "leaving" }?.firstSeen == at())
        state = reconciler.reconcile(steady, against: revived.state, at: at(minutes: 15)).state
        let later = reconciler.reconcile(steady, against: state, at: at(minutes: 15 + 61))
        #expect(!later.state.blocks.contains { $0.block.uid == "leaving" })
    }

    @Test("an empty fetch after a non-empty one is held, and the state is kept")
    func emptyIsHeld() throws {
        let reconciler = Reconciler()
        let state = reconciler.reconcile(steady, against: .empty, at: at()).state
        let held = reconciler.reconcile([], against: state, at: at(minutes: 5))
        let hold = try #require(held.held)
        #expect(hold.isEmpty && hold.previousCount == 5 && hold.streak == 1)
        #expect(hold.description == "the feed came back empty after 5 current blocks")
        #expect(held.state.blocks == state.blocks)
        #expect(held.state.suspiciousStreak == 1)
        let again = reconciler.reconcile([], against: held.state, at: at(minutes: 10))
        #expect(again.held?.streak == 2)
        let accepted = reconciler.reconcile([], against: again.state, at: at(minutes: 15), acceptSuspicious: true)
        #expect(!accepted.isHeld)
        #expect(accepted.pending.count == 5, "accepted, but removals still need their misses")
        #expect(accepted.state.suspiciousStreak == 0)
    }

    @Test("a suspicious feed is accepted after the configured number of consecutive holds")
    func confirmAfter() {
        let reconciler = Reconciler(policy: ReconciliationPolicy(missesBeforeRemoval: 1, confirmSuspiciousAfter: 2))
        let state = reconciler.reconcile(steady, against: .empty, at: at()).state
        let first = reconciler.reconcile([], against: state, at: at(minutes: 5))
        #expect(first.isHeld)
        let second = reconciler.reconcile([], against: first.state, at: at(minutes: 10))
        #expect(!second.isHeld)
        #expect(second.removed.count == 5)
    }

    struct ShrinkCase: CustomTestStringConvertible, Sendable {
        var stored: Int
        var kept: Int
        var held: Bool
        var testDescription: String { "\(stored) → \(kept)" }
    }

    @Test(
        "losing more than half the current blocks at once is held; fewer, or a small feed, is not",
        arguments: [
            ShrinkCase(stored: 10, kept: 4, held: true),
            ShrinkCase(stored: 10, kept: 5, held: false),
            ShrinkCase(stored: 10, kept: 6, held: false),
            ShrinkCase(stored: 3, kept: 1, held: false),
            ShrinkCase(stored: 3, kept: 0, held: true),
            ShrinkCase(stored: 4, kept: 1, held: true),
        ])
    func shrink(_ row: ShrinkCase) {
        let blocks = (0..<row.stored).map { block("b\($0)", "2026-05-01", "2026-05-03").shifted(by: $0 * 7) }
        let reconciler = Reconciler()
        let state = reconciler.reconcile(blocks, against: .empty, at: at()).state
        let result = reconciler.reconcile(Array(blocks.prefix(row.kept)), against: state, at: at(minutes: 5))
        #expect(result.isHeld == row.held)
        if row.held { #expect(result.held?.vanishedCount == row.stored - row.kept) }
    }

    @Test("Booking.com UIDs that rotate are matched by checkout date: no cancellation, no new stay")
    func rotatingUIDs() {
        let stays = [
            block("a@booking.com", "2026-04-26", "2026-04-29", source: .booking, kind: .unknown),
            block("b@booking.com", "2026-07-28", "2026-08-03", source: .booking, kind: .unknown),
        ]
        let rotated = [
            block("x@booking.com", "2026-04-26", "2026-04-29", source: .booking, kind: .unknown),
            block("y@booking.com", "2026-07-28", "2026-08-03", source: .booking, kind: .unknown),
        ]
        let reconciler = Reconciler()
        let state = reconciler.reconcile(stays, against: .empty, at: at()).state
        let result = reconciler.reconcile(rotated, against: state, at: at(minutes: 5))
        #expect(!result.hasChanges && result.pending.isEmpty)
        #expect(result.matches == [.checkout: 2])
        #expect(result.state.claims.map(\.uid) == ["x@booking.com", "y@booking.com"])
    }

    @Test("two stays ending the same day are paired by their start")
    func sameCheckout() {
        let stays = [block("a", "2026-04-20", "2026-04-29"), block("b", "2026-04-27", "2026-04-29")]
        let state = Reconciler().reconcile(stays, against: .empty, at: at()).state
        let result = Reconciler().reconcile(
            [block("y", "2026-04-27", "2026-04-29"), block("x", "2026-04-20", "2026-04-29")], against: state,
            at: at(minutes: 5))
        #expect(result.matches == [.checkout: 2])
        #expect(!result.hasChanges)
    }

    @Test("edited dates are a change; with a new UID too, overlap finds the stay")
    func changes() throws {
        let reconciler = Reconciler()
        let state = reconciler.reconcile([block("a", "2026-04-26", "2026-04-29")], against: .empty, at: at()).state
        let extended = reconciler.reconcile(
            [block("a", "2026-04-26", "2026-05-01")], against: state, at: at(minutes: 5))
        let change = try #require(extended.changed.first)
        #expect(change.aspects == [.dates] && change.matchedBy == .uid)
        #expect(change.old.end == day("2026-04-29") && change.new.end == day("2026-05-01"))
        let moved = reconciler.reconcile([block("z", "2026-04-27", "2026-05-02")], against: state, at: at(minutes: 5))
        #expect(moved.added.isEmpty && moved.pending.isEmpty)
        #expect(moved.changed.first?.matchedBy == .overlap)
        #expect(moved.changed.first?.old.uid == "a" && moved.changed.first?.new.uid == "z")
        let kind = reconciler.reconcile(
            [block("a", "2026-04-26", "2026-04-29", kind: .block)], against: state, at: at(minutes: 5))
        #expect(kind.changed.first?.aspects == [.kind])
    }

    @Test("past stays that leave the feed expire quietly and do not count as shrinkage")
    func pastStays() {
        let past = (1...6).map { block("past-\($0)", "2026-01-0\($0)", "2026-01-0\($0 + 1)") }
        let future = [block("future", "2026-06-01", "2026-06-04")]
        let reconciler = Reconciler()
        let state = reconciler.reconcile(past + future, against: .empty, at: at(), today: day("2025-12-01")).state
        let result = reconciler.reconcile(future, against: state, at: at(minutes: 5), today: day("2026-03-01"))
        #expect(!result.isHeld)
        #expect(result.expired == 6)
        #expect(result.removed.isEmpty && result.pending.isEmpty)
        #expect(result.state.blocks.map(\.block.uid) == ["future"])
    }

    @Test("property: with the snapshot-diff policy the state always equals the last fetch (300 seeds)")
    func snapshotProperty() {
        let reconciler = Reconciler(policy: .snapshotDiff)
        for seed in UInt64(1)...300 {
            var random = SplitMix64(seed: seed)
            var state = FeedState.empty
            var previous: [AvailabilityBlock] = []
            for step in 0..<6 {
                let fetched = RandomFeeds.blocks(count: Int.random(in: 0...15, using: &random), using: &random)
                    .map {
                        var b = $0; b.uid = "u\(Int.random(in: 0..<20, using: &random))"; return b
                    }
                let unique = Dictionary(fetched.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a }).values
                    .sorted { $0.uid < $1.uid }
                let result = reconciler.reconcile(
                    unique, against: state, at: at(minutes: Double(step)), acceptSuspicious: true)
                state = result.state
                #expect(Set(state.claims.map(\.uid)) == Set(unique.map(\.uid)), "seed \(seed) step \(step)")
                #expect(Set(state.claims.map(\.nights)) == Set(unique.map(\.nights)), "seed \(seed) step \(step)")
                let again = reconciler.reconcile(unique, against: state, at: at(minutes: Double(step) + 0.5))
                #expect(!again.hasChanges && again.pending.isEmpty && !again.isHeld, "seed \(seed) step \(step)")
                // Every previous block is accounted for exactly once: kept, changed or removed.
                let gone = Set(result.removed.map(\.uid))
                let matched = previous.count - gone.count
                #expect(matched == result.matches.values.reduce(0, +), "seed \(seed) step \(step)")
                previous = unique
            }
        }
    }
}

extension AvailabilityBlock {
    /// The same block `days` later, with its UID kept.
    func shifted(by days: Int) -> AvailabilityBlock {
        var copy = self
        copy.start = start.adding(days: days)
        copy.end = end.adding(days: days)
        return copy
    }
}
