extension DeadLetterQueue {
    /// Writes the parked messages as JSON lines (``DeadLetter/jsonLine()``), oldest first, one call of
    /// `write` per line without the newline; returns how many. Export before any purge.
    @discardableResult
    public func exportJSONLines(source: String? = nil, limit: Int = Int.max, _ write: (String) throws -> Void)
        async throws -> Int
    {
        let letters = try await list(source: source, limit: limit)
        for letter in letters { try write(try letter.jsonLine()) }
        return letters.count
    }
}
