import Foundation
import Testing

@testable import Knowledge

@Suite("Catalog")
struct CatalogTests {
    private let catalog = Catalog.builtIn()

    @Test(
        "aliases resolve without regard to case or accents, in both languages",
        arguments: [
            ("retry", "retry-patterns"),
            ("Retry Patterns", "retry-patterns"),
            ("webhooks seguros", "webhook-security"),
            ("WEBHOOKS SEGUROS", "webhook-security"),
            ("Sincronizar datos", "sync-strategies"),
            ("sincronizar-datos", "sync-strategies"),
            ("Diseñar integración", "decision-framework"),
            ("disenar integracion", "decision-framework"),
            ("integrar pagos", "payment-edge-cases"),
            ("webhook-security", "webhook-security"),
            ("circuit breaker", "circuit-breaker"),
        ])
    func resolves(phrase: String, id: String) {
        #expect(catalog.resolve(phrase) == .found(id: id))
    }

    @Test("a near miss is suggested, never resolved")
    func suggestions() {
        guard case .notFound(let suggestions) = catalog.resolve("webhok-security") else {
            Issue.record("a misspelt id must not resolve")
            return
        }
        #expect(suggestions.first == "webhook-security")
        guard case .notFound(let none) = catalog.resolve("zzzzzzzz qqqq") else {
            Issue.record("nonsense must not resolve")
            return
        }
        #expect(none.isEmpty)
    }

    @Test("the language comes from the flag, then IPM_LANG, LC_ALL, LC_MESSAGES, LANG")
    func language() {
        #expect(Language.preferred(environment: [:]) == .english)
        #expect(Language.preferred(environment: ["LANG": "es_CO.UTF-8"]) == .spanish)
        #expect(Language.preferred(environment: ["LANG": "es_CO.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .english)
        #expect(Language.preferred(environment: ["LANG": "es_ES", "IPM_LANG": "en"]) == .english)
        #expect(Language.preferred(flag: "es", environment: ["IPM_LANG": "en"]) == .spanish)
        #expect(Language.preferred(environment: ["LANG": "C"]) == .english)
        #expect(Language.preferred(environment: ["LC_ALL": "", "LANG": "es"]) == .spanish)
    }

    @Test("a user directory adds pages, overrides built-in ones and reports broken ones")
    func userDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ipm-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let english = directory.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: english, withIntermediateDirectories: true)
        try """
        ---
        id: my-psp-story
        title: Our PSP migration
        kind: story
        aliases: [psp migration, migración psp]
        summary: How we moved payment providers without double charges.
        related: [payment-edge-cases]
        types: []
        ---
        # Our PSP migration
        """.write(to: english.appendingPathComponent("my-psp-story.md"), atomically: true, encoding: .utf8)
        try """
        ---
        id: retry-patterns
        title: Our retry rules
        kind: topic
        ---
        # Our retry rules
        """.write(to: english.appendingPathComponent("retry-patterns.md"), atomically: true, encoding: .utf8)
        try "no front matter".write(to: english.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)

        let loaded = Catalog.load(environment: ["IPM_CONTENT_DIR": directory.path])
        #expect(loaded.resolve("migración PSP") == .found(id: "my-psp-story"))
        #expect(loaded.page(id: "retry-patterns", language: .english)?.page.title == "Our retry rules")
        #expect(loaded.page(id: "retry-patterns", language: .spanish)?.page.origin == .builtIn)
        #expect(loaded.page(id: "my-psp-story", language: .spanish)?.fellBack == true)
        #expect(loaded.problems.count == 1)
        #expect(loaded.problems.first?.file.hasSuffix("broken.md") == true)
    }

    @Test("the content directory is IPM_CONTENT_DIR, else XDG_CONFIG_HOME, else ~/.config")
    func contentDirectory() {
        #expect(Catalog.userContentDirectory(environment: ["IPM_CONTENT_DIR": "/a"])?.path == "/a")
        #expect(Catalog.userContentDirectory(environment: ["XDG_CONFIG_HOME": "/x"])?.path == "/x/ipm/content")
        #expect(Catalog.userContentDirectory(environment: ["HOME": "/h"])?.path == "/h/.config/ipm/content")
    }
}
