/// What a lifecycle did with one provider event.
public enum EventDisposition: String, Sendable, Hashable {
    /// The event was the newest for its object and was applied (its actions, if any, are in the outcome).
    case applied
    /// The event's id was seen before (providers deliver at least once): nothing changed.
    case duplicate
    /// An event at least as new for the same object was already applied (older `created` time or object
    /// version): it does not move the state.
    case stale
    /// The event's type is not one this lifecycle consumes.
    case unhandled
    /// The event lacks a field this lifecycle needs (a status, an id): nothing changed.
    case unusable
}
