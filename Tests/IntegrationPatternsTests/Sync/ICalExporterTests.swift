import Foundation
import IntegrationPatterns
import Testing

@Suite("ICalExporter")
struct ICalExporterTests {
    private let own = [
        block("direct-42", "2026-05-10", "2026-05-13", source: .direct),
        block("closure-7@villa.example", "2026-05-01", "2026-05-03", source: .direct, kind: .block),
    ]
    private let imported = [
        block("1418fb94e984-x@airbnb.com", "2026-06-01", "2026-06-04", source: .airbnb),
        block("a9@booking.com", "2026-06-10", "2026-06-12", source: .booking, kind: .unknown),
    ]

    @Test("writes the unit's own blocks, exactly, and nothing imported")
    func exactText() {
        var guest = own[0]
        guest.summary = "Reserved - Ana García"
        let text = ICalExporter(calendarName: "Villa Mar").export(
            [guest, own[1]] + imported, at: Date(timeIntervalSince1970: 1_780_000_000))
        let expected =
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ipm//Integration Patterns Mastery//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Villa Mar",
                "BEGIN:VEVENT", "UID:closure-7@villa.example", "DTSTAMP:20260528T202640Z",
                "DTSTART;VALUE=DATE:20260501",
                "DTEND;VALUE=DATE:20260503", "SEQUENCE:0", "SUMMARY:Not available", "STATUS:CONFIRMED", "TRANSP:OPAQUE",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:direct-42@ipm.local", "DTSTAMP:20260528T202640Z", "DTSTART;VALUE=DATE:20260510",
                "DTEND;VALUE=DATE:20260513", "SEQUENCE:0", "SUMMARY:Not available", "STATUS:CONFIRMED", "TRANSP:OPAQUE",
                "END:VEVENT",
                "END:VCALENDAR",
            ].joined(separator: "\r\n") + "\r\n"
        #expect(text == expected)
    }

    @Test("what it writes parses back to the same nights")
    func roundTrip() throws {
        for seed in UInt64(1)...50 {
            var random = SplitMix64(seed: seed)
            let blocks = RandomFeeds.blocks(count: Int.random(in: 0...20, using: &random), using: &random)
                .map {
                    var b = $0; b.source = .direct; return b
                }
            let text = ICalExporter().export(blocks, at: at())
            let feed = try ICalParser(source: .direct).parse(text)
            #expect(feed.problems.isEmpty)
            #expect(feed.blocks.map(\.nights) == blocks.sorted { $0.start < $1.start }.map(\.nights), "seed \(seed)")
        }
    }

    @Test("cancelled own blocks are written as STATUS:CANCELLED, which parsers leave out")
    func cancelled() throws {
        let text = ICalExporter().export([own[0]], cancelled: [own[1]] + imported, at: at())
        #expect(text.contains("STATUS:CANCELLED"))
        #expect(!text.contains("booking.com") && !text.contains("airbnb.com"))
        let feed = try ICalParser().parse(text)
        #expect(feed.blocks.map(\.uid) == ["direct-42@ipm.local"])
        #expect(feed.eventCount == 2)
    }

    @Test("only imported blocks: an empty calendar, still a valid one")
    func nothingOwn() throws {
        let text = ICalExporter().export(imported, at: at())
        #expect(!text.contains("BEGIN:VEVENT"))
        #expect(try ICalParser().parse(text).blocks.isEmpty)
    }
}
