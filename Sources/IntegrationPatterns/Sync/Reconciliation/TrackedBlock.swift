public import Foundation

/// A block as the sync state remembers it: the block, whether it is still in the feed, and since when.
public struct TrackedBlock: Sendable, Hashable, Codable {
    /// Where the block stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// In the last fetch.
        case active
        /// Missing from the latest fetches, not yet confirmed cancelled; its nights are still held.
        case missing
        /// Confirmed cancelled; kept as a tombstone so that its UID can come back.
        case cancelled
    }

    /// The block as last seen.
    public var block: AvailabilityBlock
    /// Where it stands.
    public var status: Status
    /// Consecutive fetches it has been missing from.
    public var misses: Int
    /// When it was first seen.
    public var firstSeen: Date
    /// When it was last seen in a fetch.
    public var lastSeen: Date
    /// When it first went missing (the current run of misses).
    public var missingSince: Date?
    /// When it was confirmed cancelled.
    public var cancelledAt: Date?

    /// Creates a tracked block.
    public init(
        block: AvailabilityBlock, status: Status = .active, misses: Int = 0, firstSeen: Date, lastSeen: Date? = nil,
        missingSince: Date? = nil, cancelledAt: Date? = nil
    ) {
        self.block = block
        self.status = status
        self.misses = misses
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen ?? firstSeen
        self.missingSince = missingSince
        self.cancelledAt = cancelledAt
    }

    /// Whether the block still claims its nights (active or missing, not cancelled).
    public var holdsNights: Bool { status != .cancelled }
}
