internal import Console
internal import Knowledge

/// `ipm search <words…>`: ranked full-text search with snippets.
enum SearchCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "search",
        abstract: "Search the text of every page, best matches first.",
        discussion: """
            Words match as prefixes, without regard to case or accents; pages with all the words come first,
            and when none has them all, pages with any of them. Exit status 1 when nothing matches.
            JSON output is an array of {"id", "title", "score", "snippet"}.
            """,
        examples: ["ipm search idempotency key", "ipm search reintentos --lang es", "ipm search jitter --json"],
        arguments: [ArgumentSpec(name: "words", help: "The words to look for.", isVariadic: true)],
        options: [
            .flag("--json", help: "Print JSON for scripts."),
            .value("--limit", valueName: "N", help: "Show at most N pages (default 10)."),
        ],
        run: run)

    struct Entry: Encodable {
        var id: String
        var title: String
        var score: Double
        var snippet: String
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let limit = try arguments.integer("--limit", in: 1...1000) ?? 10
        let index = try SearchIndex(catalog: context.catalog, language: context.language)
        let hits = try index.search(arguments.positionals, limit: limit)
        if arguments.has("--json") {
            context.out(
                try JSONOutput.encode(
                    hits.map { Entry(id: $0.id, title: $0.title, score: $0.score, snippet: $0.plainSnippet) }))
            return hits.isEmpty ? 1 : 0
        }
        guard !hits.isEmpty else {
            context.err(
                "No page matches '\(arguments.positionals.joined(separator: " "))'. Try fewer or other words.\n")
            return 1
        }
        let capabilities = context.outputCapabilities()
        var lines: [StyledLine] = []
        for hit in hits {
            var heading = StyledLine(hit.id, TextStyle(bold: true, color: .cyan))
            heading.append(Span("  \(hit.title)", TextStyle(dim: true)))
            lines.append(heading)
            var spans: [Span] = []
            var emphasised = false
            var current = ""
            for character in hit.snippet {
                if character == SearchHit.highlightStart || character == SearchHit.highlightEnd {
                    if !current.isEmpty { spans.append(Span(current, emphasised ? TextStyle(bold: true) : .plain)) }
                    current = ""
                    emphasised = character == SearchHit.highlightStart
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { spans.append(Span(current, emphasised ? TextStyle(bold: true) : .plain)) }
            for line in LineWrapper(width: max(20, capabilities.width - 4)).wrap(spans) {
                lines.append(line.prefixed(by: StyledLine("    ")))
            }
        }
        context.out(lines.map { $0.rendered(colors: capabilities.colors) + "\n" }.joined())
        return 0
    }
}
