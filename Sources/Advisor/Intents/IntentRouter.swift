internal import Knowledge

/// Recognises the seed's routing phrases in English and Spanish, without regard to accents or case.
///
/// An exact phrase routes; a near miss is only suggested, never acted on.
public enum IntentRouter {
    /// The outcome of reading a phrase.
    public enum Route: Sendable, Equatable {
        /// The phrase names this intent.
        case intent(Intent)
        /// The phrase is close to this one (shown as "Did you mean …?").
        case suggestion(String, Intent)
        /// Not a phrase.
        case none
    }

    /// Every phrase, as shown in help, with its intent.
    public static let phrases: [(phrase: String, intent: Intent)] = [
        ("Diseñar integración", .designIntegration), ("Diseñar una integración", .designIntegration),
        ("Design integration", .designIntegration), ("Design an integration", .designIntegration),
        ("Webhooks seguros", .secureWebhooks), ("Secure webhooks", .secureWebhooks),
        ("Retry patterns", .retryPatterns), ("Patrones de reintento", .retryPatterns),
        ("Sincronizar datos", .syncData), ("Sync data", .syncData), ("Synchronize data", .syncData),
        ("Integrar Stripe/pagos", .integratePayments), ("Integrar Stripe", .integratePayments),
        ("Integrar pagos", .integratePayments), ("Integrate Stripe", .integratePayments),
        ("Integrate payments", .integratePayments), ("Integrate Stripe/payments", .integratePayments),
        ("Explicar mi integración", .explainMyIntegration), ("Explain my integration", .explainMyIntegration),
    ]

    /// Reads a typed line.
    public static func route(_ text: String) -> Route {
        let folded = text.foldedForMatching
        guard !folded.isEmpty else { return .none }
        if let match = phrases.first(where: { $0.phrase.foldedForMatching == folded }) { return .intent(match.intent) }
        guard folded.count >= 6 else { return .none }
        var best: (distance: Int, phrase: String, intent: Intent)?
        for (phrase, intent) in phrases {
            let limit = max(2, phrase.count / 6)
            if let distance = EditDistance.between(folded, phrase.foldedForMatching, limit: limit),
                best == nil || distance < best!.distance
            {
                best = (distance, phrase, intent)
            }
        }
        if let best { return .suggestion(best.phrase, best.intent) }
        return .none
    }
}
