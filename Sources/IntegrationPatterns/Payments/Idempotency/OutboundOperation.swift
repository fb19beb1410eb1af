/// A request that moves money, named by the business operation it performs, so its idempotency key can
/// be derived again after a crash instead of being minted afresh for each HTTP attempt.
///
/// The key is `<entity>-<action>` (`order-8812-charge`), with `-<attempt>` appended for a deliberate new
/// attempt (a new card after a decline is a new operation). The parameters' fingerprint is a SHA-256 over
/// a canonical encoding of the sorted parameters, so reusing the key with another amount is caught before
/// the provider sees it.
public struct OutboundOperation: Sendable, Hashable {
    /// The business entity the operation is about: `order-8812`, `account-42`.
    public var entity: String
    /// What is done to it: `charge`, `refund`, `create-customer`.
    public var action: String
    /// A deliberate new attempt (after a decline, or after the provider's retention passed); `nil` for the
    /// first.
    public var attempt: Int?
    /// The request's parameters that define the operation (amount, currency, customer…), as sent.
    public var parameters: [String: String]

    /// Creates an operation.
    public init(entity: String, action: String, attempt: Int? = nil, parameters: [String: String]) {
        self.entity = entity
        self.action = action
        self.attempt = attempt
        self.parameters = parameters
    }

    /// The idempotency key: `order-8812-charge`, or `order-8812-charge-2` for attempt 2.
    public var key: String {
        var key = "\(entity)-\(action)"
        if let attempt { key += "-\(attempt)" }
        return key
    }

    /// SHA-256 (lower-case hex) of the parameters, sorted by name, each name and value length-prefixed so
    /// that no two different sets encode alike.
    public var parametersFingerprint: String {
        var encoded: [UInt8] = []
        for (name, value) in parameters.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }) {
            for field in [name, value] {
                encoded.append(contentsOf: Array(String(field.utf8.count).utf8))
                encoded.append(UInt8(ascii: ":"))
                encoded.append(contentsOf: Array(field.utf8))
            }
        }
        return SHA256Fingerprint.hex(encoded)
    }
}
