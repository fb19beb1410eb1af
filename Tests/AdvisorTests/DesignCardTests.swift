import Foundation
import Knowledge
import SnapshotTesting
import Testing

@testable import Advisor

/// Golden design cards in both languages; RECORD_SNAPSHOTS=1 re-records them (and fails, on purpose).
@Suite("Design cards")
struct DesignCardTests {
    static let designs: [(String, Answers)] = [
        (
            "push-stripe",
            Answers(
                kind: .push, guarantee: .atLeastOnce, errors: [.transient, .permanent, .partial], provider: .stripe)
        ),
        ("pull-airbnb", Answers(kind: .pull, guarantee: .atLeastOnce, errors: [.transient], provider: .airbnb)),
        (
            "bidirectional-generic",
            Answers(
                kind: .bidirectional, guarantee: .exactlyOnce, errors: [.transient, .partial], provider: .genericHTTP,
                ordering: true, volume: .high, naturallyIdempotent: false, canRefetch: false)
        ),
    ]

    @Test("golden cards in English and Spanish", arguments: designs.map(\.0))
    func golden(name: String) throws {
        let answers = Self.designs.first { $0.0 == name }!.1
        let design = DesignEngine.design(for: answers)
        for language in [Knowledge.Language.english, .spanish] {
            let card = DesignCard(design: design, language: language)
            assertSnapshot(card.markdown, named: "\(name)-\(language.rawValue).md")
        }
    }

    @Test("the JSON card has the documented keys and the texts of its language")
    func json() throws {
        let design = DesignEngine.design(for: Self.designs[0].1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(DesignCard(design: design, language: .spanish).json)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "id", "kind", "guarantee", "errors", "provider", "components", "checklist", "warnings", "follow_ups",
            "assumed", "deduplication_seconds",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let components = try #require(object["components"] as? [[String: String]])
        #expect(components.first?.keys.sorted() == ["id", "implementation", "topic", "why"])
        #expect(components.contains { $0["id"] == "signature-verification" && $0["why"]!.contains("Verifica") })
        let checklist = try #require(object["checklist"] as? [[String: Any]])
        #expect(checklist.first.map { Set($0.keys) } == ["group", "item", "applies", "reason"])
    }

    @Test("the card's flags reproduce the design")
    func flags() {
        let design = DesignEngine.design(for: Self.designs[2].1)
        let flags = DesignCard(design: design, language: .english).flags
        #expect(
            flags
                == "--kind bidirectional --guarantee exactly-once --errors transient,partial --provider generic-http --ordering yes --volume high --naturally-idempotent no --can-refetch no"
        )
    }
}
