/// Why an outbound idempotency key cannot be used.
public struct IdempotencyKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The key was first used with different parameters: a different operation needs a different key.
        public static let parameterMismatch = Code(rawValue: "parameter_mismatch")
        /// The key is empty or longer than 255 characters (Stripe's limit).
        public static let invalidKey = Code(rawValue: "invalid_key")
        /// The key is older than the provider's retention; see ``IdempotencyKeyDecision/retentionExpired(key:firstUsedAt:)``.
        public static let retentionExpired = Code(rawValue: "retention_expired")

        /// Matches an error by its code: `catch IdempotencyKeyError.Code.parameterMismatch`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? IdempotencyKeyError)?.code == pattern
        }
    }

    /// What kind of problem it is.
    public var code: Code
    /// The key concerned.
    public var key: String
    /// One sentence; never the parameter values, which may be personal data.
    public var message: String

    /// Creates an error.
    public init(code: Code, key: String, message: String) {
        self.code = code
        self.key = key
        self.message = message
    }

    public var description: String { message }
}
