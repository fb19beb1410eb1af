/// Which way the data flows (the seed's step 1).
public enum IntegrationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The outside system calls you (webhooks, events).
    case push
    /// You call the outside system (polling, fetching feeds).
    case pull
    /// Data flows both ways and must agree (two-way sync).
    case bidirectional
}
