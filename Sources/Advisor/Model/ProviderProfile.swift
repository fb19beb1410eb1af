/// What is known about a provider that changes a design: how it delivers, signs, retries and orders.
///
/// Facts from ../shared/research/webhooks.md, ical-ota.md and payments.md, with their sources there.
public struct ProviderProfile: Sendable, Hashable {
    /// The provider.
    public var provider: Provider
    /// Its display name.
    public var name: String
    /// The ways it can deliver data.
    public var supports: Set<IntegrationKind>
    /// The kind of integration it usually calls for (the default answer once it is known).
    public var usual: IntegrationKind?
    /// The webhook signature scheme, as `WebhookScheme`'s name, when it signs its deliveries.
    public var signatureScheme: String?
    /// How long it retries a failed delivery, in seconds (so how long deduplication records must live).
    public var retryHorizonSeconds: Int?
    /// Whether it keeps retrying failed deliveries by itself.
    public var retriesAutomatically: Bool?
    /// Whether deliveries arrive in the order the events happened.
    public var ordered: Bool?
    /// Where each delivery's unique id is found.
    public var eventID: Text?
    /// Quirks that bite.
    public var quirks: [Text]

    /// The profile of `provider`.
    public static func of(_ provider: Provider) -> ProviderProfile {
        switch provider {
        case .stripe:
            return ProviderProfile(
                provider: .stripe, name: "Stripe", supports: [.push, .pull], usual: .push, signatureScheme: "stripe",
                retryHorizonSeconds: 3 * 86_400, retriesAutomatically: true, ordered: false,
                eventID: Text(
                    "the event's `id` (evt_…) in the JSON body", "el `id` del evento (evt_…) en el cuerpo JSON"),
                quirks: [
                    Text(
                        "Live mode retries a failed delivery for up to three days with exponential backoff; test mode three times over a few hours.",
                        "En modo live reintenta una entrega fallida hasta tres días con backoff exponencial; en modo test, tres veces en unas horas."
                    ),
                    Text(
                        "Events arrive in any order (a subscription's created, invoice.paid and charge events race): fetch the object when order matters.",
                        "Los eventos llegan en cualquier orden (created, invoice.paid y los cargos de una suscripción compiten): consulta el objeto cuando el orden importa."
                    ),
                    Text(
                        "The same event may be delivered more than once: log processed event ids.",
                        "El mismo evento puede llegar más de una vez: registra los ids procesados."),
                    Text(
                        "The whsec_ secret is used as text, never base64-decoded.",
                        "El secreto whsec_ se usa como texto; nunca se decodifica en base64."),
                ])
        case .github:
            return ProviderProfile(
                provider: .github, name: "GitHub", supports: [.push, .pull], usual: .push, signatureScheme: "github",
                retryHorizonSeconds: 3 * 86_400, retriesAutomatically: false, ordered: false,
                eventID: Text("the X-GitHub-Delivery header (a GUID)", "la cabecera X-GitHub-Delivery (un GUID)"),
                quirks: [
                    Text(
                        "GitHub does not redeliver failed deliveries by itself; you can redeliver them by hand for 3 days.",
                        "GitHub no reenvía solo las entregas fallidas; puedes reenviarlas a mano durante 3 días."),
                    Text(
                        "Answer 2xx within 10 seconds, so do the work after acknowledging.",
                        "Responde 2xx en menos de 10 segundos: haz el trabajo después de confirmar."),
                ])
        case .shopify:
            return ProviderProfile(
                provider: .shopify, name: "Shopify", supports: [.push, .pull], usual: .push, signatureScheme: "shopify",
                retryHorizonSeconds: 4 * 3600, retriesAutomatically: true, ordered: false,
                eventID: Text(
                    "the X-Shopify-Webhook-Id header (the same on every retry)",
                    "la cabecera X-Shopify-Webhook-Id (igual en cada reintento)"),
                quirks: [
                    Text(
                        "8 retries over 4 hours, the original payload re-sent (shopify.dev changelog, 2024-09-10).",
                        "8 reintentos en 4 horas, con el payload original (changelog de shopify.dev, 2024-09-10)."),
                    Text(
                        "Reported: a 1 s connect / 5 s total timeout, and subscriptions deleted after repeated failures — check before relying on it.",
                        "Se ha informado de un timeout de 1 s de conexión / 5 s en total y de suscripciones borradas tras fallos repetidos: compruébalo antes de confiar en ello."
                    ),
                ])
        case .standardWebhooks:
            return ProviderProfile(
                provider: .standardWebhooks, name: "Standard Webhooks", supports: [.push], usual: .push,
                signatureScheme: "standard", retryHorizonSeconds: 75 * 3600 + 35 * 60 + 5, retriesAutomatically: true,
                ordered: false, eventID: Text("the webhook-id header", "la cabecera webhook-id"),
                quirks: [
                    Text(
                        "The spec's example schedule retries for 75 h 35 min; 410 Gone disables the endpoint; 429, 502 and 504 slow the sender down.",
                        "El calendario de ejemplo de la especificación reintenta durante 75 h 35 min; 410 Gone desactiva el endpoint; 429, 502 y 504 frenan al emisor."
                    ),
                    Text(
                        "The whsec_ secret is base64 after its prefix: decode it (unpadded is fine).",
                        "El secreto whsec_ es base64 tras su prefijo: decodifícalo (sin relleno también vale)."),
                ])
        case .airbnb:
            return ProviderProfile(
                provider: .airbnb, name: "Airbnb (iCal)", supports: [.pull], usual: .pull, signatureScheme: nil,
                retryHorizonSeconds: nil, retriesAutomatically: nil, ordered: nil,
                eventID: Text("the event UID (stable per reservation)", "el UID del evento (estable por reserva)"),
                quirks: [
                    Text(
                        "An iCal feed is availability only: no status, no rates, no DTSTAMP; a cancellation is an event that disappears.",
                        "Un feed iCal es solo disponibilidad: sin estado, sin tarifas, sin DTSTAMP; una cancelación es un evento que desaparece."
                    ),
                    Text(
                        "Descriptions carry personal data (reservation code, last 4 phone digits): mask it in logs.",
                        "Las descripciones llevan datos personales (código de reserva, 4 últimos dígitos del teléfono): enmascáralos en los logs."
                    ),
                    Text(
                        "Vendors report Airbnb importing other calendars every 2–3 hours: the double-booking window is the slowest poll.",
                        "Los proveedores informan de que Airbnb importa otros calendarios cada 2–3 horas: la ventana de doble reserva es el sondeo más lento."
                    ),
                ])
        case .booking:
            return ProviderProfile(
                provider: .booking, name: "Booking.com (iCal)", supports: [.pull], usual: .pull, signatureScheme: nil,
                retryHorizonSeconds: nil, retriesAutomatically: nil, ordered: nil,
                eventID: Text(
                    "the UID, reported to change between fetches: match by checkout date too",
                    "el UID, que según algunos cambia entre descargas: empareja también por fecha de salida"),
                quirks: [
                    Text(
                        "Every occupied or closed night is 'CLOSED - Not available': reservations and manual blocks cannot be told apart.",
                        "Toda noche ocupada o cerrada es 'CLOSED - Not available': no se distinguen reservas de bloqueos manuales."
                    ),
                    Text(
                        "Some exports use bare LF line ends.", "Algunas exportaciones usan saltos de línea LF sin CR."),
                ])
        case .vrbo:
            return ProviderProfile(
                provider: .vrbo, name: "VRBO (iCal)", supports: [.pull], usual: .pull, signatureScheme: nil,
                retryHorizonSeconds: nil, retriesAutomatically: nil, ordered: nil,
                eventID: Text("the event UID (a UUID)", "el UID del evento (un UUID)"),
                quirks: [
                    Text(
                        "Some exports use DURATION instead of DTEND, and localized summaries ('Réservée - Melanie').",
                        "Algunas exportaciones usan DURATION en lugar de DTEND y resúmenes traducidos ('Réservée - Melanie')."
                    )
                ])
        case .genericHTTP:
            return ProviderProfile(
                provider: .genericHTTP, name: "a generic HTTP API", supports: [.push, .pull, .bidirectional],
                usual: nil,
                signatureScheme: nil, retryHorizonSeconds: nil, retriesAutomatically: nil, ordered: nil, eventID: nil,
                quirks: [
                    Text(
                        "Ask for its signature scheme, retry schedule and event ids: they size the design.",
                        "Pregunta por su esquema de firma, su calendario de reintentos y sus ids de evento: dimensionan el diseño."
                    )
                ])
        case .other:
            return ProviderProfile(
                provider: .other, name: "another provider", supports: [.push, .pull, .bidirectional], usual: nil,
                signatureScheme: nil, retryHorizonSeconds: nil, retriesAutomatically: nil, ordered: nil, eventID: nil,
                quirks: [])
        }
    }

    /// Whether it is one of the OTA calendars that only publish an iCal feed.
    public var isICalFeed: Bool { [.airbnb, .booking, .vrbo].contains(provider) }

    /// Whether it handles money.
    public var handlesPayments: Bool { provider == .stripe }
}
