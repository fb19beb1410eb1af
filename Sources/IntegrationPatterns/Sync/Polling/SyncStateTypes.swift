public import Foundation

/// One feed of one unit: the unit's name and the feed's name (`A1` + `airbnb`).
public struct FeedKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The unit (apartment, room, hostel room type).
    public var unit: String
    /// The feed's name within the unit, usually its source (`airbnb`, `booking`, `direct`).
    public var feed: String

    /// Creates a key.
    public init(unit: String, feed: String) {
        self.unit = unit
        self.feed = feed
    }

    public var description: String { "\(unit)/\(feed)" }

    public static func < (lhs: FeedKey, rhs: FeedKey) -> Bool { (lhs.unit, lhs.feed) < (rhs.unit, rhs.feed) }
}

/// What the next poll of a feed needs from the last applied one.
public struct FeedCheckpoint: Sendable, Hashable {
    /// The feed's source (given or detected).
    public var source: FeedSource
    /// The validators of the last applied response.
    public var validators: HTTPValidators
    /// The SHA-256 (hex) of the last applied body, to skip parsing an unchanged body from a server
    /// that sends no validators.
    public var bodyHash: String?
    /// When a body was last applied.
    public var lastAppliedAt: Date?

    /// Creates a checkpoint.
    public init(
        source: FeedSource, validators: HTTPValidators = HTTPValidators(), bodyHash: String? = nil,
        lastAppliedAt: Date? = nil
    ) {
        self.source = source
        self.validators = validators
        self.bodyHash = bodyHash
        self.lastAppliedAt = lastAppliedAt
    }
}

/// One line of a feed's history: what a sync cycle did.
public struct FetchRecord: Sendable, Hashable, Codable {
    /// How the cycle ended.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// 304 Not Modified.
        case notModified = "not_modified"
        /// A body identical to the last applied one.
        case unchanged
        /// A body reconciled and applied.
        case applied
        /// A body held as suspicious.
        case held
        /// No usable calendar (see the detail).
        case failed
    }

    /// When the cycle ran.
    public var at: Date
    /// How it ended.
    public var outcome: Outcome
    /// The HTTP status, when there was one.
    public var httpStatus: Int?
    /// A short explanation (the failure's message, the hold's reason).
    public var detail: String
    /// Blocks added, removed and changed (what would have been, for a held fetch).
    public var added: Int
    /// Blocks removed.
    public var removed: Int
    /// Blocks changed.
    public var changed: Int

    /// Creates a record.
    public init(
        at: Date, outcome: Outcome, httpStatus: Int? = nil, detail: String = "", added: Int = 0, removed: Int = 0,
        changed: Int = 0
    ) {
        self.at = at
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.detail = detail
        self.added = added
        self.removed = removed
        self.changed = changed
    }
}

/// Everything one applied (or held) sync cycle writes, in one transaction.
public struct SyncCommit: Sendable, Hashable {
    /// The feed.
    public var feed: FeedKey
    /// The feed's source.
    public var source: FeedSource
    /// The reconciled state to store.
    public var state: FeedState
    /// The new checkpoint; `nil` keeps the old validators and hash (a held fetch must be fetched in full again).
    public var checkpoint: FeedCheckpoint?
    /// The history line.
    public var record: FetchRecord

    /// Creates a commit.
    public init(feed: FeedKey, source: FeedSource, state: FeedState, checkpoint: FeedCheckpoint?, record: FetchRecord) {
        self.feed = feed
        self.source = source
        self.state = state
        self.checkpoint = checkpoint
        self.record = record
    }
}
