import Foundation
import Testing

@testable import Advisor

/// The rules, over every combination of kind × guarantee × errors × provider, with the invariants the
/// decision framework promises.
@Suite("Design rules")
struct DesignRulesTests {
    static let errorSets: [[ErrorKind]] = [
        [.transient], [.permanent], [.partial], [.transient, .permanent], [.transient, .partial],
        [.permanent, .partial], [.transient, .permanent, .partial],
    ]

    static var allAnswers: [Answers] {
        var all: [Answers] = []
        for kind in IntegrationKind.allCases {
            for guarantee in DeliveryGuarantee.allCases {
                for errors in errorSets {
                    for provider in Provider.allCases {
                        all.append(Answers(kind: kind, guarantee: guarantee, errors: errors, provider: provider))
                    }
                }
            }
        }
        return all
    }

    @Test("invariants hold for all 567 combinations")
    func invariants() {
        let combinations = Self.allAnswers
        #expect(combinations.count == 3 * 3 * 7 * 9)
        for answers in combinations {
            let design = DesignEngine.design(for: answers)
            let label =
                "\(answers.kind!.rawValue)/\(answers.guarantee!.rawValue)/\(answers.errors!.map(\.rawValue))/\(answers.provider!.rawValue)"
            let profile = ProviderProfile.of(answers.provider!)
            // At-least-once and exactly-once always deduplicate.
            if answers.guarantee != .atMostOnce { #expect(design.has(.idempotency), "\(label)") }
            // Push verifies signatures, or warns that the provider signs nothing.
            if answers.kind == .push {
                #expect(design.has(.signatureVerification), "\(label)")
                if profile.signatureScheme == nil {
                    #expect(
                        design.warnings.contains { ["unsigned-deliveries", "feed-cannot-push"].contains($0.id) },
                        "\(label)")
                }
            }
            // Pull schedules and rate-limits its calls.
            if answers.kind == .pull {
                #expect(design.has(.scheduler) && design.has(.rateLimiter), "\(label)")
            }
            // Bidirectional resolves conflicts and reconciles.
            if answers.kind == .bidirectional {
                #expect(
                    design.has(.conflictResolution) && design.has(.reconciliation) && design.has(.echoPrevention),
                    "\(label)")
            }
            // Exactly-once is built from an inbox and an outbox.
            if answers.guarantee == .exactlyOnce { #expect(design.has(.inbox) && design.has(.outbox), "\(label)") }
            // Error strategy.
            if answers.errors!.contains(.transient) {
                #expect([.retryBackoff, .circuitBreaker, .retryBudget, .timeouts].allSatisfy(design.has), "\(label)")
            } else {
                #expect(!design.has(.retryBackoff), "\(label)")
            }
            if answers.errors!.contains(.permanent) { #expect(design.has(.alerting), "\(label)") }
            if answers.errors!.contains(.partial) { #expect(design.has(.deadLetterQueue), "\(label)") }
            // Contradictions are pointed out.
            if answers.guarantee == .exactlyOnce && profile.isICalFeed {
                #expect(design.warnings.contains { $0.id == "exactly-once-over-ical" }, "\(label)")
            }
            if answers.guarantee == .atMostOnce && answers.provider == .stripe {
                #expect(design.warnings.contains { $0.id == "at-most-once-payments" }, "\(label)")
            }
            // Every component names a type and a page; ids are unique; the checklist covers all four groups.
            #expect(Set(design.components.map(\.id)).count == design.components.count, "\(label)")
            for component in design.components {
                #expect(!component.implementation.isEmpty && !component.topic.isEmpty)
                #expect(!component.why.en.isEmpty && !component.why.es.isEmpty && component.why.en != component.why.es)
            }
            #expect(Set(design.checklist.map(\.group)) == Set(ChecklistEntry.Group.allCases), "\(label)")
            // The same answers give the same design.
            #expect(DesignEngine.design(for: answers) == design)
        }
    }

    @Test("the deduplication window follows the provider's retry horizon")
    func deduplicationWindow() {
        let stripe = DesignEngine.design(
            for: Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .stripe))
        #expect(stripe.deduplicationSeconds == 3 * 86_400)
        let shopify = DesignEngine.design(
            for: Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .shopify))
        #expect(shopify.deduplicationSeconds == 4 * 3600)
        let feed = DesignEngine.design(
            for: Answers(kind: .pull, guarantee: .atLeastOnce, errors: [.transient], provider: .airbnb))
        #expect(feed.deduplicationSeconds == nil)
    }

    @Test("follow-ups change the design: ordering with refetch, volume, assumptions")
    func followUps() {
        var answers = Answers(
            kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .stripe, ordering: true)
        var design = DesignEngine.design(for: answers)
        #expect(design.has(.staleEventGuard))
        #expect(design.has(.refetch))  // Stripe's default: the API can be called
        #expect(design.assumed.contains(.canRefetch))
        answers.provider = .shopify
        answers.canRefetch = false
        design = DesignEngine.design(for: answers)
        #expect(!design.has(.refetch))
        #expect(design.warnings.contains { $0.id == "ordering-without-refetch" })
        answers.volume = .high
        #expect(DesignEngine.design(for: answers).warnings.contains { $0.id == "shared-store" })
        #expect(DesignEngine.design(for: answers).checklist.first { $0.id == "health-dashboard" }?.applies == true)
    }

    @Test("GitHub does not redeliver: a warning, and retry handling says so")
    func github() {
        let design = DesignEngine.design(
            for: Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .github))
        #expect(design.warnings.contains { $0.id == "no-automatic-redelivery" })
        #expect(design.component(.retryHandling)?.why.en.contains("does not retry") == true)
        #expect(design.component(.replayProtection)?.implementation == "SQLiteIdempotencyStore")
    }

    @Test("every implementation a design names is a type IntegrationPatterns declares")
    func implementationsExist() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/IntegrationPatterns").standardized
        var declared = Set<String>()
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(whereSeparator: { " (<:{".contains($0) })
                for (index, word) in words.enumerated().dropLast()
                where ["struct", "class", "actor", "enum", "protocol"].contains(word)
                    && words[..<index].contains("public")
                {
                    declared.insert(String(words[index + 1]))
                }
            }
        }
        var named = Set<String>()
        for answers in Self.allAnswers {
            for component in DesignEngine.design(for: answers).components { named.insert(component.implementation) }
        }
        for type in named.sorted() {
            if !declared.contains(type) {
                Issue.record("a design names \(type), which IntegrationPatterns does not declare")
            }
        }
    }
}
