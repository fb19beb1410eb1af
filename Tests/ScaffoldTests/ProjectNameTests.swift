import Foundation
import IntegrationPatterns
import Testing

@testable import Scaffold

@Suite("Project names")
struct ProjectNameTests {
    @Test(
        "typed names become UpperCamelCase identifiers",
        arguments: [
            ("stripe payments", "StripePayments"),
            ("Mi Integración 2026!", "MiIntegracion2026"),
            ("  airbnb-calendar_sync ", "AirbnbCalendarSync"),
            ("2fa hooks", "App2faHooks"),
            ("Foundation", "FoundationApp"),
            ("testing", "TestingApp"),
            ("日本語", "Integration"),
            ("", "Integration"),
        ])
    func examples(raw: String, identifier: String) {
        #expect(ProjectName(raw).identifier == identifier)
        #expect(ProjectName(raw).testTarget == identifier + "Tests")
    }

    @Test("any string gives a valid, reserved-free identifier, the same every time")
    func property() {
        var random = SplitMix64(seed: 20261204)
        let alphabet =
            Array("aZ9 _-.!/\\\"'`$éñÜ日😀\t\n0") + ["Foundation", "Tests", "IntegrationPatterns"].flatMap { Array($0) }
        for _ in 0..<2_000 {
            let length = Int(random.next() % 24)
            let raw = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let name = ProjectName(raw)
            #expect(
                name.identifier.wholeMatch(of: /[A-Z][A-Za-z0-9]*/) != nil,
                "\(raw.debugDescription) → \(name.identifier)")
            #expect(!ProjectName.reserved.contains(name.identifier), "\(raw.debugDescription)")
            #expect(ProjectName(raw) == name)
        }
    }
}
