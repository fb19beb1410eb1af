/// The seed's robustness checklist (security, reliability, idempotency, observability), each item judged
/// for a design: does it apply, and why.
public enum Checklist {
    /// Every item, judged for the answers and the components the design chose.
    public static func judge(answers: Answers, provider: ProviderProfile, components: Set<ComponentID>)
        -> [ChecklistEntry]
    {
        let kind = answers.kind ?? .push
        let receives = kind != .pull
        let errors = Set(answers.errors ?? [])
        var entries: [ChecklistEntry] = []
        func add(_ id: String, _ group: ChecklistEntry.Group, _ item: Text, _ applies: Bool, _ reason: Text) {
            entries.append(ChecklistEntry(id: id, group: group, item: item, applies: applies, reason: reason))
        }

        // Security.
        add(
            "signature-verification", .security,
            Text("Signature verification on webhooks", "Verificación de firmas en webhooks"),
            receives,
            receives
                ? Text(
                    "You receive deliveries: verify each over its raw body before anything else.",
                    "Recibes entregas: verifica cada una sobre su cuerpo crudo antes de nada.")
                : Text(
                    "You only poll: nothing is delivered to you to verify.",
                    "Solo consultas: no te entregan nada que verificar."))
        add(
            "secrets-in-environment", .security,
            Text("Secrets in environment variables", "Secretos en variables de entorno"), true,
            Text(
                "Signing secrets, API keys and feed URLs with tokens are secrets: environment or a secrets manager, never code or argv.",
                "Secretos de firma, claves de API y URLs de feeds con token son secretos: entorno o gestor de secretos, nunca código ni argv."
            ))
        add(
            "https", .security, Text("HTTPS for all endpoints", "HTTPS en todos los endpoints"), true,
            receives
                ? Text(
                    "Your endpoint receives signed payloads and must not leak them.",
                    "Tu endpoint recibe payloads firmados y no debe filtrarlos.")
                : Text(
                    "Fetch feeds and APIs over HTTPS only: iCal URLs carry their access token.",
                    "Consulta feeds y APIs solo por HTTPS: las URLs iCal llevan su token de acceso."))
        add(
            "rate-limit-endpoints", .security,
            Text("Rate limiting on public endpoints", "Rate limiting en endpoints públicos"), receives,
            receives
                ? Text(
                    "A public URL attracts scanners: limit per source, generously for the provider.",
                    "Una URL pública atrae escáneres: limita por origen, con generosidad para el proveedor.")
                : Text(
                    "You expose no endpoint; limit your own calls to the provider instead (see rate-limiter).",
                    "No expones endpoint; limita en cambio tus llamadas al proveedor (ver rate-limiter)."))
        let signsTimestamp = ["stripe", "standard"].contains(provider.signatureScheme ?? "")
        add(
            "replay-window", .security,
            Text("Replay window on signed timestamps", "Ventana anti-replay sobre marcas de tiempo firmadas"),
            receives && signsTimestamp,
            receives && signsTimestamp
                ? Text(
                    "\(provider.name) signs a timestamp: refuse deliveries more than 300 s away from now.",
                    "\(provider.name) firma una marca de tiempo: rechaza entregas a más de 300 s de ahora.")
                : Text(
                    "No signed timestamp to check: replays are caught by the delivery-id store.",
                    "No hay marca de tiempo firmada: las repeticiones las detecta el almacén de ids."))

        // Reliability.
        add(
            "retry-backoff", .reliability, Text("Retry with exponential backoff", "Retry con exponential backoff"),
            errors.contains(.transient),
            errors.contains(.transient)
                ? Text(
                    "Transient errors are planned for: capped exponential backoff with jitter, and Retry-After honoured.",
                    "Se contemplan errores transitorios: backoff exponencial acotado con jitter, respetando Retry-After."
                )
                : Text(
                    "No transient errors planned for: nothing to retry.",
                    "No se contemplan errores transitorios: nada que reintentar."))
        let dlq = components.contains(.deadLetterQueue)
        add(
            "dead-letter-queue", .reliability,
            Text("Dead letter queue for failures", "Dead letter queue para failures"), dlq,
            dlq
                ? Text(
                    "Messages that cannot be processed are parked for a person, not retried forever nor dropped.",
                    "Los mensajes que no pueden procesarse se aparcan para una persona, ni se reintentan sin fin ni se tiran."
                )
                : Text(
                    "Nothing is parked in this design: failures are retried or alerted.",
                    "En este diseño no se aparca nada: los fallos se reintentan o se alertan."))
        add(
            "timeouts", .reliability, Text("Timeouts configured", "Timeouts configurados"), true,
            receives
                ? Text(
                    "Your handler answers within the sender's timeout, and your outbound calls have their own.",
                    "Tu handler responde dentro del timeout del emisor, y tus llamadas salientes tienen el suyo.")
                : Text(
                    "Every fetch has a timeout: a hung feed must not stall the poller.",
                    "Cada consulta tiene timeout: un feed colgado no debe parar el sondeo."))
        let breaker = components.contains(.circuitBreaker)
        add(
            "circuit-breaker", .reliability, Text("Circuit breaker if applicable", "Circuit breaker si aplica"),
            breaker,
            breaker
                ? Text(
                    "You call a dependency that can go down: fail fast while it is down.",
                    "Llamas a una dependencia que puede caerse: falla rápido mientras esté caída.")
                : Text(
                    "No transient failures of outbound calls are planned for.",
                    "No se contemplan fallos transitorios de llamadas salientes."))

        // Idempotency.
        let deduplicates = components.contains(.idempotency) || kind == .pull
        add(
            "unique-key", .idempotency, Text("Unique key for each operation", "Unique key para cada operación"),
            deduplicates,
            kind == .pull
                ? Text(
                    "Each feed item needs a stable key (a UID, else source and checkout date) to match it across fetches.",
                    "Cada elemento del feed necesita una clave estable (un UID, o si no origen y fecha de salida) para emparejarlo entre descargas."
                )
                : Text(
                    "Use \(provider.eventID?.en ?? "the provider's event id") as the key.",
                    "Usa \(provider.eventID?.es ?? "el id de evento del proveedor") como clave."))
        let claims = components.contains(.idempotency)
        add(
            "claim-before-processing", .idempotency,
            Text("Check before processing — atomically", "Check antes de procesar — de forma atómica"), claims,
            claims
                ? Text(
                    "Claim the key in one atomic statement; check-then-insert lets two concurrent duplicates through.",
                    "Reclama la clave en una sentencia atómica; comprobar-y-luego-insertar deja pasar dos duplicados concurrentes."
                )
                : Text(
                    "Pull reconciliation compares state instead of claiming messages.",
                    "La reconciliación pull compara estado en vez de reclamar mensajes."))
        add(
            "consistent-duplicate-response", .idempotency,
            Text("Consistent response for duplicates", "Respuesta consistente para duplicados"), receives,
            receives
                ? Text(
                    "Replay the stored response to every duplicate, so the sender stops retrying.",
                    "Devuelve la respuesta guardada a cada duplicado, para que el emisor deje de reintentar.")
                : Text("Nobody sends you duplicates to answer.", "Nadie te envía duplicados a los que responder."))
        let horizon = provider.retryHorizonSeconds
        add(
            "retention-covers-retries", .idempotency,
            Text("Keys kept as long as the sender retries", "Claves guardadas mientras el emisor reintente"),
            receives && horizon != nil,
            receives && horizon != nil
                ? Text(
                    "\(provider.name) retries for \(horizon! / 3600) h: expire keys no sooner.",
                    "\(provider.name) reintenta durante \(horizon! / 3600) h: no caduques las claves antes.")
                : Text(
                    "No known retry horizon: size the retention from the sender's documentation.",
                    "Sin horizonte de reintentos conocido: dimensiona la retención según la documentación del emisor."))

        // Observability.
        add(
            "structured-logs", .observability, Text("Structured logs", "Logs estructurados"), true,
            Text(
                "One line per message and decision, with ids; mask personal data.",
                "Una línea por mensaje y decisión, con ids; enmascara los datos personales."))
        add(
            "metrics", .observability, Text("Latency and error metrics", "Métricas de latencia y errores"), true,
            Text(
                "Outcome counts and latency percentiles show trouble before customers do.",
                "Los recuentos de resultados y los percentiles de latencia muestran los problemas antes que los clientes."
            ))
        add(
            "alerts", .observability, Text("Alerts for failures", "Alertas para failures"), true,
            components.contains(.alerting)
                ? Text(
                    "Dead letters and permanent failures page a person.",
                    "Los mensajes muertos y los fallos permanentes avisan a una persona.")
                : Text(
                    "Alert when syncs stop succeeding: silence is the failure mode of polling.",
                    "Alerta cuando las sincronizaciones dejan de funcionar: el silencio es el modo de fallo del polling."
                ))
        let dashboard = answers.volume != .low
        add(
            "health-dashboard", .observability, Text("Health dashboard", "Dashboard de health"), dashboard,
            dashboard
                ? Text(
                    "At this volume someone watches the rates daily.",
                    "Con este volumen alguien vigila las tasas a diario.")
                : Text(
                    "At low volume alerts are enough; a dashboard can wait.",
                    "Con poco volumen bastan las alertas; el dashboard puede esperar."))
        return entries
    }
}
