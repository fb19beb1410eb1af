internal import Console
internal import Knowledge

/// `ipm topics`: the pages, grouped by kind, or as JSON.
enum TopicsCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "topics",
        abstract: "List the topics, patterns, stories and checklists.",
        discussion: """
            JSON output is an array of {"id", "title", "kind", "summary", "aliases", "languages"}, in the
            chosen language (titles and summaries), sorted by kind then id.
            """,
        examples: ["ipm topics", "ipm topics --kind pattern", "ipm topics --json --lang es"],
        options: [
            .value(
                "--kind", valueName: "kind", help: "Only pages of this kind.",
                choices: PageKind.allCases.map(\.rawValue)),
            .flag("--json", help: "Print JSON for scripts."),
            .flag("--ids", help: "Print only the ids, one per line."),
        ],
        run: run)

    struct Entry: Encodable {
        var id: String
        var title: String
        var kind: String
        var summary: String
        var aliases: [String]
        var languages: [String]
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let catalog = context.catalog
        let kind = arguments.value("--kind").flatMap(PageKind.init(rawValue:))
        let pages = catalog.pages(language: context.language, kind: kind)
        if arguments.has("--ids") {
            context.out(pages.map(\.id).joined(separator: "\n") + (pages.isEmpty ? "" : "\n"))
            return 0
        }
        if arguments.has("--json") {
            let entries = pages.map {
                Entry(
                    id: $0.id, title: $0.title, kind: $0.kind.rawValue, summary: $0.summary, aliases: $0.aliases,
                    languages: catalog.languages(of: $0.id).map(\.rawValue))
            }
            context.out(try JSONOutput.encode(entries))
            return 0
        }
        let capabilities = context.outputCapabilities()
        var markdown = ""
        for group in PageKind.allCases {
            let members = pages.filter { $0.kind == group }
            guard !members.isEmpty else { continue }
            markdown += "## \(group.heading(context.language))\n\n"
            for page in members {
                markdown += "- **\(page.id)** — \(page.title). \(page.summary)\n"
            }
            markdown += "\n"
        }
        let renderer = MarkdownRenderer(
            options: RenderOptions(width: capabilities.width, colors: capabilities.colors))
        context.out(renderer.render(markdown))
        return 0
    }
}

extension PageKind {
    func heading(_ language: Language) -> String {
        switch (self, language) {
        case (.topic, .english): return "Topics"
        case (.topic, .spanish): return "Temas"
        case (.pattern, .english): return "Patterns"
        case (.pattern, .spanish): return "Patrones"
        case (.story, .english): return "Stories"
        case (.story, .spanish): return "Historias"
        case (.checklist, .english): return "Checklists"
        case (.checklist, .spanish): return "Listas de verificación"
        }
    }
}
