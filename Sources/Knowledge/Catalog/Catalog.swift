/// The content catalog: every page in every language, built in or from the user's content directory.
///
/// Pages are addressed by id; a phrase resolves to an id through the ids themselves, the aliases and the
/// titles, without regard to case or accents.
public struct Catalog: Sendable {
    /// Pages by id, then by language.
    public private(set) var pagesByID: [String: [Language: Page]]
    /// User pages that could not be read; they are left out and reported, never fatal.
    public private(set) var problems: [FrontMatterError]
    private var phraseTable: PhraseTable

    /// Creates a catalog from pages; later pages with the same id and language replace earlier ones.
    public init(pages: [Page], problems: [FrontMatterError] = []) {
        self.pagesByID = [:]
        self.problems = problems
        self.phraseTable = PhraseTable()
        for page in pages { pagesByID[page.id, default: [:]][page.language] = page }
    }

    /// Adds or replaces a page (a user page overrides a built-in one with the same id and language).
    public mutating func insert(_ page: Page) {
        pagesByID[page.id, default: [:]][page.language] = page
        phraseTable = PhraseTable()
    }

    /// Records a page that could not be read.
    public mutating func report(_ problem: FrontMatterError) {
        problems.append(problem)
    }

    /// Every id, sorted.
    public var ids: [String] { pagesByID.keys.sorted() }

    /// The page `id` in `language`, falling back to the other language; `fellBack` says whether it did.
    public func page(id: String, language: Language) -> (page: Page, fellBack: Bool)? {
        guard let versions = pagesByID[id] else { return nil }
        if let page = versions[language] { return (page, false) }
        if let page = versions[language.other] { return (page, true) }
        return nil
    }

    /// Every page in `language` (or its fallback), sorted by kind then id.
    public func pages(language: Language, kind: PageKind? = nil) -> [Page] {
        let kindOrder = Dictionary(uniqueKeysWithValues: PageKind.allCases.enumerated().map { ($1, $0) })
        return ids.compactMap { page(id: $0, language: language)?.page }
            .filter { kind == nil || $0.kind == kind }
            .sorted { (kindOrder[$0.kind]!, $0.id) < (kindOrder[$1.kind]!, $1.id) }
    }

    /// The languages `id` is written in.
    public func languages(of id: String) -> [Language] {
        (pagesByID[id]?.keys).map { $0.sorted() } ?? []
    }

    /// Resolves a phrase typed by a user (an id, an alias or a title, in either language).
    public func resolve(_ phrase: String) -> Resolution {
        if pagesByID[phrase] != nil { return .found(id: phrase) }
        let folded = phrase.foldedForMatching
        let phrases = phraseTable.phrases { buildPhrases() }
        if let id = phrases[folded] { return .found(id: id) }
        return .notFound(suggestions: suggestions(for: folded, in: phrases))
    }

    /// Ids whose id, aliases or titles are within a small edit distance of `folded`, or contain it.
    private func suggestions(for folded: String, in phrases: [String: String]) -> [String] {
        guard !folded.isEmpty else { return [] }
        let limit = max(2, folded.count / 4)
        var best: [String: Int] = [:]
        for (phrase, id) in phrases {
            var score: Int?
            if let distance = EditDistance.between(folded, phrase, limit: limit) {
                score = distance
            } else if folded.count >= 4, phrase.contains(folded) || folded.contains(phrase) && phrase.count >= 4 {
                score = limit + 1
            }
            if let score, score < best[id, default: .max] { best[id] = score }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(3).map(\.key)
    }

    /// Folded ids, titles and aliases → id; built on the first lookup that needs it.
    private func buildPhrases() -> [String: String] {
        var phrases: [String: String] = [:]
        // Titles and aliases first, ids last, so that an id always wins over another page's alias.
        for id in ids {
            for page in pagesByID[id]!.values.sorted(by: { $0.language < $1.language }) {
                phrases[page.title.foldedForMatching] = phrases[page.title.foldedForMatching] ?? id
                for alias in page.aliases {
                    phrases[alias.foldedForMatching] = phrases[alias.foldedForMatching] ?? id
                }
            }
        }
        for id in ids { phrases[id.foldedForMatching] = id }
        return phrases
    }
}
