public import Foundation

/// Proof of a won claim: only its holder may complete or release the key, until the lease ends.
public struct IdempotencyLease: Sendable, Hashable {
    /// The claimed key.
    public let key: String
    /// A token unique to this claim; a later claim after the lease ran out gets another one.
    public let token: String
    /// When the lease ends and another worker may take the key over.
    public let until: Date

    /// Creates a lease (stores make these; tests may too).
    public init(key: String, token: String, until: Date) {
        self.key = key
        self.token = token
        self.until = until
    }
}
