/// The outcome of looking a phrase up in the catalog.
public enum Resolution: Sendable, Equatable {
    /// The phrase names this page id (by id, alias or title, in either language).
    case found(id: String)
    /// Nothing matched; these ids are close enough to suggest, best first (never run on their own).
    case notFound(suggestions: [String])
}
