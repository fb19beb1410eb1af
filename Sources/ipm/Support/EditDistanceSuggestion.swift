internal import Knowledge

/// The closest known word to a mistyped one, for "Did you mean …?".
enum EditDistanceSuggestion {
    static func best(for word: String, among candidates: [String]) -> String? {
        EditDistance.suggestions(for: word, among: candidates).first
    }
}
