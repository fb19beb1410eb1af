internal import Advisor
internal import Console
internal import Foundation
internal import Knowledge

/// The interactive session (`ipm`, `ipm repl`): commands, the design wizard and the seed's phrases.
///
/// On a terminal it reads with libedit (history, completion, Ctrl-C / Ctrl-D); with standard input
/// not a terminal it reads lines as they come, with no prompt and no escape codes, so a session can be
/// scripted (`ipm < session.txt`).
final class ReplSession {
    private let context: Context
    private var wizard: Wizard?
    private var design: Design?
    private let printer: MarkdownPrinter
    private var es: Bool { context.language == .spanish }

    init(context: Context) {
        self.context = context
        self.printer = MarkdownPrinter(context: context)
    }

    /// The commands of the session, for help and completion.
    static let commands = [
        "design", "explain", "topics", "search", "checklist", "card", "save", "load", "scaffold", "help", "quit",
    ]

    /// Runs until `quit` or end of input; returns the exit status.
    func run() -> Int32 {
        if context.inputIsTerminal {
            return runInteractive()
        }
        while let line = Swift.readLine(strippingNewline: true) {
            if handle(line) == .quit { return 0 }
        }
        return 0
    }

    private func runInteractive() -> Int32 {
        let editor = LineEditor(program: "ipm", historyPath: Self.historyPath(context.environment)) {
            [unowned self] before in
            self.completions(before)
        }
        printer.print(greeting)
        while true {
            let prompt = wizard == nil ? "ipm> " : (es ? "diseño> " : "design> ")
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                editor.save()
                context.out("\n")
                return 0
            case .interrupted(let wasEmpty):
                if wasEmpty {
                    context.err(
                        es
                            ? "(Escribe `quit` o pulsa Ctrl-D para salir.)\n"
                            : "(Type `quit` or press Ctrl-D to leave.)\n")
                }
            case .line(let line):
                editor.remember(line)
                if handle(line) == .quit {
                    editor.save()
                    return 0
                }
            }
        }
    }

    /// `$XDG_STATE_HOME/ipm/history`, else `~/.local/state/ipm/history`.
    static func historyPath(_ environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/ipm/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/ipm/history" }
        return nil
    }

    private var greeting: String {
        es
            ? "**ipm** — diseña, explica y construye integraciones. Escribe `design` (o «Diseñar integración»), `explain <tema>`, `topics`, `help` o `quit`.\n"
            : "**ipm** — design, explain and build integrations. Type `design` (or \"Design integration\"), `explain <topic>`, `topics`, `help` or `quit`.\n"
    }

    enum Outcome { case `continue`, quit }

    /// Handles one line: the wizard's answer if one is running, else a command or a phrase.
    func handle(_ raw: String) -> Outcome {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if var running = wizard {
            let response = running.handle(line)
            wizard = running
            switch response {
            case .screen(let screen): printer.print(screen)
            case .note(let note, let screen): printer.print(note + "\n" + screen)
            case .finished(let design):
                wizard = nil
                self.design = design
                printer.print(DesignCard(design: design, language: context.language).markdown)
            case .cancelled:
                wizard = nil
                context.out(es ? "Diseño cancelado.\n" : "Design cancelled.\n")
            }
            return .continue
        }
        guard !line.isEmpty else { return .continue }
        let words = line.split(separator: " ").map(String.init)
        let command = words[0].lowercased()
        let rest = Array(words.dropFirst())
        switch command {
        case "quit", "exit", "salir":
            return .quit
        case "help", "ayuda", "?":
            printer.print(helpText)
        case "design", "diseñar", "disenar":
            startWizard()
        case "explain", "explicar":
            explain(rest.joined(separator: " "))
        case "topics", "temas":
            runCommand(["topics"] + rest)
        case "search", "buscar":
            runCommand(["search"] + rest)
        case "checklist":
            checklist()
        case "card", "ficha":
            if let design {
                printer.print(DesignCard(design: design, language: context.language).markdown)
            } else {
                noDesign()
            }
        case "save", "guardar":
            save(rest.first)
        case "load", "cargar":
            load(rest.first)
        case "scaffold":
            scaffold(rest)
        default:
            route(line)
        }
        return .continue
    }

    private func startWizard() {
        let wizard = Wizard(language: context.language)
        self.wizard = wizard
        printer.print(wizard.screen)
    }

    private func explain(_ topic: String) {
        guard !topic.isEmpty else {
            context.err(es ? "Uso: explain <tema>\n" : "Usage: explain <topic>\n")
            return
        }
        runCommand(["explain", topic, "--no-pager"])
    }

    /// Runs an ipm command inside the session, reporting errors without leaving.
    private func runCommand(_ arguments: [String]) {
        let withLanguage = arguments + ["--lang", context.language.rawValue] + (context.noColor ? ["--no-color"] : [])
        _ = Application.dispatch(arguments: withLanguage, context: context)
    }

    private func checklist() {
        guard let design else {
            runCommand(["checklist"])
            return
        }
        let card = DesignCard(design: design, language: context.language)
        printer.print(
            "# \(es ? "Checklist del diseño" : "Checklist for design") `\(design.id)`\n"
                + card.checklistMarkdown(headingLevel: 2))
    }

    private func save(_ path: String?) {
        guard let design else { return noDesign() }
        guard let path else {
            context.err(es ? "Uso: save FICHERO\n" : "Usage: save FILE\n")
            return
        }
        do {
            try FileOutput.writeAtomically(try DesignFile(answers: design.answers).encoded(), to: path)
            context.out((es ? "Guardado en " : "Saved to ") + path + "\n")
        } catch {
            context.err("Error: \(error)\n")
        }
    }

    private func load(_ path: String?) {
        guard let path else {
            context.err(es ? "Uso: load FICHERO\n" : "Usage: load FILE\n")
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            context.err("Error: cannot read '\(path)'\n")
            return
        }
        do {
            let design = DesignEngine.design(for: try DesignFile.decode(data).answers)
            self.design = design
            printer.print(DesignCard(design: design, language: context.language).markdown)
        } catch {
            context.err("Error: \(path): \(error)\n")
        }
    }

    private func scaffold(_ arguments: [String]) {
        guard let design else { return noDesign() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-design-\(design.id).json")
        do {
            try FileOutput.writeAtomically(try DesignFile(answers: design.answers).encoded(), to: file.path)
            runCommand(["scaffold", "--design", file.path] + arguments)
        } catch {
            context.err("Error: \(error)\n")
        }
    }

    private func noDesign() {
        context.err(
            es
                ? "Todavía no hay diseño: escribe `design` o `load FICHERO`.\n"
                : "No design yet: type `design` or `load FILE`.\n")
    }

    /// A phrase of the seed's routing table, or a suggestion, or an unknown command.
    private func route(_ line: String) {
        switch IntentRouter.route(line) {
        case .intent(let intent):
            act(on: intent)
        case .suggestion(let phrase, _):
            context.err(
                (es ? "¿Quisiste decir «\(phrase)»? " : "Did you mean \"\(phrase)\"? ")
                    + (es ? "Escríbelo tal cual para hacerlo.\n" : "Type it as shown to do it.\n"))
        case .none:
            var message = es ? "No conozco «\(line)»." : "Unknown command '\(line)'."
            if let best = EditDistance.suggestions(
                for: line.split(separator: " ").first.map(String.init) ?? line, among: Self.commands
            ).first {
                message += es ? " ¿Quisiste decir `\(best)`?" : " Did you mean `\(best)`?"
            }
            context.err(message + (es ? " Escribe `help`.\n" : " Type `help`.\n"))
        }
    }

    private func act(on intent: Intent) {
        if intent == .designIntegration { return startWizard() }
        if let topic = intent.topic { return explain(topic) }
        // Explain my integration: the stories, to reuse when telling your own.
        var text =
            es
            ? "Dos historias para contar la tuya; cada una termina con un guion reutilizable.\n\n"
            : "Two stories to model yours on; each ends with an outline to reuse.\n\n"
        for page in context.catalog.pages(language: context.language, kind: .story) {
            text += "- **\(page.title)** — \(page.summary) `ipm explain \(page.id)`\n"
        }
        text +=
            es
            ? "\nTus propias historias van en `$IPM_CONTENT_DIR/es/` con el mismo formato.\n"
            : "\nYour own stories go in `$IPM_CONTENT_DIR/en/` in the same format.\n"
        printer.print(text)
    }

    private var helpText: String {
        let phrases = IntentRouter.phrases.map { "«\($0.phrase)»" }.joined(separator: ", ")
        return es
            ? """
            **Comandos**: `design` (asistente paso a paso), `explain <tema>`, `topics`, `search <palabras>`, `checklist`, `card`, `save FICHERO`, `load FICHERO`, `scaffold`, `help`, `quit`.

            En el asistente: Intro acepta el valor por defecto, `back` vuelve, `status` muestra lo elegido, `?` explica las opciones.

            **Frases**: \(phrases).

            """
            : """
            **Commands**: `design` (step-by-step wizard), `explain <topic>`, `topics`, `search <words>`, `checklist`, `card`, `save FILE`, `load FILE`, `scaffold`, `help`, `quit`.

            In the wizard: Enter takes the default, `back` goes back, `status` shows your answers, `?` explains the options.

            **Phrases**: \(phrases).

            """
    }

    /// Tab completion: commands, topic ids after `explain`, the current question's choices in the wizard.
    func completions(_ before: String) -> [String] {
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        if let wizard, case .asking(let question) = wizard.phase {
            return QuestionCatalog.question(question).choices.map(\.id).filter { $0.hasPrefix(current) }
        }
        if words.count <= 1 { return Self.commands.filter { $0.hasPrefix(current) } }
        if ["explain", "explicar"].contains(words[0]) { return context.catalog.ids.filter { $0.hasPrefix(current) } }
        return []
    }
}
