/// What one reconciliation found, and the state to store after it.
public struct ReconciliationResult: Sendable, Hashable {
    /// How a fetched block was matched to a stored one.
    public enum MatchRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// Same UID.
        case uid
        /// Same checkout date (the source is the feed's); survives UIDs that rotate.
        case checkout
        /// Overlapping nights; catches a stay whose dates were edited.
        case overlap
    }

    /// A stored block matched by a fetched one whose dates or kind differ.
    public struct Change: Sendable, Hashable {
        /// What differs.
        public enum Aspect: String, Sendable, Hashable, Codable, CaseIterable {
            case dates, kind
        }

        /// The block as stored.
        public var old: AvailabilityBlock
        /// The block as fetched.
        public var new: AvailabilityBlock
        /// What differs.
        public var aspects: Set<Aspect>
        /// How the two were matched.
        public var matchedBy: MatchRule
    }

    /// Why a fetch was held instead of applied.
    public struct Hold: Sendable, Hashable, CustomStringConvertible {
        /// Current blocks in the state before the fetch.
        public var previousCount: Int
        /// Current blocks in the fetch.
        public var fetchedCount: Int
        /// Stored current blocks the fetch no longer has.
        public var vanishedCount: Int
        /// Consecutive suspicious fetches, this one included.
        public var streak: Int

        /// Whether the feed came back empty.
        public var isEmpty: Bool { fetchedCount == 0 }

        public var description: String {
            isEmpty
                ? "the feed came back empty after \(previousCount) current blocks"
                : "\(vanishedCount) of \(previousCount) current blocks vanished at once"
        }
    }

    /// Blocks that are new (or came back after being cancelled).
    public var added: [AvailabilityBlock]
    /// Blocks confirmed cancelled by this fetch.
    public var removed: [AvailabilityBlock]
    /// Blocks whose dates or kind changed.
    public var changed: [Change]
    /// Blocks missing from this fetch but not yet confirmed cancelled; their nights stay closed.
    public var pending: [TrackedBlock]
    /// Why the fetch was held; when set, nothing above was applied and ``state`` only counts the streak.
    public var held: Hold?
    /// How many fetched blocks each rule matched.
    public var matches: [MatchRule: Int]
    /// Past blocks (checkout on or before today) that left the feed and were dropped quietly.
    public var expired: Int
    /// The state to store.
    public var state: FeedState

    /// Whether the fetch was held as suspicious.
    public var isHeld: Bool { held != nil }

    /// Whether the fetch changed anything that affects availability.
    public var hasChanges: Bool { !added.isEmpty || !removed.isEmpty || !changed.isEmpty }
}
