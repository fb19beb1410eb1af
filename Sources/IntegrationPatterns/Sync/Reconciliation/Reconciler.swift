public import Foundation

/// Compares a fetched snapshot of one feed with what is stored and works out what changed.
///
/// A pure function of (stored state, fetched blocks, time): it returns the diff and the state to store,
/// and touches nothing. Fetched blocks are matched to stored ones by UID; the rest by checkout date (the
/// feed's source is fixed, so this is the research's "source and checkout date", which survives UIDs that
/// rotate); the rest by overlapping nights (research file ical-ota.md §5.4). Then:
/// - unmatched fetched blocks are **added** (a UID found among the tombstones comes back to life);
/// - matched blocks whose dates or kind differ are **changed**;
/// - stored blocks the fetch lacks are **pending** until ``ReconciliationPolicy`` confirms them
///   **removed** (N consecutive misses and a grace period), and past stays that leave the feed expire
///   quietly;
/// - a fetch that empties the feed or loses too much at once is **held**: nothing is applied.
///
/// Applying the same snapshot twice gives the same state the second time (idempotent), apart from
/// `lastSeen` times.
public struct Reconciler: Sendable {
    /// The rules for removals and suspicious feeds.
    public var policy: ReconciliationPolicy

    /// Creates a reconciler.
    public init(policy: ReconciliationPolicy = ReconciliationPolicy()) { self.policy = policy }

    /// Reconciles `fetched` (one feed's blocks) against that feed's stored `state`.
    ///
    /// - Parameters:
    ///   - fetched: The feed's blocks, as ``ICalParser`` returned them.
    ///   - state: What is stored for the feed (``FeedState/empty`` the first time).
    ///   - now: The wall-clock time of the fetch, for miss periods, first-seen times and tombstones.
    ///   - today: The property's current date; stays that ended by then leave the feed without counting
    ///     as cancellations. `nil` treats every block as current.
    ///   - acceptSuspicious: Applies a fetch even if it looks suspicious (a person confirmed it).
    public func reconcile(
        _ fetched: [AvailabilityBlock], against state: FeedState, at now: Date, today: CalendarDay? = nil,
        acceptSuspicious: Bool = false
    ) -> ReconciliationResult {
        let stored = state.blocks.filter { tracked in
            guard tracked.status == .cancelled, let cancelledAt = tracked.cancelledAt else { return true }
            return now.timeIntervalSince(cancelledAt) <= SyncTime.seconds(policy.tombstoneRetention)
        }
        var matcher = BlockMatcher(stored: stored, fetched: fetched)
        matcher.matchAll()

        var next: [TrackedBlock] = []
        next.reserveCapacity(stored.count + fetched.count)
        var added: [AvailabilityBlock] = []
        var changed: [ReconciliationResult.Change] = []
        var matches: [ReconciliationResult.MatchRule: Int] = [:]
        for (index, block) in fetched.enumerated() {
            guard let match = matcher.match(forFetched: index) else {
                var block = block
                if block.bookedAt == nil { block.bookedAt = now }
                next.append(TrackedBlock(block: block, firstSeen: now))
                added.append(block)
                continue
            }
            var tracked = stored[match.stored]
            var block = block
            if block.bookedAt == nil { block.bookedAt = tracked.block.bookedAt ?? tracked.firstSeen }
            if tracked.status == .cancelled {
                added.append(block)
            } else {
                matches[match.rule, default: 0] += 1
                var aspects = Set<ReconciliationResult.Change.Aspect>()
                if tracked.block.start != block.start || tracked.block.end != block.end { aspects.insert(.dates) }
                if tracked.block.kind != block.kind { aspects.insert(.kind) }
                if !aspects.isEmpty {
                    changed.append(.init(old: tracked.block, new: block, aspects: aspects, matchedBy: match.rule))
                }
            }
            tracked.block = block
            tracked.status = .active
            tracked.misses = 0
            tracked.missingSince = nil
            tracked.cancelledAt = nil
            tracked.lastSeen = now
            next.append(tracked)
        }

        var removed: [AvailabilityBlock] = []
        var pending: [TrackedBlock] = []
        var tombstones: [TrackedBlock] = []
        var expired = 0
        var previousCurrent = 0
        var vanished = 0
        for (index, tracked) in stored.enumerated() {
            let isCurrent = today.map { tracked.block.end > $0 } ?? true
            if tracked.holdsNights && isCurrent { previousCurrent += 1 }
            guard !matcher.isStoredMatched(index) else { continue }
            guard tracked.holdsNights else {
                tombstones.append(tracked)
                continue
            }
            guard isCurrent else {
                expired += 1
                continue
            }
            vanished += 1
            var missing = tracked
            missing.misses += 1
            missing.missingSince = missing.missingSince ?? now
            let missedFor = now.timeIntervalSince(missing.missingSince ?? now)
            if missing.misses >= policy.missesBeforeRemoval && missedFor >= SyncTime.seconds(policy.gracePeriod) {
                missing.status = .cancelled
                missing.cancelledAt = now
                removed.append(missing.block)
                tombstones.append(missing)
            } else {
                missing.status = .missing
                pending.append(missing)
            }
        }

        let fetchedCurrent = today.map { day in fetched.count(where: { $0.end > day }) } ?? fetched.count
        let suspicious =
            previousCurrent > 0
            && (fetchedCurrent == 0
                || (previousCurrent >= policy.shrinkCheckMinimum
                    && Double(vanished) / Double(previousCurrent) > policy.suspiciousShrink))
        var result = ReconciliationResult(
            added: added, removed: removed, changed: changed, pending: pending, held: nil, matches: matches,
            expired: expired, state: FeedState(blocks: next + pending + tombstones, suspiciousStreak: 0))
        if suspicious {
            let streak = state.suspiciousStreak + 1
            let confirmed = acceptSuspicious || policy.confirmSuspiciousAfter.map { streak >= $0 } ?? false
            if !confirmed {
                result.held = .init(
                    previousCount: previousCurrent, fetchedCount: fetchedCurrent, vanishedCount: vanished,
                    streak: streak)
                result.state = FeedState(blocks: state.blocks, suspiciousStreak: streak)
            }
        }
        return result
    }
}

/// Time conversions shared by the sync types.
enum SyncTime {
    /// A duration in seconds, as a `TimeInterval`.
    static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}
