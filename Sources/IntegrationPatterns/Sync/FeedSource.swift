/// Where a block came from: a channel's feed, or the unit itself.
///
/// An open set of names, so a hostel can add `hostelworld`; the known channels are constants, and
/// ``direct`` marks the unit's own blocks (direct bookings, manual closures), the only ones ever exported.
public struct FeedSource: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The lowercase name: `airbnb`, `booking`, `vrbo`, `other`, `direct`, or a name of your own.
    public let rawValue: String

    /// Creates a source from its name, lowercased.
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Airbnb (`PRODID:-//Airbnb Inc//Hosting Calendar …`, UIDs `…@airbnb.com`).
    public static let airbnb = FeedSource(rawValue: "airbnb")
    /// Booking.com (`PRODID:-//admin.booking.com//…`, UIDs `…@booking.com`).
    public static let booking = FeedSource(rawValue: "booking")
    /// Vrbo / HomeAway (`PRODID:-//HomeAway.com, Inc.//EN`).
    public static let vrbo = FeedSource(rawValue: "vrbo")
    /// A feed that could not be attributed to a known channel.
    public static let other = FeedSource(rawValue: "other")
    /// The unit's own blocks: direct bookings and manual closures. Exported; never imported from a channel.
    public static let direct = FeedSource(rawValue: "direct")

    /// The sources ipm recognises in feeds, plus ``direct``.
    public static let known: [FeedSource] = [.airbnb, .booking, .vrbo, .other, .direct]

    /// Whether blocks of this source originated locally (and so may be exported).
    public var isLocal: Bool { self == .direct }

    public var description: String { rawValue }

    public static func < (lhs: FeedSource, rhs: FeedSource) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
