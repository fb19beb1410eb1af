/// What reconciliation remembers about one feed: every block it has seen, and its suspicion streak.
public struct FeedState: Sendable, Hashable {
    /// Active, missing and cancelled (tombstone) blocks.
    public var blocks: [TrackedBlock]
    /// Consecutive fetches held as suspicious.
    public var suspiciousStreak: Int

    /// Creates a state.
    public init(blocks: [TrackedBlock] = [], suspiciousStreak: Int = 0) {
        self.blocks = blocks
        self.suspiciousStreak = suspiciousStreak
    }

    /// A feed never fetched.
    public static let empty = FeedState()

    /// The blocks that claim nights (active or missing), as the unit's calendar should show them.
    public var claims: [AvailabilityBlock] { blocks.filter(\.holdsNights).map(\.block) }
}
