/// Roughly how many messages a day the integration handles.
public enum Volume: String, Sendable, Hashable, Codable, CaseIterable {
    /// Up to about a thousand a day: one process and SQLite are plenty.
    case low
    /// Up to about a million a day.
    case medium
    /// More: several workers, a shared database, rate limits on both sides.
    case high
}
