internal import CSQLite
internal import Foundation

/// Full-text search over the catalog, ranked, with snippets: SQLite FTS5 in memory.
///
/// Titles weigh most, then aliases, summaries and bodies. Words are matched as prefixes and without
/// regard to case or accents (FTS5's `unicode61` tokenizer with `remove_diacritics 2`). All words must
/// match; when no page has them all, pages with any of them are returned instead.
public final class SearchIndex: @unchecked Sendable {
    private var database: OpaquePointer?
    private let language: Language

    /// Builds an index of the pages of `catalog` in `language` (falling back to the other language).
    public init(catalog: Catalog, language: Language) throws {
        self.language = language
        guard sqlite3_open_v2(":memory:", &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK
        else { throw SearchError(message: "cannot open an in-memory database") }
        try execute(
            """
            CREATE VIRTUAL TABLE pages USING fts5(
                id UNINDEXED, title, aliases, summary, body,
                tokenize = 'unicode61 remove_diacritics 2'
            )
            """)
        var statement: OpaquePointer?
        guard
            sqlite3_prepare_v2(
                database, "INSERT INTO pages (id, title, aliases, summary, body) VALUES (?, ?, ?, ?, ?)", -1,
                &statement, nil) == SQLITE_OK
        else { throw SearchError(message: lastMessage()) }
        defer { sqlite3_finalize(statement) }
        try execute("BEGIN")
        for page in catalog.pages(language: language) {
            let values = [
                page.id, page.title, page.aliases.joined(separator: " · "), page.summary,
                MarkdownPlainText.render(page.body),
            ]
            for (index, value) in values.enumerated() {
                CSQLite_bind_text(statement, Int32(index + 1), value, -1)
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw SearchError(message: lastMessage()) }
            sqlite3_reset(statement)
        }
        try execute("COMMIT")
    }

    deinit { sqlite3_close(database) }

    /// The pages matching `words`, best first, at most `limit`.
    public func search(_ words: [String], limit: Int = 10) throws -> [SearchHit] {
        let terms = words.flatMap { $0.foldedForMatching.split(separator: " ") }.map(String.init)
        guard !terms.isEmpty else { return [] }
        let quoted = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
        let all = try query(quoted.joined(separator: " AND "), limit: limit)
        if !all.isEmpty || terms.count == 1 { return all }
        return try query(quoted.joined(separator: " OR "), limit: limit)
    }

    private func query(_ match: String, limit: Int) throws -> [SearchHit] {
        let sql = """
            SELECT id, title, -bm25(pages, 0.0, 10.0, 8.0, 4.0, 1.0) AS score,
                   snippet(pages, 4, char(2), char(3), '…', 16)
            FROM pages WHERE pages MATCH ? ORDER BY score DESC, id LIMIT ?
            """
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
            throw SearchError(message: lastMessage())
        }
        defer { sqlite3_finalize(statement) }
        CSQLite_bind_text(statement, 1, match, -1)
        sqlite3_bind_int(statement, 2, Int32(limit))
        var hits: [SearchHit] = []
        var best = 0.0
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw SearchError(message: lastMessage()) }
            let raw = sqlite3_column_double(statement, 2)
            if hits.isEmpty { best = raw }
            // BM25 is only comparable within one query, and a word on most pages gets an IDF near zero
            // (FTS5 floors it at 1e-6): scores are reported relative to the best hit, which is 1.
            let relative = best > 0 ? raw / best : 1
            hits.append(
                SearchHit(
                    id: text(statement, 0), title: text(statement, 1),
                    score: (relative * 1000).rounded() / 1000,
                    snippet: text(statement, 3).split(whereSeparator: \.isNewline).joined(separator: " ")))
        }
        return hits
    }

    private func text(_ statement: OpaquePointer?, _ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: pointer)
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else {
            throw SearchError(message: lastMessage())
        }
    }

    private func lastMessage() -> String { String(cString: sqlite3_errmsg(database)) }
}
