import Foundation
import IntegrationPatterns
import Testing

@Suite("PersonalDataMasker")
struct PersonalDataMaskerTests {
    @Test(
        "masks what real feeds carry",
        arguments: [
            ("Phone Number (Last 4 Digits): 4235", "Phone Number (Last 4 Digits): ****"),
            (
                "https://www.airbnb.com/reservation/itinerary?code=HMZK4T7P2W",
                "https://www.airbnb.com/reservation/itinerary?code=**********"
            ),
            ("details/HMNQ2X8J99 and more", "details/********** and more"),
            ("Réservée - Mélanie", "Réservée - *******"),
            ("Reserved - Tom", "Reserved - ***"),
            ("Guest: ana.perez+stay@example.com", "Guest: **************@example.com"),
            ("Phone: +57 300 123 4567", "Phone: +** *** *** ****"),
            ("Booking number 4031829575", "Booking number **********"),
            ("Vrbo HA-K7Q2ZP", "Vrbo *********"),
        ])
    func masks(input: String, expected: String) {
        #expect(PersonalDataMasker().mask(input) == expected)
    }

    @Test(
        "leaves ordinary text, dates and short numbers alone",
        arguments: [
            "Reserved", "Airbnb (Not available)", "CLOSED - Not available", "Check-in 2026-04-26, room 12", "Blocked",
        ])
    func keeps(input: String) {
        #expect(PersonalDataMasker().mask(input) == input)
    }

    @Test("rules can be chosen, and the disabled masker changes nothing")
    func rules() {
        let text = "Reserved - Ana, phone: 300 123 4567"
        #expect(PersonalDataMasker(rules: .guestNames).mask(text) == "Reserved - ************************")
        #expect(PersonalDataMasker(rules: .phoneDigits).mask(text) == "Reserved - Ana, phone: *** *** ****")
        #expect(PersonalDataMasker.disabled.mask(text) == text)
    }

    @Test("the Airbnb fixture prints without its codes and digits")
    func airbnbFixture() throws {
        let feed = try SyncFixtures.feed("airbnb.ics")
        for block in feed.blocks.map(PersonalDataMasker().mask) {
            #expect(!block.description.contains("4235") && !block.description.contains("0918"))
            #expect(!block.description.contains("HMNQ2X8J99") && !block.description.contains("HMZK4T7P2W"))
        }
    }

    @Test("feed URLs are reduced to scheme and host")
    func urls() {
        #expect(
            PersonalDataMasker.redact(URL(string: "https://www.airbnb.com/calendar/ical/123.ics?s=secret")!)
                == "https://www.airbnb.com/…")
        #expect(PersonalDataMasker.redact(URL(fileURLWithPath: "/tmp/feeds/booking.ics")) == "booking.ics")
    }
}
