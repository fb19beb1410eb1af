/// One possible answer to a question.
public struct Choice: Sendable, Hashable {
    /// The stable id, as written in flags and saved designs (`push`, `at-least-once`, `stripe`, `yes`).
    public var id: String
    /// The short name in both languages.
    public var name: Text
    /// One line on what choosing it means.
    public var summary: Text
    /// Other words that select it, in either language.
    public var aliases: [String]

    /// Creates a choice.
    public init(id: String, name: Text, summary: Text, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.summary = summary
        self.aliases = aliases
    }
}
