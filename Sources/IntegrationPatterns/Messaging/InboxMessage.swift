public import Foundation

/// A message accepted into the inbox, waiting to be (or already) processed.
public struct InboxMessage: Sendable, Hashable {
    /// The consumer it was accepted for (one inbox can serve several consumers of the same messages).
    public var consumer: String
    /// The message's own id: the deduplication key.
    public var messageID: String
    /// The payload as received.
    public var payload: [UInt8]
    /// The headers as received.
    public var headers: HTTPHeaders
    /// When it was accepted.
    public var receivedAt: Date
    /// How many times processing failed.
    public var attempts: Int
    /// The last failure, if any.
    public var lastError: String?
}
