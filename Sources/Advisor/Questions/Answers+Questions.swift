extension Answers {
    /// The answer to `question` as choice ids, or `nil` when it is missing.
    public func choices(for question: Question.ID) -> [String]? {
        switch question {
        case .kind: return kind.map { [$0.rawValue] }
        case .guarantee: return guarantee.map { [$0.rawValue] }
        case .errors: return errors.map { $0.map(\.rawValue) }
        case .provider: return provider.map { [$0.rawValue] }
        case .ordering: return ordering.map { [$0 ? "yes" : "no"] }
        case .volume: return volume.map { [$0.rawValue] }
        case .naturallyIdempotent: return naturallyIdempotent.map { [$0 ? "yes" : "no"] }
        case .canRefetch: return canRefetch.map { [$0 ? "yes" : "no"] }
        }
    }

    /// Sets (or with `nil`, clears) the answer to `question` from choice ids.
    public mutating func set(_ question: Question.ID, _ ids: [String]?) {
        switch question {
        case .kind: kind = ids?.first.flatMap(IntegrationKind.init(rawValue:))
        case .guarantee: guarantee = ids?.first.flatMap(DeliveryGuarantee.init(rawValue:))
        case .errors: errors = ids.map { $0.compactMap(ErrorKind.init(rawValue:)).sorted() }
        case .provider: provider = ids?.first.flatMap(Provider.init(rawValue:))
        case .ordering: ordering = ids?.first.map { $0 == "yes" }
        case .volume: volume = ids?.first.flatMap(Volume.init(rawValue:))
        case .naturallyIdempotent: naturallyIdempotent = ids?.first.map { $0 == "yes" }
        case .canRefetch: canRefetch = ids?.first.map { $0 == "yes" }
        }
    }

    /// Whether `question` is worth asking given the answers so far (follow-ups only where they matter).
    public func applies(_ question: Question.ID) -> Bool {
        let feed = provider.map { ProviderProfile.of($0).isICalFeed } ?? false
        switch question {
        case .kind, .guarantee, .errors, .provider, .volume: return true
        case .ordering: return !feed
        case .naturallyIdempotent: return guarantee != .atMostOnce
        case .canRefetch: return kind != .pull && !feed
        }
    }

    /// The default answer to `question` given the answers so far.
    public func defaultChoices(for question: Question.ID) -> [String] {
        switch question {
        case .kind: return [provider.flatMap { ProviderProfile.of($0).usual }?.rawValue ?? "push"]
        case .guarantee: return ["at-least-once"]
        case .errors: return ["transient", "permanent"]
        case .provider: return ["generic-http"]
        case .ordering: return ["no"]
        case .volume: return ["low"]
        case .naturallyIdempotent: return ["no"]
        case .canRefetch: return [provider.map { [.stripe, .github, .shopify].contains($0) } == true ? "yes" : "no"]
        }
    }

    /// The four answers that are never defaulted without asking, when missing.
    public var missingRequired: [Question.ID] {
        Question.ID.allCases.filter { QuestionCatalog.question($0).isRequired && choices(for: $0) == nil }
    }

    /// These answers with every applicable missing follow-up set to its default; returns which were assumed.
    public func completed() -> (answers: Answers, assumed: [Question.ID]) {
        var answers = self
        var assumed: [Question.ID] = []
        for question in Question.ID.allCases where answers.choices(for: question) == nil && answers.applies(question) {
            answers.set(question, answers.defaultChoices(for: question))
            assumed.append(question)
        }
        return (answers, assumed)
    }
}
