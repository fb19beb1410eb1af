import Testing

@testable import Advisor

@Suite("Routing phrases")
struct IntentRouterTests {
    @Test(
        "the seed's phrases in both languages, without regard to accents or case",
        arguments: [
            ("Diseñar integración", Intent.designIntegration), ("disenar integracion", .designIntegration),
            ("DESIGN AN INTEGRATION", .designIntegration), ("Webhooks seguros", .secureWebhooks),
            ("secure webhooks", .secureWebhooks), ("Retry patterns", .retryPatterns),
            ("Sincronizar datos", .syncData), ("Integrar Stripe/pagos", .integratePayments),
            ("integrar stripe pagos", .integratePayments), ("Integrate payments", .integratePayments),
            ("Explicar mi integración", .explainMyIntegration), ("explain my integration", .explainMyIntegration),
        ])
    func phrases(text: String, intent: Intent) {
        #expect(IntentRouter.route(text) == .intent(intent))
    }

    @Test("near misses are suggested, never routed; other text is nothing")
    func nearMisses() {
        #expect(IntentRouter.route("webhoks seguro") == .suggestion("Webhooks seguros", .secureWebhooks))
        #expect(IntentRouter.route("sincronisar datos") == .suggestion("Sincronizar datos", .syncData))
        #expect(IntentRouter.route("what is the weather") == .none)
        #expect(IntentRouter.route("") == .none)
    }
}
