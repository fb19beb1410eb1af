/// The outcome of the decision framework: the answers, the components they call for and why, the
/// checklist judged for them, and the contradictions found.
public struct Design: Sendable, Hashable {
    /// The answers, follow-ups completed with their defaults.
    public var answers: Answers
    /// Follow-ups that were not answered and took their default.
    public var assumed: [Question.ID]
    /// The components, in the order a request meets them.
    public var components: [Component]
    /// The checklist, every item judged.
    public var checklist: [ChecklistEntry]
    /// Contradictions and risks.
    public var warnings: [DesignWarning]
    /// How long deduplication records must be kept, in seconds, when the provider's retry horizon is known.
    public var deduplicationSeconds: Int?

    /// A short stable identifier of the design, derived from its answers (`push-stripe-alo-1a2b3c`).
    public var id: String {
        let kind = answers.kind?.rawValue ?? "unknown"
        let provider = answers.provider?.rawValue ?? "unknown"
        let guarantee: String
        switch answers.guarantee {
        case .atLeastOnce: guarantee = "alo"
        case .atMostOnce: guarantee = "amo"
        case .exactlyOnce: guarantee = "eo"
        case nil: guarantee = "unknown"
        }
        var hash: UInt32 = 2_166_136_261  // FNV-1a over the answers' choice ids, stable across runs
        for question in Question.ID.allCases {
            for byte in "\(question.rawValue)=\(answers.choices(for: question)?.joined(separator: ",") ?? "");".utf8 {
                hash = (hash ^ UInt32(byte)) &* 16_777_619
            }
        }
        return "\(kind)-\(provider)-\(guarantee)-" + String(hash & 0xFFFFFF, radix: 16)
    }

    /// The component with this id, if the design has it.
    public func component(_ id: ComponentID) -> Component? { components.first { $0.id == id } }

    /// Whether the design has the component.
    public func has(_ id: ComponentID) -> Bool { component(id) != nil }
}
