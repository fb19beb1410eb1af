/// A parsed and normalised calendar: its blocks, what could not be read, and what the feed says about itself.
public struct ICalFeed: Sendable, Hashable {
    /// The channel the feed belongs to (given, or detected from PRODID, UIDs and summaries).
    public var source: FeedSource
    /// The normalised events, in feed order.
    public var blocks: [AvailabilityBlock]
    /// Events skipped or read with a fix-up, and feed-level issues (no `END:VCALENDAR`).
    public var problems: [ICalProblem]
    /// The calendar's PRODID, when present.
    public var productID: String?
    /// The calendar's `X-WR-CALNAME`, when present.
    public var name: String?
    /// Whether the input ended with `END:VCALENDAR`; `false` suggests a truncated download.
    public var isComplete: Bool
    /// How many VEVENTs were found, kept or not (cancelled ones included).
    public var eventCount: Int

    /// Creates a feed.
    public init(
        source: FeedSource, blocks: [AvailabilityBlock], problems: [ICalProblem] = [], productID: String? = nil,
        name: String? = nil, isComplete: Bool = true, eventCount: Int? = nil
    ) {
        self.source = source
        self.blocks = blocks
        self.problems = problems
        self.productID = productID
        self.name = name
        self.isComplete = isComplete
        self.eventCount = eventCount ?? blocks.count
    }
}
