public import Knowledge

/// The design card: a design as Markdown (for the terminal, a design doc or a pull request) or as JSON.
public struct DesignCard: Sendable {
    /// The design shown.
    public var design: Design
    /// The language of the texts.
    public var language: Language

    /// Creates a card.
    public init(design: Design, language: Language) {
        self.design = design
        self.language = language
    }

    private func name(_ question: Question.ID, _ id: String) -> String {
        QuestionCatalog.question(question).choice(id: id)?.name(language) ?? id
    }

    /// The card as Markdown.
    public var markdown: String {
        let answers = design.answers
        let es = language == .spanish
        let kind = name(.kind, answers.kind?.rawValue ?? "push")
        let guarantee = name(.guarantee, answers.guarantee?.rawValue ?? "at-least-once")
        let provider = name(.provider, answers.provider?.rawValue ?? "generic-http")
        let errors = (answers.errors ?? []).map { name(.errors, $0.rawValue) }.joined(separator: ", ")
        var text = "# \(es ? "Ficha de diseño" : "Design card"): \(provider) · \(kind) · \(guarantee)\n\n"
        text +=
            "\(es ? "Diseño" : "Design") `\(design.id)`. \(es ? "Errores contemplados" : "Errors planned for"): \(errors.isEmpty ? "—" : errors).\n"
        var followUps: [String] = []
        for question in [Question.ID.ordering, .volume, .naturallyIdempotent, .canRefetch] {
            guard let value = answers.choices(for: question)?.first, answers.applies(question) else { continue }
            var item = "\(QuestionCatalog.question(question).title(language)): \(name(question, value))"
            if design.assumed.contains(question) { item += es ? " (supuesto)" : " (assumed)" }
            followUps.append(item)
        }
        if !followUps.isEmpty { text += followUps.joined(separator: "; ") + ".\n" }
        if let seconds = design.deduplicationSeconds {
            let hours = seconds / 3600
            text +=
                es
                ? "Ventana de deduplicación: \(hours) h (el horizonte de reintentos del proveedor).\n"
                : "Deduplication window: \(hours) h (the provider's retry horizon).\n"
        }
        if !design.warnings.isEmpty {
            text += "\n## \(es ? "Avisos" : "Warnings")\n\n"
            for warning in design.warnings {
                text += "> **\(es ? "Aviso" : "Warning"):** \(warning.text(language))\n>\n"
            }
            text.removeLast(2)
        }
        text += "\n## \(es ? "Componentes" : "Components")\n\n"
        for (index, component) in design.components.enumerated() {
            text += "\(index + 1). **\(component.id.rawValue)** — \(component.why(language)) "
            text +=
                "*\(es ? "En ipm" : "In ipm"):* `\(component.implementation)`; *\(es ? "lee" : "read")* `ipm explain \(component.topic)`.\n"
        }
        let quirks = ProviderProfile.of(answers.provider ?? .genericHTTP).quirks
        if !quirks.isEmpty {
            text +=
                "\n## \(es ? "Lo que conviene saber de" : "What to know about") \(ProviderProfile.of(answers.provider ?? .genericHTTP).name)\n\n"
            for quirk in quirks { text += "- \(quirk(language))\n" }
        }
        text += "\n## \(es ? "Checklist para este diseño" : "Checklist for this design")\n"
        text += checklistMarkdown(headingLevel: 3)
        text += "\n## \(es ? "Siguientes pasos" : "Next steps")\n\n"
        for step in nextSteps { text += "- `\(step)`\n" }
        return text
    }

    /// The checklist as Markdown: per group, the items to do as a task list, then those that do not apply.
    public func checklistMarkdown(headingLevel: Int) -> String {
        let es = language == .spanish
        let hashes = String(repeating: "#", count: headingLevel)
        var text = ""
        for group in ChecklistEntry.Group.allCases {
            text += "\n\(hashes) \(group.title(language))\n\n"
            let entries = design.checklist.filter { $0.group == group }
            for entry in entries where entry.applies {
                text += "- [ ] \(entry.item(language)) — \(entry.reason(language))\n"
            }
            let skipped = entries.filter { !$0.applies }
            if !skipped.isEmpty {
                text += "\n*\(es ? "No aplica aquí" : "Does not apply here"):*\n\n"
                for entry in skipped { text += "- \(entry.item(language)) — \(entry.reason(language))\n" }
            }
        }
        return text
    }

    /// The commands worth running next for this design.
    public var nextSteps: [String] {
        var steps = ["ipm design \(flags) --save design.json", "ipm scaffold --design design.json"]
        let answers = design.answers
        if answers.kind != .pull, let scheme = ProviderProfile.of(answers.provider ?? .other).signatureScheme {
            steps.append(
                "ipm webhook sign --scheme \(scheme) --secret-env WEBHOOK_SECRET --body-file event.json --format curl")
        }
        if ProviderProfile.of(answers.provider ?? .other).isICalFeed {
            steps.append("ipm ical parse feed.ics")
        }
        if answers.kind != .pull {
            steps.append(
                "ipm simulate webhook --events 1000 --guarantee \(answers.guarantee?.rawValue ?? "at-least-once")")
        }
        if (answers.errors ?? []).contains(.transient) { steps.append("ipm simulate backoff") }
        if answers.provider == .stripe { steps.append("ipm explain stripe-integration") }
        return steps
    }

    /// The flags of `ipm design` that reproduce this design.
    public var flags: String {
        var parts: [String] = []
        for question in Question.ID.allCases {
            guard let value = design.answers.choices(for: question), design.answers.applies(question),
                !design.assumed.contains(question)
            else { continue }
            parts.append("\(QuestionCatalog.question(question).flag) \(value.joined(separator: ","))")
        }
        return parts.joined(separator: " ")
    }

    /// The card as a value for JSON: stable keys, texts in the card's language.
    public var json: JSONCard {
        let answers = design.answers
        return JSONCard(
            id: design.id, kind: answers.kind?.rawValue ?? "", guarantee: answers.guarantee?.rawValue ?? "",
            errors: (answers.errors ?? []).map(\.rawValue), provider: answers.provider?.rawValue ?? "",
            followUps: JSONCard.FollowUps(
                ordering: answers.ordering, volume: answers.volume?.rawValue,
                naturallyIdempotent: answers.naturallyIdempotent, canRefetch: answers.canRefetch),
            assumed: design.assumed.map(\.rawValue),
            deduplicationSeconds: design.deduplicationSeconds,
            components: design.components.map {
                JSONCard.ComponentEntry(
                    id: $0.id.rawValue, why: $0.why(language), implementation: $0.implementation, topic: $0.topic)
            },
            checklist: design.checklist.map {
                JSONCard.ChecklistItem(
                    group: $0.group.rawValue, item: $0.item(language), applies: $0.applies, reason: $0.reason(language))
            },
            warnings: design.warnings.map { $0.text(language) })
    }

    /// The JSON shape of a card: `{"kind", "guarantee", "errors", "provider", "components": [{"id", "why",
    /// "implementation", "topic"}], "checklist": [{"group", "item", "applies", "reason"}], "warnings"}`,
    /// plus the design's `id`, `follow_ups`, `assumed` and `deduplication_seconds`.
    public struct JSONCard: Sendable, Codable, Hashable {
        public struct FollowUps: Sendable, Codable, Hashable {
            public var ordering: Bool?
            public var volume: String?
            public var naturallyIdempotent: Bool?
            public var canRefetch: Bool?
            enum CodingKeys: String, CodingKey {
                case ordering, volume
                case naturallyIdempotent = "naturally_idempotent"
                case canRefetch = "can_refetch"
            }
        }
        public struct ComponentEntry: Sendable, Codable, Hashable {
            public var id: String
            public var why: String
            public var implementation: String
            public var topic: String
        }
        public struct ChecklistItem: Sendable, Codable, Hashable {
            public var group: String
            public var item: String
            public var applies: Bool
            public var reason: String
        }
        public var id: String
        public var kind: String
        public var guarantee: String
        public var errors: [String]
        public var provider: String
        public var followUps: FollowUps
        public var assumed: [String]
        public var deduplicationSeconds: Int?
        public var components: [ComponentEntry]
        public var checklist: [ChecklistItem]
        public var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case id, kind, guarantee, errors, provider, assumed, components, checklist, warnings
            case followUps = "follow_ups"
            case deduplicationSeconds = "deduplication_seconds"
        }
    }
}
