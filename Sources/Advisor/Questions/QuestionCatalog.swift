/// The decision framework's questions: the seed's three steps and provider, then the follow-ups a good
/// architect asks where they change the answer.
public enum QuestionCatalog {
    /// Every question, in asking order.
    public static let all: [Question] = [
        kind, guarantee, errors, provider, ordering, volume, naturallyIdempotent, canRefetch,
    ]

    /// The question with this id.
    public static func question(_ id: Question.ID) -> Question { all.first { $0.id == id }! }

    static let kind = Question(
        id: .kind, flag: "--kind", title: Text("Kind of integration", "Tipo de integración"),
        prompt: Text("Which way does the data flow?", "¿En qué dirección fluyen los datos?"),
        explanation: Text(
            "PUSH: the outside system calls you (webhooks) — you need a secure endpoint, idempotency and retry handling. PULL: you call it (polling, feeds) — you need a scheduler, rate limiting and a cache of conditional requests. BIDIRECTIONAL: both ways (sync) — you need conflict resolution and reconciliation.",
            "PUSH: el sistema externo te llama (webhooks) — necesitas un endpoint seguro, idempotencia y manejo de reintentos. PULL: tú lo consultas (polling, feeds) — necesitas un scheduler, rate limiting y caché de peticiones condicionales. BIDIRECCIONAL: en ambos sentidos (sync) — necesitas resolución de conflictos y reconciliación."
        ),
        choices: [
            Choice(
                id: "push", name: Text("Push (webhooks, events)", "Push (webhooks, eventos)"),
                summary: Text("The outside system notifies you.", "El sistema externo te notifica."),
                aliases: ["webhooks", "webhook", "events", "eventos"]),
            Choice(
                id: "pull", name: Text("Pull (polling, fetch)", "Pull (polling, consulta)"),
                summary: Text("You query the outside system.", "Tú consultas el sistema externo."),
                aliases: ["polling", "fetch", "consulta", "sondeo"]),
            Choice(
                id: "bidirectional", name: Text("Bidirectional (sync)", "Bidireccional (sync)"),
                summary: Text("Data flows both ways.", "Los datos fluyen en ambos sentidos."),
                aliases: ["bidireccional", "sync", "two-way", "both", "ambos"]),
        ],
        allowsMultiple: false, isRequired: true, topic: "decision-framework")

    static let guarantee = Question(
        id: .guarantee, flag: "--guarantee", title: Text("Delivery guarantee", "Garantía de entrega"),
        prompt: Text("What must hold for each message?", "¿Qué debe cumplirse para cada mensaje?"),
        explanation: Text(
            "AT-LEAST-ONCE: a message arrives one or more times — make the handler idempotent. AT-MOST-ONCE: zero or one time — only where losing a message is acceptable. EXACTLY-ONCE: in practice 'effectively once': at-least-once delivery plus deduplication committed in the same transaction as the effect (inbox/outbox) — more work, and only within one database.",
            "AT-LEAST-ONCE: el mensaje llega una o más veces — haz el handler idempotente. AT-MOST-ONCE: cero o una vez — solo si perder un mensaje es aceptable. EXACTLY-ONCE: en la práctica 'efectivamente una vez': entrega at-least-once más deduplicación confirmada en la misma transacción que el efecto (inbox/outbox) — más trabajo, y solo dentro de una base de datos."
        ),
        choices: [
            Choice(
                id: "at-least-once", name: Text("At-least-once", "Al menos una vez (at-least-once)"),
                summary: Text("Tolerates duplicates; loses nothing.", "Tolera duplicados; no pierde nada."),
                aliases: ["alo", "al menos una vez", "at least once"]),
            Choice(
                id: "at-most-once", name: Text("At-most-once", "Como mucho una vez (at-most-once)"),
                summary: Text("May lose messages; never repeats them.", "Puede perder mensajes; nunca los repite."),
                aliases: ["amo", "como mucho una vez", "at most once"]),
            Choice(
                id: "exactly-once",
                name: Text("Exactly-once (effectively once)", "Exactamente una vez (efectivamente una vez)"),
                summary: Text(
                    "Transactions plus deduplication; complex.", "Transacciones más deduplicación; complejo."),
                aliases: ["eo", "exactamente una vez", "exactly once", "effectively once"]),
        ],
        allowsMultiple: false, isRequired: true, topic: "idempotent-consumer")

    static let errors = Question(
        id: .errors, flag: "--errors", title: Text("Errors to plan for", "Errores a contemplar"),
        prompt: Text(
            "Which failures must the design handle? (several, comma-separated)",
            "¿Qué fallos debe manejar el diseño? (varios, separados por comas)"),
        explanation: Text(
            "TRANSIENT (timeout, 503): retry with exponential backoff and jitter, behind a circuit breaker and a retry budget. PERMANENT (400, 401): never retry; log and alert. PARTIAL (one item of a batch, a poison message): park it in a dead-letter queue for a person, and redrive it once fixed.",
            "TRANSITORIOS (timeout, 503): reintenta con backoff exponencial y jitter, tras un circuit breaker y un presupuesto de reintentos. PERMANENTES (400, 401): no reintentes nunca; registra y alerta. PARCIALES (un elemento de un lote, un mensaje venenoso): apárcalo en una dead-letter queue para una persona y reinyéctalo cuando esté arreglado."
        ),
        choices: [
            Choice(
                id: "transient", name: Text("Transient (timeouts, 503)", "Transitorios (timeouts, 503)"),
                summary: Text("Retry with backoff.", "Reintentar con backoff."),
                aliases: ["transitorios", "transitorio", "timeouts"]),
            Choice(
                id: "permanent", name: Text("Permanent (400, 401)", "Permanentes (400, 401)"),
                summary: Text("No retry; log and alert.", "Sin reintento; registrar y alertar."),
                aliases: ["permanentes", "permanente"]),
            Choice(
                id: "partial", name: Text("Partial failures", "Fallos parciales"),
                summary: Text("Dead-letter queue for manual review.", "Dead-letter queue para revisión manual."),
                aliases: ["parciales", "parcial"]),
        ],
        allowsMultiple: true, isRequired: true, topic: "retry-patterns")

    static let provider = Question(
        id: .provider, flag: "--provider", title: Text("Provider", "Proveedor"),
        prompt: Text("Which system are you integrating with?", "¿Con qué sistema te integras?"),
        explanation: Text(
            "The provider fixes the signature scheme, how long it retries (which sizes the deduplication window), whether events arrive in order, where the event id is, and the quirks that bite.",
            "El proveedor fija el esquema de firma, cuánto tiempo reintenta (lo que dimensiona la ventana de deduplicación), si los eventos llegan en orden, dónde está el id del evento y las rarezas que muerden."
        ),
        choices: [
            Choice(
                id: "stripe", name: Text("Stripe", "Stripe"), summary: Text("Payments webhooks.", "Webhooks de pagos."),
                aliases: ["pagos", "payments"]),
            Choice(
                id: "github", name: Text("GitHub", "GitHub"),
                summary: Text("Repository webhooks.", "Webhooks de repositorios.")),
            Choice(
                id: "shopify", name: Text("Shopify", "Shopify"), summary: Text("Store webhooks.", "Webhooks de tienda.")
            ),
            Choice(
                id: "standard-webhooks", name: Text("Standard Webhooks", "Standard Webhooks"),
                summary: Text("Svix and other senders of the standard.", "Svix y otros emisores del estándar."),
                aliases: ["standard", "svix"]),
            Choice(
                id: "airbnb", name: Text("Airbnb (iCal)", "Airbnb (iCal)"),
                summary: Text("Calendar feed.", "Feed de calendario.")),
            Choice(
                id: "booking", name: Text("Booking.com (iCal)", "Booking.com (iCal)"),
                summary: Text("Calendar feed.", "Feed de calendario."), aliases: ["booking.com"]),
            Choice(
                id: "vrbo", name: Text("VRBO (iCal)", "VRBO (iCal)"),
                summary: Text("Calendar feed.", "Feed de calendario."), aliases: ["homeaway"]),
            Choice(
                id: "generic-http", name: Text("Generic HTTP API", "API HTTP genérica"),
                summary: Text("Any REST API or webhook sender.", "Cualquier API REST o emisor de webhooks."),
                aliases: ["http", "rest", "api", "generic", "generica"]),
            Choice(
                id: "other", name: Text("Other", "Otro"), summary: Text("Something else.", "Otra cosa."),
                aliases: ["otro"]),
        ],
        allowsMultiple: false, isRequired: true, topic: "decision-framework")

    static let yesNo = [
        Choice(id: "yes", name: Text("Yes", "Sí"), summary: Text("Yes.", "Sí."), aliases: ["y", "si", "s", "true"]),
        Choice(id: "no", name: Text("No", "No"), summary: Text("No.", "No."), aliases: ["n", "false"]),
    ]

    static let ordering = Question(
        id: .ordering, flag: "--ordering", title: Text("Ordering", "Orden"),
        prompt: Text(
            "Must messages be applied in the order they happened?",
            "¿Deben aplicarse los mensajes en el orden en que ocurrieron?"),
        explanation: Text(
            "Most providers deliver in any order (Stripe says so). If order matters, refetch the object's current state on each event, or ignore events older than what you stored.",
            "La mayoría de proveedores entrega en cualquier orden (Stripe lo dice). Si el orden importa, consulta el estado actual del objeto en cada evento, o ignora los eventos más viejos que lo que guardaste."
        ),
        choices: yesNo, allowsMultiple: false, isRequired: false, topic: "sync-strategies")

    static let volume = Question(
        id: .volume, flag: "--volume", title: Text("Volume", "Volumen"),
        prompt: Text("Roughly how many messages a day?", "¿Cuántos mensajes al día, más o menos?"),
        explanation: Text(
            "LOW (up to ~1,000/day): one process and SQLite are plenty. MEDIUM (up to ~1M/day): still SQLite in WAL on one machine; watch rate limits. HIGH: several workers, a shared database (the stores are protocols), rate limits on both sides and a dashboard.",
            "BAJO (hasta ~1.000/día): un proceso y SQLite sobran. MEDIO (hasta ~1M/día): SQLite en WAL en una máquina; vigila los rate limits. ALTO: varios workers, una base de datos compartida (los stores son protocolos), rate limits en ambos lados y un dashboard."
        ),
        choices: [
            Choice(
                id: "low", name: Text("Low (≤ 1,000/day)", "Bajo (≤ 1.000/día)"),
                summary: Text("One process.", "Un proceso."), aliases: ["bajo"]),
            Choice(
                id: "medium", name: Text("Medium (≤ 1M/day)", "Medio (≤ 1M/día)"),
                summary: Text("One machine.", "Una máquina."), aliases: ["medio"]),
            Choice(
                id: "high", name: Text("High (more)", "Alto (más)"),
                summary: Text("Several workers.", "Varios workers."), aliases: ["alto"]),
        ],
        allowsMultiple: false, isRequired: false, topic: "rate-limiting")

    static let naturallyIdempotent = Question(
        id: .naturallyIdempotent, flag: "--naturally-idempotent",
        title: Text("Natural idempotency", "Idempotencia natural"),
        prompt: Text(
            "Is applying the same message twice harmless by nature (an upsert, an absolute state)?",
            "¿Aplicar dos veces el mismo mensaje es inocuo por naturaleza (un upsert, un estado absoluto)?"),
        explanation: Text(
            "'Set status to paid' can run twice; 'send a receipt' or 'add 10 credits' cannot. Prefer naturally idempotent operations; deduplicate the rest by a key.",
            "'Marcar como pagado' puede ejecutarse dos veces; 'enviar un recibo' o 'sumar 10 créditos', no. Prefiere operaciones idempotentes por naturaleza; deduplica el resto con una clave."
        ),
        choices: yesNo, allowsMultiple: false, isRequired: false, topic: "idempotent-consumer")

    static let canRefetch = Question(
        id: .canRefetch, flag: "--can-refetch", title: Text("Refetch", "Reconsulta"),
        prompt: Text(
            "Can you call the provider's API to fetch an object's current state?",
            "¿Puedes llamar a la API del proveedor para obtener el estado actual de un objeto?"),
        explanation: Text(
            "Refetching turns an event into a trigger: order stops mattering and a missed event is repaired by the next one. It costs a call per event, so it needs retries and a rate limit.",
            "Reconsultar convierte el evento en un disparador: el orden deja de importar y un evento perdido lo repara el siguiente. Cuesta una llamada por evento, así que necesita reintentos y rate limit."
        ),
        choices: yesNo, allowsMultiple: false, isRequired: false, topic: "sync-strategies")
}
