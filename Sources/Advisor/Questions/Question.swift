/// One question of the decision framework: what it asks, why it matters, its choices and default.
public struct Question: Sendable, Hashable {
    /// The questions, in the order they are asked.
    public enum ID: String, Sendable, Hashable, Codable, CaseIterable {
        case kind
        case guarantee
        case errors
        case provider
        case ordering
        case volume
        case naturallyIdempotent = "naturally-idempotent"
        case canRefetch = "can-refetch"
    }

    /// Which question this is.
    public var id: ID
    /// The flag of `ipm design` that answers it (`--kind`).
    public var flag: String
    /// The short title ("Kind of integration").
    public var title: Text
    /// The question itself.
    public var prompt: Text
    /// Why it matters and what each answer brings (shown by `?`).
    public var explanation: Text
    /// The possible answers.
    public var choices: [Choice]
    /// Whether several choices may be given (comma-separated).
    public var allowsMultiple: Bool
    /// Whether it must always be answered (never silently defaulted without a terminal).
    public var isRequired: Bool
    /// The content page that explains it.
    public var topic: String

    /// The choice with this id.
    public func choice(id: String) -> Choice? { choices.first { $0.id == id } }
}
