internal import Console
internal import Knowledge

/// `ipm explain <topic>`: a page rendered for the terminal.
enum ExplainCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "explain",
        abstract: "Explain a topic, pattern or story, rendered for the terminal.",
        discussion: """
            The topic is a page id, an alias or a title, in English or Spanish, without regard to case or
            accents. Pages come from ipm itself and from your content directory ($IPM_CONTENT_DIR, else
            $XDG_CONFIG_HOME/ipm/content), whose pages add to or override the built-in ones.
            On a terminal, a page taller than the screen opens in $PAGER (else 'less -FIRX').
            """,
        examples: [
            "ipm explain retry",
            "ipm explain \"webhooks seguros\"",
            "ipm explain webhook-security --lang es --no-pager",
            "ipm explain checklist --raw > checklist.md",
        ],
        arguments: [
            ArgumentSpec(
                name: "topic", help: "A page id, alias or title (several words are joined).", isVariadic: true,
                completion: .topics)
        ],
        options: [
            .flag("--raw", help: "Print the Markdown source instead of rendering it."),
            .flag("--no-pager", help: "Never use a pager."),
            .value("--width", valueName: "N", help: "Lay the page out in N columns (default: the terminal's)."),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let phrase = arguments.positionals.joined(separator: " ")
        let width = try arguments.integer("--width", in: 20...1000)
        let catalog = context.catalog
        guard case .found(let id) = catalog.resolve(phrase) else {
            throw TopicNotFound(phrase: phrase, catalog: catalog)
        }
        guard let (page, fellBack) = catalog.page(id: id, language: context.language) else {
            throw TopicNotFound(phrase: phrase, catalog: catalog)
        }
        if fellBack {
            context.err(
                "Note: '\(id)' has no \(context.language.displayName) version; showing the \(page.language.displayName) one.\n"
            )
        }
        if arguments.has("--raw") {
            context.out(page.body.hasSuffix("\n") ? page.body : page.body + "\n")
            return 0
        }
        let capabilities = context.outputCapabilities(widthOverride: width)
        let renderer = MarkdownRenderer(
            options: RenderOptions(
                width: capabilities.width, colors: capabilities.colors, hyperlinks: capabilities.hyperlinks))
        var text = renderer.render(page.body + relatedFooter(page, catalog: catalog, language: context.language))
        while text.hasSuffix("\n\n") { text.removeLast() }
        let pager = Pager(environment: context.environment)
        if !arguments.has("--no-pager"),
            pager.isNeeded(lineCount: text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }, capabilities: capabilities),
            pager.show(text)
        {
            return 0
        }
        context.out(text)
        return 0
    }

    /// A closing line naming the related pages, so the reader knows where to go next.
    private static func relatedFooter(_ page: Page, catalog: Catalog, language: Language) -> String {
        let related = page.related.filter { catalog.pagesByID[$0] != nil }
        guard !related.isEmpty else { return "" }
        let label = language == .spanish ? "Relacionado" : "Related"
        let command = language == .spanish ? "Véase" : "See"
        return "\n\n---\n\n*\(label):* " + related.map { "`\($0)`" }.joined(separator: ", ")
            + " — *\(command) `ipm explain <id>`.*\n"
    }
}

/// The phrase matched no page: exit 1 with suggestions, never running one.
struct TopicNotFound: Error {
    let phrase: String
    let catalog: Catalog

    var message: String {
        var text = "Error: No topic matches '\(phrase)'.\n"
        if case .notFound(let suggestions) = catalog.resolve(phrase), !suggestions.isEmpty {
            text += "Did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", or ") + "?\n"
        }
        text += "Run 'ipm topics' to list every page, or 'ipm search \(phrase)' to search their text.\n"
        return text
    }
}

extension Language {
    var displayName: String { self == .english ? "English" : "Spanish" }
}
