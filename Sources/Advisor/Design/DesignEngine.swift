/// The rules of the decision framework: answers in, a design out.
///
/// Pure logic: every rule reads the answers and the provider's profile and adds components, checklist
/// judgements and warnings. The same answers always give the same design.
public enum DesignEngine {
    /// The design for `answers`; missing follow-ups take their defaults (reported in `assumed`).
    /// The four required answers should be present: missing ones are treated as their defaults too.
    public static func design(for given: Answers) -> Design {
        var (answers, assumed) = given.completed()
        for question in Question.ID.allCases where answers.choices(for: question) == nil {
            answers.set(question, answers.defaultChoices(for: question))
        }
        let kind = answers.kind ?? .push
        let guarantee = answers.guarantee ?? .atLeastOnce
        let errors = Set(answers.errors ?? [])
        let provider = ProviderProfile.of(answers.provider ?? .genericHTTP)
        var builder = Builder(answers: answers, provider: provider)

        // Step 1: the kind of integration.
        if kind == .push || kind == .bidirectional { builder.pushComponents() }
        if kind == .pull || kind == .bidirectional { builder.pullComponents() }
        if kind == .bidirectional { builder.syncComponents() }
        if kind == .pull && provider.isICalFeed { builder.feedComponents() }

        // Step 2: the delivery guarantee.
        builder.guaranteeComponents(guarantee)

        // Step 3: the errors planned for.
        if errors.contains(.transient) { builder.transientComponents() }
        if errors.contains(.permanent) || errors.contains(.partial) || kind != .pull { builder.alertingComponents() }
        if errors.contains(.partial) { builder.deadLetterForPartial() }

        // Follow-ups.
        builder.orderingComponents()
        builder.observability()
        builder.warnings(kind: kind, guarantee: guarantee, errors: errors)

        let retry = provider.retryHorizonSeconds
        return Design(
            answers: answers, assumed: assumed, components: builder.ordered(),
            checklist: Checklist.judge(
                answers: answers, provider: provider, components: Set(builder.components.map(\.id))),
            warnings: builder.warningList, deduplicationSeconds: kind == .pull ? nil : retry)
    }

    /// Accumulates components (first reason wins) and warnings.
    struct Builder {
        let answers: Answers
        let provider: ProviderProfile
        var components: [Component] = []
        var warningList: [DesignWarning] = []

        init(answers: Answers, provider: ProviderProfile) {
            self.answers = answers
            self.provider = provider
        }

        mutating func add(_ id: ComponentID, _ why: Text, _ implementation: String, _ topic: String) {
            guard !components.contains(where: { $0.id == id }) else { return }
            components.append(Component(id: id, why: why, implementation: implementation, topic: topic))
        }

        mutating func warn(_ id: String, _ text: Text) {
            guard !warningList.contains(where: { $0.id == id }) else { return }
            warningList.append(DesignWarning(id: id, text: text))
        }

        /// The components in the order a delivery meets them.
        func ordered() -> [Component] {
            let order = ComponentID.allCases
            let preferred: [ComponentID] = [
                .endpointSecurity, .signatureVerification, .replayProtection, .idempotency, .inbox, .fastAck,
                .retryHandling, .staleEventGuard, .refetch, .scheduler, .rateLimiter, .conditionalFetch, .checkpoint,
                .sourceOfTruth, .reconciliation, .conflictResolution, .echoPrevention, .outbox, .timeouts,
                .retryBackoff, .circuitBreaker, .retryBudget, .deadLetterQueue, .alerting, .structuredLogging, .metrics,
            ]
            return components.sorted {
                (preferred.firstIndex(of: $0.id) ?? order.count + order.firstIndex(of: $0.id)!)
                    < (preferred.firstIndex(of: $1.id) ?? order.count + order.firstIndex(of: $1.id)!)
            }
        }

        var horizonText: Text? {
            guard let seconds = provider.retryHorizonSeconds else { return nil }
            let hours = seconds / 3600
            if hours >= 72 && hours % 24 == 0 { return Text("\(hours / 24) days", "\(hours / 24) días") }
            return Text("\(hours) hours", "\(hours) horas")
        }

        mutating func pushComponents() {
            add(
                .endpointSecurity,
                Text(
                    "Your endpoint is public: HTTPS only, secrets from the environment, and a rate limit per source so a scanner cannot starve the provider's deliveries.",
                    "Tu endpoint es público: solo HTTPS, secretos desde el entorno y un rate limit por origen para que un escáner no deje sin servicio las entregas del proveedor."
                ),
                "RateLimiter", "webhook-security")
            if let scheme = provider.signatureScheme {
                add(
                    .signatureVerification,
                    Text(
                        "Verify \(provider.name)'s signature (scheme '\(scheme)') over the raw body bytes before doing anything else; keep two secrets while rotating.",
                        "Verifica la firma de \(provider.name) (esquema '\(scheme)') sobre los bytes crudos del cuerpo antes de nada; mantén dos secretos mientras rotas."
                    ),
                    "WebhookVerifier", "webhook-security")
            } else {
                add(
                    .signatureVerification,
                    Text(
                        "\(provider.name.prefix(1).uppercased() + provider.name.dropFirst()) has no signature scheme ipm knows: describe its HMAC as a generic scheme, or ask for one.",
                        "ipm no conoce un esquema de firma para \(provider.name): describe su HMAC como esquema genérico, o pide uno."
                    ),
                    "GenericHMACScheme", "webhook-security")
            }
            if ["stripe", "standard"].contains(provider.signatureScheme ?? "") {
                add(
                    .replayProtection,
                    Text(
                        "The signed timestamp must be within 300 s of now; with the event-id store, a replayed delivery becomes a harmless duplicate.",
                        "La marca de tiempo firmada debe estar a menos de 300 s de ahora; con el almacén de ids, una entrega repetida se vuelve un duplicado inofensivo."
                    ),
                    "WebhookVerifier", "webhook-security")
            } else {
                add(
                    .replayProtection,
                    Text(
                        "\(provider.name) signs no timestamp: replay protection rests on keeping each delivery id for the retry horizon.",
                        "\(provider.name) no firma marca de tiempo: la protección contra repeticiones depende de guardar cada id de entrega durante el horizonte de reintentos."
                    ),
                    "SQLiteIdempotencyStore", "webhook-security")
            }
            let keep =
                horizonText.map {
                    Text(
                        "; keep the ids for \($0.en) (\(provider.name)'s retry horizon)",
                        "; guarda los ids \($0.es) (el horizonte de reintentos de \(provider.name))")
                }
                ?? Text(
                    "; keep the ids at least as long as the sender retries",
                    "; guarda los ids al menos mientras el emisor reintente")
            add(
                .idempotency,
                Text(
                    "Providers deliver at least once: claim \(provider.eventID?.en ?? "the event id") atomically before processing\(keep.en).",
                    "Los proveedores entregan al menos una vez: reclama \(provider.eventID?.es ?? "el id del evento") de forma atómica antes de procesar\(keep.es)."
                ),
                "SQLiteIdempotencyStore", "idempotent-consumer")
            add(
                .fastAck,
                Text(
                    "Answer 2xx quickly and do the work after: senders time out (GitHub after 10 s, Standard Webhooks senders after 15–30 s) and then retry work you are still doing.",
                    "Responde 2xx rápido y trabaja después: los emisores cortan por timeout (GitHub a los 10 s, los emisores Standard Webhooks a los 15–30 s) y luego reintentan trabajo que aún estás haciendo."
                ),
                "SQLiteInbox", "secure-webhook-handler")
            if provider.retriesAutomatically == false {
                add(
                    .retryHandling,
                    Text(
                        "\(provider.name) does not retry failed deliveries by itself: a 5xx is a lost event until someone redelivers it, so acknowledge into the inbox and retry your own processing.",
                        "\(provider.name) no reintenta solo las entregas fallidas: un 5xx es un evento perdido hasta que alguien lo reenvíe, así que confirma hacia el inbox y reintenta tu propio procesamiento."
                    ),
                    "WebhookProcessor", "secure-webhook-handler")
            } else {
                add(
                    .retryHandling,
                    Text(
                        "Answer 5xx for a transient failure so the provider retries, 409 with Retry-After for a duplicate in flight, and 2xx once a permanent failure is parked, so it stops.",
                        "Responde 5xx ante un fallo transitorio para que el proveedor reintente, 409 con Retry-After para un duplicado en curso, y 2xx cuando un fallo permanente quede aparcado, para que pare."
                    ),
                    "WebhookProcessor", "secure-webhook-handler")
            }
            add(
                .deadLetterQueue,
                Text(
                    "A delivery that can never be processed is parked with its payload, headers and error for a person to fix and redrive, instead of being retried for days.",
                    "Una entrega que nunca podrá procesarse se aparca con su payload, cabeceras y error para que una persona la arregle y la reinyecte, en vez de reintentarla durante días."
                ),
                "SQLiteDeadLetterQueue", "dead-letter-queue")
        }

        mutating func pullComponents() {
            add(
                .scheduler,
                Text(
                    "Poll on an interval with jitter, so many pollers never fire in step; the slowest poll is your staleness window.",
                    "Consulta a intervalos con jitter, para que muchos consumidores no disparen a la vez; el sondeo más lento es tu ventana de desfase."
                ),
                "FeedPoller", "conditional-polling")
            add(
                .rateLimiter,
                Text(
                    "Stay under the provider's limits: one token bucket per host, shared by every caller, retries included.",
                    "Quédate bajo los límites del proveedor: un token bucket por host, compartido por todos los llamadores, reintentos incluidos."
                ),
                "RateLimiter", "rate-limiting")
            add(
                .conditionalFetch,
                Text(
                    "Send If-None-Match / If-Modified-Since: an unchanged resource costs a 304 and no parsing.",
                    "Envía If-None-Match / If-Modified-Since: un recurso sin cambios cuesta un 304 y nada de parseo."),
                "HTTPValidators", "conditional-polling")
            add(
                .checkpoint,
                Text(
                    "Store the cursor and the last state you saw, durably, so a restart resumes instead of replaying or skipping.",
                    "Guarda de forma duradera el cursor y el último estado visto, para que un reinicio continúe en vez de repetir o saltarse datos."
                ),
                "SyncStateStore", "sync-strategies")
        }

        mutating func feedComponents() {
            add(
                .reconciliation,
                Text(
                    "An iCal feed only says what is blocked now: diff it against stored state, and cancel a vanished event only after several misses — a feed that suddenly shrinks is held as suspicious.",
                    "Un feed iCal solo dice qué está bloqueado ahora: compáralo con el estado guardado y cancela un evento desaparecido solo tras varias ausencias; un feed que encoge de golpe queda retenido como sospechoso."
                ),
                "Reconciler", "reconciliation")
            add(
                .conflictResolution,
                Text(
                    "Several channels sell the same nights: detect overlaps beyond capacity and resolve them by policy, flagging what a person must decide.",
                    "Varios canales venden las mismas noches: detecta solapes por encima de la capacidad y resuélvelos con una política, marcando lo que debe decidir una persona."
                ),
                "ConflictResolver", "reconciliation")
        }

        mutating func syncComponents() {
            add(
                .sourceOfTruth,
                Text(
                    "Decide, field by field, which system owns the truth; the other side's copy is a cache.",
                    "Decide, campo a campo, qué sistema es dueño de la verdad; la copia del otro lado es una caché."),
                "ConflictPolicy", "sync-strategies")
            add(
                .reconciliation,
                Text(
                    "Events get lost both ways: periodically compare both sides and repair the difference.",
                    "Los eventos se pierden en ambos sentidos: compara periódicamente los dos lados y repara la diferencia."
                ),
                "Reconciler", "reconciliation")
            add(
                .conflictResolution,
                Text(
                    "Both sides change the same record: resolve by policy, and report every conflict.",
                    "Ambos lados cambian el mismo registro: resuelve con una política y reporta cada conflicto."),
                "ConflictResolver", "reconciliation")
            add(
                .echoPrevention,
                Text(
                    "Never send back what you received: export only what originated on your side, or each change loops forever.",
                    "Nunca devuelvas lo que recibiste: exporta solo lo originado en tu lado, o cada cambio rebota sin fin."
                ),
                "ICalExporter", "reconciliation")
        }

        mutating func guaranteeComponents(_ guarantee: DeliveryGuarantee) {
            switch guarantee {
            case .atLeastOnce:
                let natural = answers.naturallyIdempotent == true
                add(
                    .idempotency,
                    natural
                        ? Text(
                            "At-least-once means duplicates; your operation is idempotent by nature, and the key store still keeps side effects (emails, calls) from happening twice.",
                            "At-least-once implica duplicados; tu operación es idempotente por naturaleza, y el almacén de claves evita igualmente que los efectos secundarios (emails, llamadas) ocurran dos veces."
                        )
                        : Text(
                            "At-least-once means duplicates: deduplicate by a stable key claimed atomically before processing.",
                            "At-least-once implica duplicados: deduplica con una clave estable reclamada de forma atómica antes de procesar."
                        ),
                    "SQLiteIdempotencyStore", "idempotent-consumer")
            case .atMostOnce:
                add(
                    .fastAck,
                    Text(
                        "At-most-once: acknowledge before processing and never retry; a crash loses the message, and that loss is accepted.",
                        "At-most-once: confirma antes de procesar y no reintentes nunca; una caída pierde el mensaje, y esa pérdida se acepta."
                    ),
                    "SQLiteInbox", "decision-framework")
                warn(
                    "loss-accepted",
                    Text(
                        "At-most-once accepts losing messages: make sure every stakeholder agrees, and count what is lost.",
                        "At-most-once acepta perder mensajes: asegúrate de que todos los implicados están de acuerdo y cuenta lo que se pierde."
                    ))
            case .exactlyOnce:
                add(
                    .idempotency,
                    Text(
                        "Exactly-once is effectively-once: delivery stays at-least-once, and the deduplication key is committed with the effect.",
                        "Exactly-once es efectivamente-una-vez: la entrega sigue siendo at-least-once y la clave de deduplicación se confirma junto con el efecto."
                    ),
                    "SQLiteIdempotencyStore", "idempotent-consumer")
                add(
                    .inbox,
                    Text(
                        "Record the message id in the same transaction as the business write: either both happen or neither.",
                        "Registra el id del mensaje en la misma transacción que la escritura de negocio: ocurren ambas o ninguna."
                    ),
                    "SQLiteInbox", "idempotent-consumer")
                add(
                    .outbox,
                    Text(
                        "Messages you send as a result are written to an outbox in that same transaction and published by a relay, at least once.",
                        "Los mensajes que envías como resultado se escriben en un outbox en esa misma transacción y los publica un relay, al menos una vez."
                    ),
                    "SQLiteOutbox", "transactional-outbox")
            }
        }

        mutating func transientComponents() {
            add(
                .timeouts,
                Text(
                    "Every outbound call gets a timeout, per attempt and overall: a hung call holds a worker forever.",
                    "Toda llamada saliente tiene timeout, por intento y en total: una llamada colgada retiene un worker para siempre."
                ),
                "ResiliencePipeline", "retry-patterns")
            add(
                .retryBackoff,
                Text(
                    "Retry transient failures (timeouts, 408, 429, 5xx) with capped exponential backoff and full jitter, honouring Retry-After; never retry a 4xx.",
                    "Reintenta los fallos transitorios (timeouts, 408, 429, 5xx) con backoff exponencial acotado y full jitter, respetando Retry-After; nunca reintentes un 4xx."
                ),
                "Retrier", "retry-with-backoff")
            add(
                .circuitBreaker,
                Text(
                    "When the other side is down, stop calling it for a while and fail fast; let a few probes test it before closing again.",
                    "Cuando el otro lado está caído, deja de llamarlo un tiempo y falla rápido; deja pasar algunas sondas antes de volver a cerrar."
                ),
                "CircuitBreaker", "circuit-breaker")
            add(
                .retryBudget,
                Text(
                    "Cap retries with a shared token bucket (the AWS SDKs' 500 tokens, 5 per retry): when failure is widespread, retries stop adding load.",
                    "Limita los reintentos con un token bucket compartido (los 500 tokens de los SDK de AWS, 5 por reintento): cuando el fallo es generalizado, los reintentos dejan de añadir carga."
                ),
                "RetryBudget", "retry-patterns")
        }

        mutating func alertingComponents() {
            add(
                .alerting,
                Text(
                    "Permanent failures are not retried: a person must hear about them, with enough context to act.",
                    "Los fallos permanentes no se reintentan: una persona debe enterarse, con contexto suficiente para actuar."
                ),
                "LogAlertSink", "dead-letter-queue")
        }

        mutating func deadLetterForPartial() {
            add(
                .deadLetterQueue,
                Text(
                    "Partial failures go to a dead-letter queue with everything needed to replay them, and are redriven at a limited rate once fixed.",
                    "Los fallos parciales van a una dead-letter queue con todo lo necesario para reproducirlos, y se reinyectan a ritmo limitado una vez arreglados."
                ),
                "SQLiteDeadLetterQueue", "dead-letter-queue")
        }

        mutating func orderingComponents() {
            guard answers.ordering == true else { return }
            if provider.handlesPayments {
                add(
                    .staleEventGuard,
                    Text(
                        "Apply payment events through state machines that ignore anything older than the stored state, so any order of the same events ends the same.",
                        "Aplica los eventos de pago con máquinas de estado que ignoran lo más viejo que el estado guardado, para que cualquier orden de los mismos eventos termine igual."
                    ),
                    "SubscriptionLifecycle", "payment-edge-cases")
            }
            if answers.canRefetch == true {
                add(
                    .refetch,
                    Text(
                        "Treat each event as a trigger: fetch the object's current state from the API (with retries and the rate limit) instead of trusting the event's copy.",
                        "Trata cada evento como un disparador: obtén el estado actual del objeto desde la API (con reintentos y rate limit) en vez de fiarte de la copia del evento."
                    ),
                    "Retrier", "sync-strategies")
            }
        }

        mutating func observability() {
            add(
                .structuredLogging,
                Text(
                    "Log one structured line per message and decision (id, outcome, attempt, latency), never secrets or personal data.",
                    "Registra una línea estructurada por mensaje y decisión (id, resultado, intento, latencia), nunca secretos ni datos personales."
                ),
                "StructuredLog", "checklist")
            add(
                .metrics,
                Text(
                    "Count outcomes and measure latency: a rising duplicate or failure rate is the first sign of trouble.",
                    "Cuenta resultados y mide latencias: una tasa creciente de duplicados o fallos es la primera señal de problemas."
                ),
                "IntegrationMetrics", "checklist")
        }

        mutating func warnings(kind: IntegrationKind, guarantee: DeliveryGuarantee, errors: Set<ErrorKind>) {
            if guarantee == .exactlyOnce && (provider.isICalFeed || kind == .pull && answers.provider == nil) {
                warn(
                    "exactly-once-over-ical",
                    Text(
                        "Exactly-once is impossible over an iCal feed: it has no message ids and no acknowledgements. Make reconciliation idempotent and design for at-least-once.",
                        "Exactly-once es imposible sobre un feed iCal: no tiene ids de mensaje ni confirmaciones. Haz la reconciliación idempotente y diseña para at-least-once."
                    ))
            }
            if guarantee == .atMostOnce && provider.handlesPayments {
                warn(
                    "at-most-once-payments",
                    Text(
                        "At-most-once for payments loses money events: a customer charged but never provisioned, or a refund never recorded. Use at-least-once with idempotency.",
                        "At-most-once para pagos pierde eventos de dinero: un cliente cobrado y nunca activado, o un reembolso nunca registrado. Usa at-least-once con idempotencia."
                    ))
            }
            if kind != .pull && provider.isICalFeed {
                warn(
                    "feed-cannot-push",
                    Text(
                        "\(provider.name) publishes only an iCal feed: it cannot push to you. Choose pull, and poll it.",
                        "\(provider.name) solo publica un feed iCal: no puede enviarte nada. Elige pull y consúltalo periódicamente."
                    ))
            }
            if kind == .pull && !provider.supports.contains(.pull) {
                warn(
                    "provider-cannot-be-polled",
                    Text(
                        "\(provider.name) is a push protocol: there is nothing to poll. Choose push.",
                        "\(provider.name) es un protocolo push: no hay nada que consultar. Elige push."))
            }
            if kind != .pull && provider.signatureScheme == nil && !provider.isICalFeed {
                warn(
                    "unsigned-deliveries",
                    Text(
                        "Unsigned deliveries can be forged by anyone who finds the URL: ask the provider for an HMAC signature (describe it with GenericHMACScheme); until then use a secret path token and an IP allowlist.",
                        "Las entregas sin firma puede falsificarlas cualquiera que encuentre la URL: pide al proveedor una firma HMAC (descríbela con GenericHMACScheme); mientras tanto usa un token secreto en la ruta y una lista de IPs permitidas."
                    ))
            }
            if kind != .pull && provider.retriesAutomatically == false && errors.contains(.transient) {
                warn(
                    "no-automatic-redelivery",
                    Text(
                        "\(provider.name) does not retry: answering 5xx loses the delivery until someone redelivers it by hand. Acknowledge into the inbox and retry your own processing.",
                        "\(provider.name) no reintenta: responder 5xx pierde la entrega hasta que alguien la reenvíe a mano. Confirma hacia el inbox y reintenta tu propio procesamiento."
                    ))
            }
            if answers.ordering == true && provider.ordered != true && answers.canRefetch == false
                && !provider.handlesPayments
            {
                warn(
                    "ordering-without-refetch",
                    Text(
                        "Order matters but \(provider.name) does not guarantee it and you cannot refetch: keep a version or timestamp per object and ignore older events.",
                        "El orden importa pero \(provider.name) no lo garantiza y no puedes reconsultar: guarda una versión o marca de tiempo por objeto e ignora los eventos más viejos."
                    ))
            }
            if answers.volume == .high {
                warn(
                    "shared-store",
                    Text(
                        "At high volume several workers share the stores: SQLite serves one machine, so put the idempotency store and the dead-letter queue on a shared database (they are protocols).",
                        "Con volumen alto varios workers comparten los stores: SQLite sirve a una máquina, así que pon el almacén de idempotencia y la dead-letter queue en una base de datos compartida (son protocolos)."
                    ))
            }
        }
    }
}
