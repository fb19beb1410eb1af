/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), for "Did you mean …?".
public enum EditDistance {
    /// The distance between `a` and `b`, or `nil` once it is certain to exceed `limit`.
    public static func between(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a)
        let b = Array(b)
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The candidates closest to `word` (at most `limit` edits away, by default a third of its length but
    /// at least 2), best first; a candidate that starts with `word` also counts.
    public static func suggestions(for word: String, among candidates: [String], limit: Int? = nil) -> [String] {
        let limit = limit ?? max(2, word.count / 3)
        var scored: [(String, Int)] = []
        for candidate in candidates {
            if let distance = between(word.lowercased(), candidate.lowercased(), limit: limit) {
                scored.append((candidate, distance))
            } else if word.count >= 3, candidate.lowercased().hasPrefix(word.lowercased()) {
                scored.append((candidate, limit + 1))
            }
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }
}
