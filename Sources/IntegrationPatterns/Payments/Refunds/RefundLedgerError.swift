/// Why a refund request was refused before it reached the provider.
public struct RefundLedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The refund would take the total past the captured amount.
        public static let exceedsRefundable = Code(rawValue: "exceeds_refundable")
        /// A refund must be a positive amount.
        public static let notPositive = Code(rawValue: "not_positive")
        /// The refund is in another currency than the charge.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// The reference was already used for a different amount.
        public static let referenceReused = Code(rawValue: "reference_reused")

        /// Matches an error by its code: `catch RefundLedgerError.Code.exceedsRefundable`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? RefundLedgerError)?.code == pattern
        }
    }

    /// What kind of problem it is.
    public var code: Code
    /// One sentence with the amounts involved.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
