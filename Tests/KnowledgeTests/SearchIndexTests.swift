import Testing

@testable import Knowledge

@Suite("Search")
struct SearchIndexTests {
    private let catalog = Catalog.builtIn()

    @Test("the page about a subject ranks first, with a highlighted snippet")
    func ranking() throws {
        let index = try SearchIndex(catalog: catalog, language: .english)
        let hits = try index.search(["circuit", "breaker"])
        let first = try #require(hits.first)
        #expect(first.id == "circuit-breaker")
        #expect(first.score == 1)
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        #expect(hits.allSatisfy { $0.score > 0 && $0.score <= 1 })
        #expect(hits.contains { $0.snippet.contains(SearchHit.highlightStart) })
        #expect(!first.plainSnippet.contains(SearchHit.highlightStart))
    }

    @Test("a word on most pages still ranks them apart: scores are relative to the best hit, not rounded to 0")
    func commonWord() throws {
        let index = try SearchIndex(catalog: catalog, language: .english)
        let hits = try index.search(["idempotency"])
        #expect(hits.count >= 5)
        #expect(hits.first?.score == 1)
        #expect(hits.allSatisfy { $0.score > 0 })
        #expect(Set(hits.map(\.score)).count > 1)
    }

    @Test("words match as prefixes and without accents in Spanish")
    func spanishWithoutAccents() throws {
        let index = try SearchIndex(catalog: catalog, language: .spanish)
        let accented = try index.search(["reconciliación"]).map(\.id)
        let bare = try index.search(["reconciliacion"]).map(\.id)
        #expect(!accented.isEmpty)
        #expect(accented == bare)
        #expect(try index.search(["idempot"]).contains { $0.id == "idempotent-consumer" })
    }

    @Test("when no page has every word, pages with any of them are returned; nonsense finds nothing")
    func fallbackToAnyWord() throws {
        let index = try SearchIndex(catalog: catalog, language: .english)
        #expect(try !index.search(["jitter", "qqqzzzxx"]).isEmpty)
        #expect(try index.search(["qqqzzzxx"]).isEmpty)
        #expect(try index.search(["\"", "*", "AND"]).allSatisfy { !$0.id.isEmpty })
    }
}
