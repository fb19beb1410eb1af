public import Foundation

extension ConflictResolver {
    /// The reason word dead letters of unresolved conflicts carry.
    public static let deadLetterReason = "unresolved_conflict"

    /// The dead letter for an unresolved conflict: source `ical:<unit>`, the conflict's ``Conflict/id`` as
    /// key, and the conflict as JSON (both claims in full, for the person who has to call a guest).
    public static func deadLetter(for resolution: ConflictResolution, unit: String, at now: Date) throws -> DeadLetter {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let payload = try encoder.encode(resolution.conflict)
        return DeadLetter(
            source: "ical:\(unit)", key: resolution.conflict.id, payload: Array(payload),
            headers: ["Content-Type": "application/json"], reason: deadLetterReason, error: resolution.reason,
            attempts: 1, firstFailedAt: now)
    }

    /// Parks every unresolved conflict in `queue`, once: a conflict already parked under the same key (from
    /// an earlier sync) is not parked again. Returns how many were parked now.
    @discardableResult
    public func deadLetter(
        _ resolutions: [ConflictResolution], unit: String, to queue: some DeadLetterQueue, at now: Date
    ) async throws -> Int {
        let unresolved = resolutions.filter { !$0.isResolved }
        guard !unresolved.isEmpty else { return 0 }
        let source = "ical:\(unit)"
        let parked = Set(try await queue.list(source: source, limit: Int(Int32.max)).compactMap(\.key))
        var count = 0
        for resolution in unresolved where !parked.contains(resolution.conflict.id) {
            try await queue.enqueue(Self.deadLetter(for: resolution, unit: unit, at: now))
            count += 1
        }
        return count
    }
}
