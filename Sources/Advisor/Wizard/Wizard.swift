public import Knowledge

/// The guided design: asks the applicable questions one by one ("step 2 of 5"), with defaults, `back`,
/// `status`, `?` to explain the options, and a review before the design is made.
///
/// A pure state machine: `handle` takes a typed line and says what to show next. The REPL and
/// `ipm design` on a terminal drive it; tests drive it directly.
public struct Wizard: Sendable {
    /// Where the wizard is.
    public enum Phase: Sendable, Equatable {
        case asking(Question.ID)
        case reviewing
        case finished
        case cancelled
    }

    /// What to do after an input.
    public enum Response: Sendable, Equatable {
        /// Show this screen (Markdown) and read the next answer.
        case screen(String)
        /// Show this note (Markdown), then the same screen again.
        case note(String, screen: String)
        /// The design is made.
        case finished(Design)
        /// The user left the wizard.
        case cancelled
    }

    /// The answers so far.
    public private(set) var answers: Answers
    /// Where the wizard is.
    public private(set) var phase: Phase
    /// The language of the screens.
    public let language: Language
    private var history: [Question.ID] = []
    private let askOnlyMissing: Bool

    /// Starts a wizard; with `askOnlyMissing`, questions already answered in `answers` are skipped.
    public init(answers: Answers = Answers(), language: Language, askOnlyMissing: Bool = false) {
        self.answers = answers
        self.language = language
        self.askOnlyMissing = askOnlyMissing
        self.phase = .reviewing
        self.phase = nextPhase(after: nil)
    }

    private var es: Bool { language == .spanish }

    /// The questions this run asks, in order, given the answers so far.
    public var plan: [Question.ID] {
        Question.ID.allCases.filter { question in
            planningAnswers.applies(question) && (!askOnlyMissing || history.contains(question) || isOpen(question))
        }
    }

    /// Answers with defaults filled in, to decide which follow-ups apply before they are reached.
    private var planningAnswers: Answers {
        var planning = answers
        for question in Question.ID.allCases where planning.choices(for: question) == nil {
            planning.set(question, planning.defaultChoices(for: question))
        }
        return planning
    }

    private func isOpen(_ question: Question.ID) -> Bool { answers.choices(for: question) == nil }

    /// The screen for the current phase.
    public var screen: String {
        switch phase {
        case .asking(let question): return questionScreen(question)
        case .reviewing: return reviewScreen
        case .finished, .cancelled: return ""
        }
    }

    /// Handles one typed line.
    public mutating func handle(_ input: String) -> Response {
        let trimmed = input.trimmingSpaces
        let command = trimmed.foldedForMatching
        switch command {
        case "quit", "exit", "cancel", "salir", "cancelar":
            phase = .cancelled
            return .cancelled
        case "back", "atras", "volver":
            return goBack()
        case "status", "estado":
            return .note(statusText, screen: screen)
        case _ where trimmed == "?" || command == "help" || command == "ayuda":
            if case .asking(let question) = phase {
                return .note(explanation(question), screen: screen)
            }
            return .note(
                es
                    ? "Escribe `sí` para crear el diseño, o el número de un paso para cambiarlo."
                    : "Type `yes` to create the design, or a step number to change it.", screen: screen)
        default:
            break
        }
        switch phase {
        case .asking(let question):
            return answer(question, trimmed)
        case .reviewing:
            return review(trimmed)
        case .finished, .cancelled:
            return .cancelled
        }
    }

    private mutating func answer(_ id: Question.ID, _ input: String) -> Response {
        let question = QuestionCatalog.question(id)
        let ids: [String]
        if input.isEmpty {
            ids = answers.choices(for: id) ?? answers.defaultChoices(for: id)
        } else {
            switch AnswerParser.parse(input, for: question) {
            case .success(let parsed):
                ids = parsed
            case .failure(let error):
                var text =
                    es ? "«\(error.input)» no es una respuesta válida." : "'\(error.input)' is not one of the answers."
                if !error.suggestions.isEmpty {
                    let names = error.suggestions.map { "`\($0)`" }.joined(separator: es ? " o " : " or ")
                    text += es ? " ¿Quisiste decir \(names)?" : " Did you mean \(names)?"
                }
                return .note(text, screen: screen)
            }
        }
        answers.set(id, ids)
        if !history.contains(id) { history.append(id) }
        phase = nextPhase(after: id)
        return .screen(screen)
    }

    private mutating func review(_ input: String) -> Response {
        let folded = input.foldedForMatching
        if ["", "yes", "y", "si", "s", "ok", "create", "crear"].contains(folded) {
            phase = .finished
            return .finished(DesignEngine.design(for: answers))
        }
        if let number = Int(folded), number >= 1, number <= reviewed.count {
            phase = .asking(reviewed[number - 1])
            return .screen(screen)
        }
        return .note(
            es
                ? "Escribe `sí` para crear el diseño, el número de un paso para cambiarlo, o `back`."
                : "Type `yes` to create the design, a step number to change it, or `back`.", screen: screen)
    }

    private mutating func goBack() -> Response {
        switch phase {
        case .asking(let question):
            let plan = self.plan
            guard let index = plan.firstIndex(of: question), index > 0 else {
                return .note(es ? "Este es el primer paso." : "This is the first step.", screen: screen)
            }
            phase = .asking(plan[index - 1])
        case .reviewing:
            guard let last = plan.last else { return .screen(screen) }
            phase = .asking(last)
        case .finished, .cancelled:
            break
        }
        return .screen(screen)
    }

    /// The first open question of the plan after `previous` (or the review).
    private func nextPhase(after previous: Question.ID?) -> Phase {
        let plan = self.plan
        var candidates = plan
        if let previous, let index = plan.firstIndex(of: previous) {
            candidates = Array(plan[(index + 1)...])
        }
        if let next = candidates.first(where: { isOpen($0) || (!askOnlyMissing && !history.contains($0)) }) {
            return .asking(next)
        }
        // Every question after this one is answered: questions earlier may still be open.
        if let open = plan.first(where: isOpen) { return .asking(open) }
        return .reviewing
    }

    private func questionScreen(_ id: Question.ID) -> String {
        let question = QuestionCatalog.question(id)
        let plan = self.plan
        let position = (plan.firstIndex(of: id) ?? 0) + 1
        var text =
            "**\(es ? "Paso" : "Step") \(position) \(es ? "de" : "of") \(plan.count) — \(question.title(language))**\n\n"
        text += question.prompt(language) + "\n\n"
        let current = answers.choices(for: id) ?? answers.defaultChoices(for: id)
        for (index, choice) in question.choices.enumerated() {
            text += "\(index + 1). **\(choice.name(language))** (`\(choice.id)`) — \(choice.summary(language))\n"
        }
        let defaults = current.compactMap { id in question.choices.firstIndex { $0.id == id }.map { String($0 + 1) } }
        text +=
            "\n"
            + (es
                ? "Responde con un número, un id o un nombre [\(defaults.joined(separator: ","))]. `?` explica las opciones; `back` vuelve; `status` muestra lo elegido."
                : "Answer with a number, an id or a name [\(defaults.joined(separator: ","))]. `?` explains the options; `back` goes back; `status` shows what you chose.")
        if question.allowsMultiple { text += es ? " Varias, separadas por comas." : " Several, comma-separated." }
        return text + "\n"
    }

    /// Every applicable question, asked or given, as listed (and numbered) on the review.
    private var reviewed: [Question.ID] { Question.ID.allCases.filter { planningAnswers.applies($0) } }

    private var reviewScreen: String {
        var text = "**\(es ? "Revisión" : "Review")**\n\n"
        for (index, id) in reviewed.enumerated() {
            let question = QuestionCatalog.question(id)
            let value = (answers.choices(for: id) ?? []).compactMap { question.choice(id: $0)?.name(language) }.joined(
                separator: ", ")
            text += "\(index + 1). \(question.title(language)): **\(value)**\n"
        }
        text +=
            "\n"
            + (es
                ? "Escribe `sí` (o Intro) para crear el diseño, el número de un paso para cambiarlo, o `back`."
                : "Type `yes` (or Enter) to create the design, a step number to change it, or `back`.")
        return text + "\n"
    }

    private var statusText: String {
        var lines: [String] = []
        for id in Question.ID.allCases where answers.applies(id) {
            let question = QuestionCatalog.question(id)
            let value = (answers.choices(for: id) ?? []).compactMap { question.choice(id: $0)?.name(language) }
            lines.append(
                "- \(question.title(language)): \(value.isEmpty ? (es ? "(sin responder)" : "(not answered)") : value.joined(separator: ", "))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func explanation(_ id: Question.ID) -> String {
        let question = QuestionCatalog.question(id)
        return question.explanation(language) + "\n\n" + (es ? "Más en" : "More in")
            + " `ipm explain \(question.topic)`.\n"
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
