/// Something a person must know about: a message parked for good, a breaker that opened, a suspicious feed.
public struct Alert: Sendable, Hashable, Codable {
    /// How urgent it is.
    public enum Severity: String, Sendable, Hashable, Codable {
        case info, warning, critical
    }

    /// How urgent it is.
    public var severity: Severity
    /// The channel or team it is for (the seed's `channel: 'integrations'`).
    public var channel: String
    /// One line a person can act on.
    public var message: String
    /// Structured context (ids, counts), never secrets.
    public var details: [String: String]

    /// Creates an alert.
    public init(severity: Severity, channel: String = "integrations", message: String, details: [String: String] = [:])
    {
        self.severity = severity
        self.channel = channel
        self.message = message
        self.details = details
    }
}
