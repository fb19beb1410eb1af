/// What a content page is.
public enum PageKind: String, Sendable, CaseIterable, Codable {
    /// A reference topic: the problem, the patterns, trade-offs, pitfalls, a worked example.
    case topic
    /// One pattern in depth, with the library type that implements it.
    case pattern
    /// An experience story told so that a reader can reuse it.
    case story
    /// A checklist to review a design against.
    case checklist
}
