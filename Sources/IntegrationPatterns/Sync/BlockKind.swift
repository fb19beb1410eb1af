/// What an availability block stands for, as far as the feed lets anyone tell.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A guest's stay (Airbnb `Reserved`, Vrbo `Reserved - <name>`, a direct booking).
    case reservation
    /// Nights closed by the host or the channel (Airbnb `Not available`, Vrbo `Blocked`, a manual closure).
    case block
    /// The feed does not say. Booking.com exports stays and closures alike as `CLOSED - Not available`,
    /// so its events stay unknown rather than guessed.
    case unknown
}
