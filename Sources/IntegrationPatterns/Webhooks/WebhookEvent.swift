/// A verified delivery handed to the application's handler, exactly once per deduplication key
/// (unless the handler fails and the provider retries).
public struct WebhookEvent: Sendable {
    /// The deduplication key (the provider's event or delivery id).
    public var key: String
    /// What verification established.
    public var verified: VerifiedWebhook
    /// The request, raw body included.
    public var request: WebhookRequest

    /// Creates an event (the processor makes them; tests and inbox workers may too).
    public init(key: String, verified: VerifiedWebhook, request: WebhookRequest) {
        self.key = key
        self.verified = verified
        self.request = request
    }
}
