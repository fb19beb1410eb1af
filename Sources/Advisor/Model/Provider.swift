/// The outside system being integrated.
public enum Provider: String, Sendable, Hashable, Codable, CaseIterable {
    case stripe
    case github
    case shopify
    case standardWebhooks = "standard-webhooks"
    case airbnb
    case booking
    case vrbo
    case genericHTTP = "generic-http"
    case other
}
