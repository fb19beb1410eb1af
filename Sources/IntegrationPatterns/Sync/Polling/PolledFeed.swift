public import Foundation

/// A feed to poll: which unit and feed it is, where it lives, and which channel it is from.
public struct PolledFeed: Sendable, Hashable {
    /// The unit and feed name the state is kept under.
    public var key: FeedKey
    /// The feed's URL (`https:` from the channel, or `file:`). A credential: it is never logged or stored.
    public var url: URL
    /// The channel, or `nil` to detect it from the feed.
    public var source: FeedSource?

    /// Creates a feed.
    public init(unit: String, feed: String, url: URL, source: FeedSource? = nil) {
        key = FeedKey(unit: unit, feed: feed)
        self.url = url
        self.source = source
    }
}

/// What one poll brought.
public enum PollOutcome: Sendable, Hashable {
    /// 304 Not Modified: the stored state stands; nothing to parse.
    case notModified
    /// A 200 with a calendar body.
    case fetched(FetchedBody)
    /// No usable calendar; the stored state stands and is now stale.
    case failed(FeedFailure)
}

/// A calendar body that came back with 200, and what to store once it has been applied.
public struct FetchedBody: Sendable, Hashable {
    /// The raw body.
    public var body: [UInt8]
    /// The response's validators.
    public var validators: HTTPValidators
    /// The SHA-256 of the body, in hex.
    public var hash: String
    /// The HTTP status (200 for a file).
    public var status: Int
}

/// What one sync cycle of one feed did.
public struct FeedSyncReport: Sendable {
    /// The feed.
    public var feed: FeedKey
    /// The feed's source (given, detected, or from the checkpoint).
    public var source: FeedSource
    /// How the cycle ended: not modified, unchanged, applied, held or failed.
    public var outcome: FetchRecord.Outcome
    /// The reconciliation, when one ran: always for applied and held bodies, and for a 304 or an unchanged
    /// body when blocks were waiting for confirmation of their removal (a 304 is one more miss for them).
    public var result: ReconciliationResult?
    /// Why the cycle failed, for ``FetchRecord/Outcome/failed``.
    public var failure: FeedFailure?
    /// What the parser reported about the body (empty unless a body was parsed).
    public var problems: [ICalProblem]
    /// The requests the cycle made: 1, more when it retried, 0 when the feed's circuit breaker was open
    /// (a `file:` feed's read counts as one).
    public var requests: Int
    /// When the cycle ran.
    public var at: Date
}
