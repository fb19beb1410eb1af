/// One page found by a search, with its rank and a snippet around the matching words.
public struct SearchHit: Sendable, Equatable, Codable {
    /// The page id.
    public var id: String
    /// The page title in the searched language.
    public var title: String
    /// Relevance relative to the query's best hit, which scores 1: SQLite FTS5's BM25 (sign flipped,
    /// weighted by field), divided by the best hit's.
    public var score: Double
    /// A short excerpt of the page; the matched words are wrapped in `SearchHit.highlightStart` and
    /// `SearchHit.highlightEnd` so a renderer can emphasise them or strip them.
    public var snippet: String

    /// The marker that opens a highlighted match inside `snippet`.
    public static let highlightStart: Character = "\u{2}"
    /// The marker that closes a highlighted match inside `snippet`.
    public static let highlightEnd: Character = "\u{3}"

    /// Creates a hit.
    public init(id: String, title: String, score: Double, snippet: String) {
        self.id = id
        self.title = title
        self.score = score
        self.snippet = snippet
    }

    /// The snippet without highlight markers.
    public var plainSnippet: String {
        String(snippet.filter { $0 != Self.highlightStart && $0 != Self.highlightEnd })
    }
}
