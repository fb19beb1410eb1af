public import Foundation

/// One normalised calendar event: nights claimed on a unit, by one source.
///
/// Every feed shape (Airbnb, Booking.com, Vrbo, a direct booking engine) is reduced to this. Dates are
/// whole days and ``end`` is exclusive: it is the checkout day (RFC 5545 §3.6.1), so a block covers the
/// nights `start..<end`.
public struct AvailabilityBlock: Sendable, Hashable, Codable {
    /// Which channel the block came from (or ``FeedSource/direct`` for the unit's own).
    public var source: FeedSource
    /// The event's UID as the feed gave it (or one made up from the dates when the feed gave none).
    public var uid: String
    /// The first night.
    public var start: CalendarDay
    /// The checkout day: the first day that is *not* claimed.
    public var end: CalendarDay
    /// Reservation, block or unknown.
    public var kind: BlockKind
    /// The event's SUMMARY, unescaped (may hold a guest's name: see ``PersonalDataMasker``).
    public var summary: String
    /// The event's DESCRIPTION, unescaped (may hold reservation codes and phone digits).
    public var description: String
    /// When the stay was booked, as well as anyone knows: the feed's CREATED when it has one, else when
    /// ipm first saw the block (filled in by the sync state). Used by "first booked wins".
    public var bookedAt: Date?

    /// Creates a block.
    public init(
        source: FeedSource, uid: String, start: CalendarDay, end: CalendarDay, kind: BlockKind,
        summary: String = "", description: String = "", bookedAt: Date? = nil
    ) {
        self.source = source
        self.uid = uid
        self.start = start
        self.end = end
        self.kind = kind
        self.summary = summary
        self.description = description
        self.bookedAt = bookedAt
    }

    /// The nights claimed, `start..<end`.
    public var nights: Range<CalendarDay> { start..<max(start, end) }

    /// How many nights are claimed.
    public var nightCount: Int { max(0, start.distance(to: end)) }

    /// Whether the two blocks claim at least one common night.
    public func overlaps(_ other: AvailabilityBlock) -> Bool { start < other.end && other.start < end }

    /// The number of nights both blocks claim.
    public func sharedNights(with other: AvailabilityBlock) -> Int {
        max(0, max(start, other.start).distance(to: min(end, other.end)))
    }
}
