public import Foundation

/// A message written to the outbox, waiting to be published.
public struct OutboxMessage: Sendable, Hashable {
    /// The outbox's id for it (publication order).
    public var id: Int64
    /// Where it goes (a topic, an endpoint name).
    public var topic: String
    /// A key consumers deduplicate by (defaults to the outbox id).
    public var key: String
    /// The payload.
    public var payload: [UInt8]
    /// Headers to send with it.
    public var headers: HTTPHeaders
    /// When it was written.
    public var createdAt: Date
    /// How many publications failed.
    public var attempts: Int
    /// The last failure, if any.
    public var lastError: String?
}
