public import Foundation

/// The outcome of claiming an idempotency key.
public enum IdempotencyClaim: Sendable, Hashable {
    /// This caller won the key: process the message, then complete or release the lease.
    case claimed(IdempotencyLease)
    /// The key was processed before: answer with the stored response and do nothing else.
    case completed(StoredResponse)
    /// Another worker holds the key until this time: tell the sender to come back later.
    case inProgress(until: Date)
}
