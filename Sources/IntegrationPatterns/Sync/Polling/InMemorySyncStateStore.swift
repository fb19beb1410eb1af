/// A ``SyncStateStore`` in memory, for tests and runs that need no durability.
public actor InMemorySyncStateStore: SyncStateStore {
    private var checkpoints: [FeedKey: FeedCheckpoint] = [:]
    private var states: [FeedKey: FeedState] = [:]
    private var histories: [FeedKey: [FetchRecord]] = [:]
    private var sources: [FeedKey: FeedSource] = [:]

    /// Creates an empty store.
    public init() {}

    public func checkpoint(for feed: FeedKey) -> FeedCheckpoint? { checkpoints[feed] }

    public func state(for feed: FeedKey) -> FeedState { states[feed] ?? .empty }

    public func commit(_ commit: SyncCommit) {
        states[commit.feed] = commit.state
        sources[commit.feed] = commit.source
        if let checkpoint = commit.checkpoint { checkpoints[commit.feed] = checkpoint }
        histories[commit.feed, default: []].append(commit.record)
    }

    public func record(_ record: FetchRecord, for feed: FeedKey) { histories[feed, default: []].append(record) }

    public func history(for feed: FeedKey, limit: Int) -> [FetchRecord] {
        Array((histories[feed] ?? []).reversed().prefix(max(0, limit)))
    }

    public func feeds(unit: String) -> [FeedKey] {
        Set(states.keys).union(histories.keys).filter { $0.unit == unit }.sorted()
    }

    public func claims(unit: String) -> [AvailabilityBlock] {
        states.filter { $0.key.unit == unit }.sorted { $0.key < $1.key }.flatMap(\.value.claims)
    }

    public func ownBlocks(unit: String) -> (active: [AvailabilityBlock], cancelled: [AvailabilityBlock]) {
        let tracked = states.filter { $0.key.unit == unit }.sorted { $0.key < $1.key }.flatMap(\.value.blocks)
            .filter(\.block.source.isLocal)
        return (tracked.filter(\.holdsNights).map(\.block), tracked.filter { !$0.holdsNights }.map(\.block))
    }
}
