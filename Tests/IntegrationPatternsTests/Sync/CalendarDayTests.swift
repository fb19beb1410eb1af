import Foundation
import IntegrationPatterns
import Testing

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test(
        "known days since the epoch",
        arguments: [
            ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11_016), ("2026-04-26", 20_569),
            ("9999-12-31", 2_932_896),
        ])
    func knownValues(text: String, days: Int) throws {
        let parsed = try #require(CalendarDay(text))
        #expect(parsed.daysSinceEpoch == days)
        #expect(CalendarDay(daysSinceEpoch: days).description == text)
    }

    @Test(
        "both the ISO and the iCal DATE forms parse; impossible dates do not",
        arguments: [
            ("20260426", true), ("2026-04-26", true), ("20260229", false), ("20240229", true), ("19000229", false),
            ("20001301", false), ("2026-4-26", false), ("2026AB01", false), ("", false), ("20260431", false),
        ])
    func parsing(text: String, valid: Bool) {
        #expect((CalendarDay(text) != nil) == valid)
    }

    @Test("round-trips every day of four centuries through its components")
    func roundTrip() {
        var day = CalendarDay(year: 1900, month: 1, day: 1)!
        let last = CalendarDay(year: 2300, month: 12, day: 31)!
        var previous = day.adding(days: -1)
        while day <= last {
            let (year, month, dayOfMonth) = day.components
            #expect(CalendarDay(year: year, month: month, day: dayOfMonth) == day)
            #expect(previous.distance(to: day) == 1)
            previous = day
            day = day.adding(days: 1)
        }
    }

    @Test("a Date falls on the day of the given zone")
    func zones() {
        let instant = Date(timeIntervalSince1970: 1_776_132_000)  // 2026-04-14T02:00:00Z
        #expect(CalendarDay(instant, in: TimeZone(identifier: "UTC")!).description == "2026-04-14")
        #expect(CalendarDay(instant, in: TimeZone(identifier: "America/Bogota")!).description == "2026-04-13")
        #expect(CalendarDay(instant, in: TimeZone(identifier: "Asia/Tokyo")!).description == "2026-04-14")
    }

    @Test("a range of days is the nights of a stay, and JSON is YYYY-MM-DD")
    func nightsAndCoding() throws {
        let stay = block("a", "2026-04-26", "2026-04-29")
        #expect(stay.nights.map(\.description) == ["2026-04-26", "2026-04-27", "2026-04-28"])
        #expect(stay.nightCount == 3)
        let data = try JSONEncoder().encode([day("2026-04-26")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-04-26"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [day("2026-04-26")])
    }
}
