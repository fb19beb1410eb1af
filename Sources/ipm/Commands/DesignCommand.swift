internal import Advisor
internal import Console
internal import Foundation
internal import Knowledge

/// `ipm design`: the decision framework from flags (or a saved file), asking on a terminal only what is missing.
enum DesignCommand {
    static let answerOptions: [OptionSpec] = QuestionCatalog.all.map { question in
        .value(
            question.flag, valueName: question.choices.map(\.id).joined(separator: "|"),
            help: question.prompt.en + (question.isRequired ? "" : " (follow-up; default when not given)"),
            completion: .choices(question.choices.map(\.id)))
    }

    static let spec: CommandSpec = CommandSpec(
        name: "design",
        abstract: "Design an integration: answer the decision framework and get a design card with its checklist.",
        discussion: """
            Every answer has a flag. On a terminal, missing answers are asked for (only those); with standard
            input not a terminal, or with --no-input, a missing --kind, --guarantee, --errors or --provider is
            an error naming every missing flag, while follow-ups not given take their defaults (shown as
            assumed on the card). Values are a choice's id or name, in English or Spanish.
            --format json prints {"id", "kind", "guarantee", "errors", "provider", "follow_ups", "assumed",
            "deduplication_seconds", "components": [{"id", "why", "implementation", "topic"}],
            "checklist": [{"group", "item", "applies", "reason"}], "warnings"}.
            """,
        examples: [
            "ipm design --kind push --guarantee at-least-once --errors transient,permanent,partial --provider stripe",
            "ipm design --kind pull --guarantee at-least-once --errors transient --provider airbnb --format markdown > DESIGN.md",
            "ipm design --answers design.json --format json",
            "ipm design                     # on a terminal: asks every question",
        ],
        options: answerOptions + [
            .value(
                "--answers", valueName: "FILE", help: "Start from a design saved with --save or the REPL's save.",
                completion: .files),
            .value(
                "--save", valueName: "FILE", help: "Save the answers to FILE (JSON) for --answers, load and scaffold.",
                completion: .files),
            .value(
                "--format", valueName: "format", help: "text (default), markdown or json.",
                choices: ["text", "markdown", "json"]),
            .flag("--no-input", help: "Never ask: fail on missing answers, as without a terminal."),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        var answers = try loadAnswers(arguments)
        try applyFlags(arguments, to: &answers)
        let interactive = context.inputIsTerminal && !arguments.has("--no-input")
        let missing = answers.missingRequired
        if !missing.isEmpty {
            guard interactive else {
                let flags = missing.map { QuestionCatalog.question($0).flag }.joined(separator: ", ")
                throw UsageError(
                    "Missing \(missing.count == 1 ? "answer" : "answers"): \(flags). Without a terminal (or with --no-input) these are never assumed.",
                    commandPath: arguments.commandPath)
            }
            guard let asked = askMissing(answers, context) else {
                context.err(context.language == .spanish ? "Diseño cancelado.\n" : "Design cancelled.\n")
                return 1
            }
            answers = asked
        }
        let design = DesignEngine.design(for: answers)
        if let path = arguments.value("--save") {
            // The answers as given: replaying the file recomputes the same card, assumptions included.
            try FileOutput.writeAtomically(try DesignFile(answers: answers).encoded(), to: path)
        }
        try show(design, format: arguments.value("--format") ?? "text", context)
        return 0
    }

    /// The answers of `--answers FILE`, or none.
    static func loadAnswers(_ arguments: ParsedArguments) throws -> Answers {
        guard let path = arguments.value("--answers") ?? arguments.value("--design") else { return Answers() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(.ioError, "cannot read '\(path)'")
        }
        do {
            return try DesignFile.decode(data).answers
        } catch {
            throw CommandFailure(.dataError, "\(path): \(error)")
        }
    }

    /// Sets the answers given as flags.
    static func applyFlags(_ arguments: ParsedArguments, to answers: inout Answers) throws {
        for question in QuestionCatalog.all {
            guard let value = arguments.value(question.flag) else { continue }
            switch AnswerParser.parse(value, for: question) {
            case .success(let ids):
                answers.set(question.id, ids)
            case .failure(let error):
                var message =
                    "Invalid value '\(value)' for '\(question.flag)': expected \(question.allowsMultiple ? "some of" : "one of") \(question.choices.map(\.id).joined(separator: ", "))."
                if let suggestion = error.suggestions.first { message += " Did you mean '\(suggestion)'?" }
                throw UsageError(message, commandPath: arguments.commandPath)
            }
        }
    }

    /// Runs the wizard for what is missing; `nil` if the user left it.
    static func askMissing(_ answers: Answers, _ context: Context) -> Answers? {
        var wizard = Wizard(answers: answers, language: context.language, askOnlyMissing: true)
        let editor = LineEditor(program: "ipm", historyPath: nil) { _ in
            if case .asking(let question) = wizard.phase { return QuestionCatalog.question(question).choices.map(\.id) }
            return []
        }
        let printer = MarkdownPrinter(context: context)
        printer.print(wizard.screen)
        while true {
            switch editor.readLine(prompt: "> ") {
            case .endOfInput:
                return nil
            case .interrupted:
                continue
            case .line(let line):
                switch wizard.handle(line) {
                case .screen(let screen): printer.print(screen)
                case .note(let note, let screen): printer.print(note + "\n" + screen)
                case .finished(let design): return design.answers
                case .cancelled: return nil
                }
            }
        }
    }

    /// Prints a design in a format.
    static func show(_ design: Design, format: String, _ context: Context) throws {
        let card = DesignCard(design: design, language: context.language)
        switch format {
        case "json": context.out(try JSONOutput.encode(card.json))
        case "markdown": context.out(card.markdown)
        default: MarkdownPrinter(context: context).print(card.markdown)
        }
    }
}
