/// The rules that keep reconciliation from doing damage: slow removals and suspicion of sudden shrinkage.
///
/// A vanished event is ambiguous in iCal (cancelled, or a truncated or glitched response: research file
/// ical-ota.md §5.2), so a removal is confirmed only once it has been missing from ``missesBeforeRemoval``
/// consecutive fetches *and* for at least ``gracePeriod``; set one to its minimum (1, `.zero`) to rely on
/// the other alone. A feed that comes back empty, or with more than ``suspiciousShrink`` of its current
/// blocks gone at once, is held rather than applied (§5.4: never treat a zero-event fetch after a
/// non-empty one as a mass cancellation without confirmation).
public struct ReconciliationPolicy: Sendable, Hashable {
    /// Consecutive fetches a block must be missing from before it is cancelled (at least 1).
    public var missesBeforeRemoval: Int
    /// How long a block must have been missing before it is cancelled.
    public var gracePeriod: Duration
    /// The fraction of current blocks that may vanish in one fetch before the fetch is held as suspicious
    /// (0.5: more than half gone at once is suspicious). A fetch that empties a non-empty feed is always held.
    public var suspiciousShrink: Double
    /// Below this many current blocks, only an empty fetch is held (losing 2 of 3 is ordinary life).
    public var shrinkCheckMinimum: Int
    /// After this many consecutive suspicious fetches the change is accepted as real; `nil` waits for a
    /// person (`acceptSuspicious: true`).
    public var confirmSuspiciousAfter: Int?
    /// How long a cancelled block is kept as a tombstone, so that a UID that comes back resumes its record.
    public var tombstoneRetention: Duration

    /// Creates a policy. The defaults: 3 misses, no extra grace, hold when more than half vanishes, wait
    /// for a person to confirm a suspicious feed, keep tombstones 30 days.
    public init(
        missesBeforeRemoval: Int = 3, gracePeriod: Duration = .zero, suspiciousShrink: Double = 0.5,
        shrinkCheckMinimum: Int = 4, confirmSuspiciousAfter: Int? = nil,
        tombstoneRetention: Duration = .seconds(30 * 86_400)
    ) {
        self.missesBeforeRemoval = max(1, missesBeforeRemoval)
        self.gracePeriod = max(.zero, gracePeriod)
        self.suspiciousShrink = min(1, max(0, suspiciousShrink))
        self.shrinkCheckMinimum = max(1, shrinkCheckMinimum)
        self.confirmSuspiciousAfter = confirmSuspiciousAfter.map { max(1, $0) }
        self.tombstoneRetention = max(.zero, tombstoneRetention)
    }

    /// A plain diff of two snapshots: a missing block is removed at once, only an emptied feed is held.
    public static let snapshotDiff = ReconciliationPolicy(missesBeforeRemoval: 1, suspiciousShrink: 1)
}
