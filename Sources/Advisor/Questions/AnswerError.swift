/// A typed answer that matches no choice.
public struct AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The question.
    public var question: Question.ID
    /// What was typed.
    public var input: String
    /// Choice ids close to what was typed (suggested, never chosen).
    public var suggestions: [String]

    public var description: String {
        var text = "'\(input)' is not an answer to \(question.rawValue)"
        if !suggestions.isEmpty { text += "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?" }
        return text
    }
}
