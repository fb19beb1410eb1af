/// Where the sync keeps, per unit and feed, the blocks it has seen, the validators of the last applied
/// response, and a history of every cycle.
///
/// ``SQLiteSyncStateStore`` is the durable implementation, ``InMemorySyncStateStore`` serves tests and
/// throwaway runs; a PostgreSQL one could let several processes share the state. A commit writes the
/// reconciled state, the checkpoint and the history line in one transaction, so the validators can
/// never run ahead of the data they describe.
public protocol SyncStateStore: Sendable {
    /// The checkpoint of a feed, or `nil` if it was never applied.
    func checkpoint(for feed: FeedKey) async throws -> FeedCheckpoint?

    /// The reconciliation state of a feed (``FeedState/empty`` if never applied).
    func state(for feed: FeedKey) async throws -> FeedState

    /// Writes a cycle's state, checkpoint and history line atomically.
    func commit(_ commit: SyncCommit) async throws

    /// Appends a history line for a cycle that changed no state (304, unchanged body, failure).
    func record(_ record: FetchRecord, for feed: FeedKey) async throws

    /// The latest history lines of a feed, newest first.
    func history(for feed: FeedKey, limit: Int) async throws -> [FetchRecord]

    /// The feeds known for a unit, by name.
    func feeds(unit: String) async throws -> [FeedKey]

    /// Every block of the unit that claims nights (active or missing), from every feed: the input of
    /// conflict detection.
    func claims(unit: String) async throws -> [AvailabilityBlock]

    /// The unit's own blocks (source ``FeedSource/direct``): those that claim nights, and the cancelled
    /// ones still kept as tombstones. What ``ICalExporter`` publishes.
    func ownBlocks(unit: String) async throws -> (active: [AvailabilityBlock], cancelled: [AvailabilityBlock])
}
