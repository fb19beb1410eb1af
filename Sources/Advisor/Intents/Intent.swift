/// What a typed phrase of the seed's routing table asks for ("Usuario dice… → Acción").
public enum Intent: String, Sendable, Hashable, CaseIterable {
    /// "Diseñar integración" → the decision framework.
    case designIntegration = "design-integration"
    /// "Webhooks seguros" → webhook-security.
    case secureWebhooks = "secure-webhooks"
    /// "Retry patterns" → retry-patterns.
    case retryPatterns = "retry-patterns"
    /// "Sincronizar datos" → sync-strategies.
    case syncData = "sync-data"
    /// "Integrar Stripe/pagos" → payment-edge-cases.
    case integratePayments = "integrate-payments"
    /// "Explicar mi integración" → the experience stories, to reuse when telling your own.
    case explainMyIntegration = "explain-my-integration"

    /// The page it opens, for the intents that open one.
    public var topic: String? {
        switch self {
        case .designIntegration, .explainMyIntegration: return nil
        case .secureWebhooks: return "webhook-security"
        case .retryPatterns: return "retry-patterns"
        case .syncData: return "sync-strategies"
        case .integratePayments: return "payment-edge-cases"
        }
    }
}
