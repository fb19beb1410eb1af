internal import Advisor
internal import Knowledge

/// `ipm checklist`: the robustness checklist, judged for a saved design or in general.
enum ChecklistCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "checklist",
        abstract: "Show the robustness checklist, judged item by item for a design.",
        discussion: """
            With --design, every item of the seed's four groups (security, reliability, idempotency,
            observability) is marked as applying or not to that design, and why. Without it, the whole
            checklist page is shown. JSON: [{"group", "item", "applies", "reason"}].
            """,
        examples: [
            "ipm checklist --design design.json", "ipm checklist --design design.json --format json",
            "ipm checklist --lang es",
        ],
        options: [
            .value("--design", valueName: "FILE", help: "A design saved with ipm design --save.", completion: .files),
            .value(
                "--format", valueName: "format", help: "text (default), markdown or json.",
                choices: ["text", "markdown", "json"]),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let format = arguments.value("--format") ?? "text"
        guard arguments.value("--design") != nil else {
            guard let page = context.catalog.page(id: "checklist", language: context.language)?.page else {
                throw CommandFailure(.internalError, "the checklist page is missing")
            }
            switch format {
            case "json":
                let entries = Checklist.judge(
                    answers: Answers(), provider: .of(.genericHTTP), components: Set(ComponentID.allCases))
                context.out(
                    try JSONOutput.encode(
                        entries.map {
                            Item(group: $0.group.rawValue, item: $0.item(context.language), applies: nil, reason: nil)
                        }))
            case "markdown": context.out(page.body)
            default: MarkdownPrinter(context: context).print(page.body)
            }
            return 0
        }
        let design = DesignEngine.design(for: try DesignCommand.loadAnswers(arguments))
        let es = context.language == .spanish
        switch format {
        case "json":
            context.out(
                try JSONOutput.encode(
                    design.checklist.map {
                        Item(
                            group: $0.group.rawValue, item: $0.item(context.language), applies: $0.applies,
                            reason: $0.reason(context.language))
                    }))
        default:
            var text = "# \(es ? "Checklist del diseño" : "Checklist for design") `\(design.id)`\n"
            text += DesignCard(design: design, language: context.language).checklistMarkdown(headingLevel: 2)
            if format == "markdown" { context.out(text) } else { MarkdownPrinter(context: context).print(text) }
        }
        return 0
    }

    struct Item: Encodable {
        var group: String
        var item: String
        var applies: Bool?
        var reason: String?
    }
}
