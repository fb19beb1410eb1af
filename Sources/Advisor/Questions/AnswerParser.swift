internal import Knowledge

/// Reads a typed answer: a choice's number, id, name or alias, in either language, without regard to
/// case or accents; several comma-separated where the question allows it.
public enum AnswerParser {
    /// The choice ids `text` selects, in the question's order, or an error with suggestions.
    public static func parse(_ text: String, for question: Question) -> Result<[String], AnswerError> {
        let parts =
            question.allowsMultiple
            ? text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "+" }).map(String.init)
            : [text]
        var selected: [String] = []
        for part in parts {
            let folded = part.foldedForMatching
            guard !folded.isEmpty else { continue }
            guard let choice = match(folded, in: question) else {
                let candidates = question.choices.map(\.id)
                return .failure(
                    AnswerError(
                        question: question.id, input: part.trimmingCharacters(),
                        suggestions: Array(EditDistance.suggestions(for: folded, among: candidates).prefix(2))))
            }
            if !selected.contains(choice) { selected.append(choice) }
        }
        guard !selected.isEmpty else {
            return .failure(AnswerError(question: question.id, input: text, suggestions: []))
        }
        let order = question.choices.map(\.id)
        return .success(selected.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
    }

    private static func match(_ folded: String, in question: Question) -> String? {
        if let number = Int(folded), number >= 1, number <= question.choices.count {
            return question.choices[number - 1].id
        }
        for choice in question.choices {
            let phrases = [choice.id, choice.name.en, choice.name.es] + choice.aliases
            if phrases.contains(where: { $0.foldedForMatching == folded }) { return choice.id }
        }
        // A name's first word is enough when it is unambiguous ("push", "transitorios").
        let byFirstWord = question.choices.filter { choice in
            [choice.name.en, choice.name.es].contains {
                $0.foldedForMatching.split(separator: " ").first.map(String.init) == folded
            }
        }
        return byFirstWord.count == 1 ? byFirstWord[0].id : nil
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
