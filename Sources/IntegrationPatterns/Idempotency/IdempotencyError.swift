/// An idempotency store refused an operation.
public struct IdempotencyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// The lease ran out and another worker claimed the key; this worker's result must be discarded.
        case leaseLost = "lease_lost"
        /// The key is empty or too long.
        case invalidKey = "invalid_key"
    }

    /// What went wrong.
    public var code: Code
    /// The key concerned.
    public var key: String

    /// Creates an error.
    public init(_ code: Code, key: String) {
        self.code = code
        self.key = key
    }

    public var description: String {
        switch code {
        case .leaseLost: return "the lease on '\(key)' was lost: another worker took the key over"
        case .invalidKey: return "'\(key)' is not a usable idempotency key (empty, or longer than 1024 bytes)"
        }
    }
}
