import Foundation
import Testing

@testable import Knowledge

/// The built-in content: complete in both languages, well formed, and honest about the library.
@Suite("Content")
struct ContentTests {
    private let catalog = Catalog.builtIn()

    /// The page set ../shared/ARCHITECTURE.md and the foundation issue call for.
    static let requiredIDs = [
        "decision-framework", "checklist", "webhook-security", "retry-patterns", "sync-strategies",
        "payment-edge-cases", "secure-webhook-handler", "idempotent-consumer", "retry-with-backoff",
        "dead-letter-queue", "circuit-breaker", "rate-limiting", "transactional-outbox", "reconciliation",
        "conditional-polling", "ical-ota-sync", "stripe-integration",
    ]

    @Test("every built-in page has valid front matter")
    func noProblems() {
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
    }

    @Test("every required page exists in English and Spanish", arguments: requiredIDs)
    func bothLanguages(id: String) {
        #expect(catalog.languages(of: id) == [.english, .spanish])
    }

    @Test("every page is in both languages, with the same id, kind, aliases, related and types")
    func pairs() {
        for id in catalog.ids {
            let versions = catalog.pagesByID[id] ?? [:]
            guard let english = versions[.english], let spanish = versions[.spanish] else {
                Issue.record("\(id) is not in both languages")
                continue
            }
            #expect(english.kind == spanish.kind, "\(id)")
            #expect(english.aliases == spanish.aliases, "\(id)")
            #expect(english.related == spanish.related, "\(id)")
            #expect(english.types == spanish.types, "\(id)")
            #expect(english.title != spanish.title || english.kind == .checklist, "\(id): title not translated")
            #expect(!english.summary.isEmpty && !spanish.summary.isEmpty, "\(id)")
            for page in [english, spanish] {
                #expect(page.body.hasPrefix("# \(page.title)"), "\(id) (\(page.language)) must open with its title")
                let sources = page.language == .english ? "## Sources" : "## Fuentes"
                #expect(page.body.contains(sources), "\(id) (\(page.language)) has no \(sources)")
            }
        }
    }

    @Test("every related id resolves to a page")
    func relatedResolve() {
        for page in catalog.pages(language: .english) {
            for related in page.related {
                #expect(catalog.pagesByID[related] != nil, "\(page.id) relates to missing \(related)")
            }
        }
    }

    @Test("aliases, titles and ids point to one page each")
    func aliasesUnique() {
        var owner: [String: String] = [:]
        for id in catalog.ids {
            for page in catalog.pagesByID[id]!.values {
                for phrase in page.aliases + [page.title, id] {
                    let folded = phrase.foldedForMatching
                    if let other = owner[folded], other != id {
                        Issue.record("'\(phrase)' names both \(other) and \(id)")
                    }
                    owner[folded] = id
                }
            }
        }
        for id in catalog.ids {
            #expect(catalog.resolve(id) == .found(id: id))
        }
    }

    @Test("every library type a page names exists in IntegrationPatterns")
    func typesExist() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/IntegrationPatterns").standardized
        var declared = Set<String>()
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(whereSeparator: { " (<:{".contains($0) })
                for (index, word) in words.enumerated().dropLast()
                where ["struct", "class", "actor", "enum", "protocol", "func", "typealias"].contains(word)
                    && (index == 0 || ["public", "final", "open", "package", "nonisolated"].contains(words[index - 1]))
                {
                    declared.insert(String(words[index + 1]))
                }
            }
        }
        for page in catalog.pages(language: .english) {
            for type in page.types {
                if !declared.contains(type) {
                    Issue.record("\(page.id) documents \(type), which IntegrationPatterns does not declare")
                }
            }
        }
    }
}
