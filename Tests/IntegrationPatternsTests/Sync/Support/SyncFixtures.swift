import Foundation
import IntegrationPatterns

/// The feed fixtures next to these tests, and small builders for blocks and dates.
enum SyncFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url(name))) }

    static func feed(_ name: String, source: FeedSource? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC")!)
        throws -> ICalFeed
    {
        try ICalParser(source: source, timeZone: timeZone).parse(bytes(name))
    }
}

/// `"2026-04-26"` as a day (tests only: crashes on a typo, which is what a test wants).
func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

/// A block with the fields tests care about.
func block(
    _ uid: String, _ start: String, _ end: String, source: FeedSource = .airbnb, kind: BlockKind = .reservation,
    bookedAt: Date? = nil
) -> AvailabilityBlock {
    AvailabilityBlock(
        source: source, uid: uid, start: day(start), end: day(end), kind: kind, summary: "", description: "",
        bookedAt: bookedAt)
}

/// A fixed instant, plus `minutes`.
func at(minutes: Double = 0) -> Date { Date(timeIntervalSince1970: 1_780_000_000 + minutes * 60) }
