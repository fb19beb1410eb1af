import Foundation
import IntegrationPatterns
import Testing

@Suite("ICalParser")
struct ICalParserTests {
    private struct Expected: CustomTestStringConvertible {
        var uid: String
        var start: String
        var end: String
        var kind: BlockKind
        var summary: String
        var testDescription: String { uid }
    }

    private func check(_ feed: ICalFeed, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(feed.blocks.map(\.uid) == expected.map(\.uid), sourceLocation: sourceLocation)
        for (block, want) in zip(feed.blocks, expected) {
            #expect(block.start.description == want.start, "\(want.uid)", sourceLocation: sourceLocation)
            #expect(block.end.description == want.end, "\(want.uid)", sourceLocation: sourceLocation)
            #expect(block.kind == want.kind, "\(want.uid)", sourceLocation: sourceLocation)
            #expect(block.summary == want.summary, "\(want.uid)", sourceLocation: sourceLocation)
        }
    }

    @Test("Airbnb: CRLF, folded DESCRIPTION, no DTSTAMP, reservations and closures told apart")
    func airbnb() throws {
        let feed = try SyncFixtures.feed("airbnb.ics")
        #expect(feed.source == .airbnb)
        #expect(feed.productID == "-//Airbnb Inc//Hosting Calendar 0.8.8//EN")
        #expect(feed.problems.isEmpty)
        check(
            feed,
            [
                Expected(
                    uid: "1418fb94e984-c36acd434b7e9f2ee6515e5ef948f56a@airbnb.com", start: "2026-08-02",
                    end: "2026-08-12", kind: .reservation, summary: "Reserved"),
                Expected(
                    uid: "6fec1092d3fa-593cc373f3608bf4d477eed46f443abe@airbnb.com", start: "2026-07-03",
                    end: "2026-07-04", kind: .block, summary: "Airbnb (Not available)"),
                Expected(
                    uid: "1418fb94e984-0d3c1b5a7e2f4c8a9b6d5e4f3a2b1c0d@airbnb.com", start: "2026-09-01",
                    end: "2026-09-05", kind: .reservation, summary: "Reserved"),
            ])
        // The fold sat in the middle of the URL; unfolding rejoins it exactly, and \n becomes a line break.
        #expect(
            feed.blocks[0].description
                == "Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMNQ2X8J99\nPhone Number (Last 4 Digits): 4235"
        )
    }

    @Test("Booking.com: LF-only export, every event CLOSED - Not available and so of unknown kind")
    func booking() throws {
        let feed = try SyncFixtures.feed("booking.ics")
        #expect(feed.source == .booking)
        #expect(feed.problems.isEmpty)
        check(
            feed,
            [
                Expected(
                    uid: "a90207a6098fea365fa0d9ebc4af632d@booking.com", start: "2026-04-26", end: "2026-04-29",
                    kind: .unknown, summary: "CLOSED - Not available"),
                Expected(
                    uid: "5c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f@booking.com", start: "2026-07-28", end: "2026-08-03",
                    kind: .unknown, summary: "CLOSED - Not available"),
                Expected(
                    uid: "0f1e2d3c4b5a69788796a5b4c3d2e1f0@booking.com", start: "2026-08-10", end: "2026-08-11",
                    kind: .unknown, summary: "CLOSED - Not available"),
            ])
    }

    @Test("Vrbo: a fold that splits é, DURATION instead of DTEND, a VTIMEZONE and a timed stay")
    func vrbo() throws {
        let feed = try SyncFixtures.feed("vrbo.ics")
        #expect(feed.source == .vrbo)
        #expect(feed.name == "Villa Mar")
        #expect(feed.problems.isEmpty)
        check(
            feed,
            [
                Expected(
                    uid: "2b6f0cc9-4d52-4a8e-9e1c-7f3a5d1e8b20", start: "2026-05-10", end: "2026-05-17",
                    kind: .reservation, summary: "Réservée - Mélanie"),
                Expected(
                    uid: "9d1e4b7a-3c2f-4e8d-a6b5-0c9f8e7d6a51", start: "2026-05-20", end: "2026-05-23", kind: .block,
                    summary: "Blocked"),
                Expected(
                    uid: "e4c3b2a1-9f8e-4d7c-b6a5-1f2e3d4c5b6a", start: "2026-06-01", end: "2026-06-05",
                    kind: .reservation, summary: "Reserved - Tom"),
            ])
    }

    @Test(
        "RFC 5545 edge cases: BOM, blank lines, DATE alone is one night, UTC and TZID times, escapes, cancelled and recurring events"
    )
    func edgeCases() throws {
        let feed = try SyncFixtures.feed("rfc5545-edge-cases.ics")
        #expect(feed.source == .other)
        #expect(feed.eventCount == 6)
        check(
            feed,
            [
                Expected(
                    uid: "only-date@example.com", start: "2026-03-15", end: "2026-03-16", kind: .unknown,
                    summary: "Owner stay"),
                Expected(
                    uid: "utc@example.com", start: "2026-04-01", end: "2026-04-05", kind: .reservation,
                    summary: "Booked"),
                // 22:00 in New York is 02:00 UTC the next day.
                Expected(
                    uid: "new-york@example.com", start: "2026-04-11", end: "2026-04-13", kind: .unknown,
                    summary: "Late arrival"),
                Expected(
                    uid: "escaped@example.com", start: "2026-04-20", end: "2026-04-22", kind: .unknown,
                    summary: "Maintenance, painting; room 2"),
                Expected(
                    uid: "weekly@example.com", start: "2026-05-01", end: "2026-05-02", kind: .block, summary: "Blocked"),
            ])
        #expect(feed.blocks[3].description == "Line one\nLine two\nPath C:\\temp")
        #expect(
            feed.problems == [
                ICalProblem(
                    line: 62, message: "a recurring event: only its first occurrence is kept", skipped: false,
                    uid: "weekly@example.com")
            ])
    }

    @Test("timed events fall on the day of the property's time zone; date-only events never move")
    func propertyTimeZone() throws {
        let newYork = try SyncFixtures.feed(
            "rfc5545-edge-cases.ics", timeZone: TimeZone(identifier: "America/New_York")!)
        let stay = try #require(newYork.blocks.first { $0.uid == "new-york@example.com" })
        #expect((stay.start.description, stay.end.description) == ("2026-04-10", "2026-04-12"))
        let onlyDate = try #require(newYork.blocks.first { $0.uid == "only-date@example.com" })
        #expect((onlyDate.start.description, onlyDate.end.description) == ("2026-03-15", "2026-03-16"))
        let tokyo = try SyncFixtures.feed("rfc5545-edge-cases.ics", timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        let utc = try #require(tokyo.blocks.first { $0.uid == "utc@example.com" })
        // 15:00Z is midnight in Tokyo: the stay starts on the 2nd there and ends on the 5th at 19:00.
        #expect((utc.start.description, utc.end.description) == ("2026-04-02", "2026-04-05"))
    }

    @Test("each broken event is reported with its line and skipped; the good ones are kept")
    func malformed() throws {
        let feed = try SyncFixtures.feed("malformed.ics")
        #expect(
            feed.blocks.map(\.uid) == ["good-1@example.com", "stray-line@example.com", "ipm-nouid-20260720-20260722"])
        #expect(feed.problems.map(\.line) == [12, 17, 20, 26, 28, 35, 39, 44])
        #expect(feed.problems.map(\.skipped) == [true, true, true, true, true, false, true, false])
        #expect(feed.problems[0].message.hasPrefix("libical: Can't parse as DATE value in DTSTART property"))
        #expect(feed.problems[1].message == "DTSTART is not a valid date or time")
        #expect(feed.problems[2].message == "BEGIN:VEVENT without END:VEVENT")
        #expect(feed.problems[3].message == "DTEND is before DTSTART")
        #expect(feed.problems[4].message == "no DTSTART")
        #expect(feed.problems[5].message == "not a content line (NAME:value); ignored")
        #expect(feed.problems[6].message == "a second event with the UID of an earlier one")
        #expect(feed.problems[7].message == "no UID; kept as ipm-nouid-20260720-20260722")
    }

    @Test("lone CR line ends are read, and a missing END:VCALENDAR marks the feed incomplete")
    func truncated() throws {
        let feed = try SyncFixtures.feed("truncated-cr.ics")
        #expect(feed.blocks.map(\.uid) == ["cr-1@example.com"])
        #expect(!feed.isComplete)
        #expect(
            feed.problems.map(\.description) == [
                "line 10: BEGIN:VEVENT without END:VEVENT (event skipped)",
                "line 12: no END:VCALENDAR: the feed may be truncated",
            ])
    }

    @Test(
        "input that is not a calendar throws, with a code that says what it was",
        arguments: [
            ("<!DOCTYPE html><html></html>", ICalParseError.Code.htmlPage),
            ("  \r\n\n", .empty),
            ("", .empty),
            ("{\"error\": \"expired\"}", .notACalendar),
            ("BEGIN:VEVENT\nUID:x\nEND:VEVENT\n", .notACalendar),
        ])
    func notACalendar(text: String, code: ICalParseError.Code) {
        #expect(throws: ICalParseError.self) { try ICalParser().parse(text) }
        do {
            _ = try ICalParser().parse(text)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test("the HTML page fixture is an HTML page")
    func htmlFixture() throws {
        #expect(throws: ICalParseError(code: .htmlPage, message: "the input is an HTML page, not a calendar")) {
            try SyncFixtures.feed("expired-link.html")
        }
    }

    @Test("a given source overrides detection and drives the kind")
    func givenSource() throws {
        let feed = try SyncFixtures.feed("vrbo.ics", source: .other)
        #expect(feed.source == .other)
        #expect(feed.blocks.allSatisfy { $0.source == .other })
        let booking = try SyncFixtures.feed("airbnb.ics", source: .booking)
        #expect(booking.blocks.allSatisfy { $0.kind == .unknown })
    }

    @Test("the same feed in CRLF, LF and CR, with or without a BOM, parses the same")
    func lineEndings() throws {
        let original = try SyncFixtures.bytes("airbnb.ics")
        let reference = try ICalParser().parse(original)
        let text = String(decoding: original, as: UTF8.self)
        for variant in [
            text.replacingOccurrences(of: "\r\n", with: "\n"),
            text.replacingOccurrences(of: "\r\n", with: "\r"),
            "\u{FEFF}" + text,
            text.replacingOccurrences(of: "\r\n", with: "\r\n\r\n"),
        ] {
            #expect(try ICalParser().parse(variant) == reference)
        }
    }

    @Test("random feeds survive random line ends, folds at any byte, blank lines and a BOM (200 seeds)")
    func randomQuirks() throws {
        for seed in UInt64(1)...200 {
            var random = SplitMix64(seed: seed)
            let blocks = RandomFeeds.blocks(count: Int.random(in: 1...12, using: &random), using: &random)
            let text = RandomFeeds.render(blocks, quirks: true, using: &random)
            let feed = try ICalParser(source: .other).parse(text)
            #expect(feed.problems.isEmpty, "seed \(seed): \(feed.problems)")
            #expect(feed.blocks.map(\.uid) == blocks.map(\.uid), "seed \(seed)")
            #expect(feed.blocks.map(\.start) == blocks.map(\.start), "seed \(seed)")
            #expect(feed.blocks.map(\.end) == blocks.map(\.end), "seed \(seed)")
            #expect(feed.blocks.map(\.summary) == blocks.map(\.summary), "seed \(seed)")
            #expect(feed.blocks.map(\.description) == blocks.map(\.description), "seed \(seed)")
        }
    }

    @Test("cut and corrupted feeds never crash the parser (300 seeds)")
    func corruption() throws {
        let fixtures = try ["airbnb.ics", "booking.ics", "vrbo.ics", "rfc5545-edge-cases.ics", "malformed.ics"].map(
            SyncFixtures.bytes)
        for seed in UInt64(1)...300 {
            var random = SplitMix64(seed: seed)
            var bytes = fixtures[Int.random(in: 0..<fixtures.count, using: &random)]
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            for _ in 0..<Int.random(in: 0...6, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                let feed = try ICalParser().parse(bytes)
                #expect(feed.blocks.allSatisfy { $0.start < $0.end }, "seed \(seed)")
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }
}

/// Random availability feeds and a renderer with every quirk real feeds have.
enum RandomFeeds {
    static let words = [
        "Reserved", "Blocked", "Mélanie", "señor", "東京", "naïve", "a,b", "x;y", "back\\slash", "🏖️", "CLOSED", "stay",
    ]

    static func blocks(count: Int, using random: inout SplitMix64) -> [AvailabilityBlock] {
        var start = day("2026-01-01").adding(days: Int.random(in: 0..<30, using: &random))
        return (0..<count).map { index in
            let nights = Int.random(in: 1...14, using: &random)
            let summary = (0..<Int.random(in: 1...4, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ")
            let description = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                words.randomElement(using: &random)!
            }
            .joined(separator: "\n")
            let block = AvailabilityBlock(
                source: .other, uid: "r\(index)-\(random.next() % 1_000_000)@example.com", start: start,
                end: start.adding(days: nights), kind: .unknown, summary: summary, description: description)
            start = block.end.adding(days: Int.random(in: 0...5, using: &random))
            return block
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The feed as bytes: with `quirks`, random line ends, folds at random byte widths (splitting UTF-8),
    /// blank lines, a BOM, DURATION for DTEND, and no DTSTAMP.
    static func render(_ blocks: [AvailabilityBlock], quirks: Bool, using random: inout SplitMix64) -> [UInt8] {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ipm tests//EN"]
        for block in blocks {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(block.uid)")
            if !quirks || Bool.random(using: &random) { lines.append("DTSTAMP:20260101T000000Z") }
            lines.append("DTSTART;VALUE=DATE:\(block.start.basicFormat)")
            if quirks && Bool.random(using: &random) {
                lines.append("DURATION:P\(block.nightCount)D")
            } else {
                lines.append("DTEND;VALUE=DATE:\(block.end.basicFormat)")
            }
            lines.append("SUMMARY:\(escape(block.summary))")
            if !block.description.isEmpty { lines.append("DESCRIPTION:\(escape(block.description))") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        guard quirks else { return Array((lines.joined(separator: "\r\n") + "\r\n").utf8) }
        let endings: [[UInt8]] = [[13, 10], [10], [13]]
        let ending = endings.randomElement(using: &random)!
        var output: [UInt8] = Bool.random(using: &random) ? [0xEF, 0xBB, 0xBF] : []
        let width = Int.random(in: 2...75, using: &random)
        for line in lines {
            var bytes = Array(line.utf8)
            var first = true
            while !bytes.isEmpty {
                let take = min(bytes.count, first ? width : width - 1)
                if !first { output.append(Bool.random(using: &random) ? 0x20 : 0x09) }
                output.append(contentsOf: bytes.prefix(take))
                output.append(contentsOf: ending)
                bytes.removeFirst(take)
                first = false
            }
            if Int.random(in: 0..<10, using: &random) == 0 { output.append(contentsOf: ending) }
        }
        return output
    }
}
