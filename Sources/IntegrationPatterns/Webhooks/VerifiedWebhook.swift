public import Foundation

/// What a successful verification established about a delivery.
public struct VerifiedWebhook: Sendable, Hashable {
    /// The scheme it was verified with.
    public var scheme: WebhookScheme
    /// The delivery id from the headers (`webhook-id`, `X-GitHub-Delivery`…), when the scheme sends one.
    public var id: String?
    /// The signed timestamp, when the scheme signs one.
    public var timestamp: Date?
    /// Which of the verifier's secrets matched (0 for the first), useful while rotating secrets.
    public var secretIndex: Int

    /// Creates a record of a verification (the verifier makes them; tests and inbox workers may too).
    public init(scheme: WebhookScheme, id: String?, timestamp: Date?, secretIndex: Int) {
        self.scheme = scheme
        self.id = id
        self.timestamp = timestamp
        self.secretIndex = secretIndex
    }
}
