internal import Foundation
internal import IntegrationPatterns
internal import Knowledge

/// `ipm simulate webhook`: a retrying provider against the real processor, stores and dead-letter queue.
enum SimulateWebhookCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "webhook",
        abstract: "Deliver webhooks with duplicates, failures and crashes to a consumer built for a guarantee.",
        discussion: """
            A provider emits --events events and retries every delivery that gets no 2xx on a Stripe-like
            schedule (1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 1 day, 1 day: about three days, in simulated
            time). It also delivers some events twice anyway (--duplicate-rate). The consumer is the real
            WebhookProcessor with a SQLite idempotency store, inbox and dead-letter queue (in memory);
            its handler fails transiently (--transient-failure-rate), meets events it can never process
            (--permanent-failure-rate), and crashes after committing its effect but before answering
            (--crash-rate).
            at-least-once acknowledges after processing and deduplicates (claim, then the effect and its
            message id in one transaction); exactly-once also writes an outbox message in that
            transaction; at-most-once acknowledges first and never retries. --no-dedup shows
            at-least-once without deduplication.
            JSON: {"delivered", "processed", "duplicates_suppressed", "dead_lettered", "lost",
            "processed_twice"}. The same seed gives the same numbers.
            """,
        examples: [
            "ipm simulate webhook --events 1000",
            "ipm simulate webhook --events 1000 --guarantee at-most-once",
            "ipm simulate webhook --events 500 --crash-rate 0.1 --no-dedup --json",
        ],
        options: [
            .value("--events", valueName: "N", help: "Distinct events (default 1000)."),
            .value("--duplicate-rate", valueName: "R", help: "Chance of an extra delivery of an event (default 0.1)."),
            .value(
                "--transient-failure-rate", valueName: "R", help: "Chance an attempt fails transiently (default 0.05)."),
            .value(
                "--permanent-failure-rate", valueName: "R",
                help: "Chance an event can never be processed (default 0.01)."),
            .value(
                "--crash-rate", valueName: "R",
                help: "Chance of a crash after the effect, before the answer (default 0.02)."),
            .value(
                "--guarantee", valueName: "guarantee", help: "at-least-once (default), at-most-once or exactly-once.",
                choices: WebhookDeliverySimulation.Guarantee.allCases.map(\.rawValue)),
            .flag("--no-dedup", help: "Deduplicate nothing (at-least-once without idempotency)."),
            .value("--seed", valueName: "N", help: "Random seed (default 42)."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        var configuration = WebhookDeliverySimulation.Configuration()
        configuration.events = try arguments.integer("--events", in: 1...1_000_000) ?? configuration.events
        configuration.duplicateRate = try arguments.double("--duplicate-rate", in: 0...1) ?? configuration.duplicateRate
        configuration.transientFailureRate =
            try arguments.double("--transient-failure-rate", in: 0...1) ?? configuration.transientFailureRate
        configuration.permanentFailureRate =
            try arguments.double("--permanent-failure-rate", in: 0...1) ?? configuration.permanentFailureRate
        configuration.crashRate = try arguments.double("--crash-rate", in: 0...1) ?? configuration.crashRate
        if let guarantee = arguments.value("--guarantee") {
            configuration.guarantee = WebhookDeliverySimulation.Guarantee(rawValue: guarantee)!
        }
        configuration.deduplicates = !arguments.has("--no-dedup")
        if let seed = try arguments.integer("--seed", in: 0...Int.max) { configuration.seed = UInt64(seed) }

        let progress = ProgressLine(context: context, label: "delivering")
        let simulation = WebhookDeliverySimulation(configuration: configuration)
        let report = try AsyncBridge.run {
            let deadLetters = try SQLiteDeadLetterQueue(database: SQLiteDatabase.inMemory())
            return try await simulation.run(deadLetters: deadLetters) { done, total in
                progress.update(done: done, total: total)
            }
        }
        progress.finish()
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(report))
            return 0
        }
        let es = context.language == .spanish
        var text =
            es
            ? "# \(configuration.events) eventos, \(configuration.guarantee.rawValue)\(configuration.deduplicates ? "" : ", sin deduplicar")\n\n"
            : "# \(configuration.events) events, \(configuration.guarantee.rawValue)\(configuration.deduplicates ? "" : ", without deduplication")\n\n"
        let rows: [(String, String, Int)] = [
            ("Delivery attempts", "Intentos de entrega", report.delivered),
            ("Processed", "Procesados", report.processed),
            ("Duplicates suppressed", "Duplicados suprimidos", report.duplicatesSuppressed),
            ("Dead-lettered", "A la dead-letter queue", report.deadLettered),
            ("Lost", "Perdidos", report.lost),
            ("Processed twice", "Procesados dos veces", report.processedTwice),
        ]
        text += es ? "| Resultado | Eventos |\n|---|---:|\n" : "| Outcome | Events |\n|---|---:|\n"
        for (english, spanish, value) in rows { text += "| \(es ? spanish : english) | \(value) |\n" }
        text += "\n" + verdict(report, configuration, es) + "\n"
        MarkdownPrinter(context: context).print(text)
        return 0
    }

    /// One sentence on what the run shows.
    static func verdict(
        _ report: WebhookDeliverySimulation.Report, _ configuration: WebhookDeliverySimulation.Configuration, _ es: Bool
    ) -> String {
        if report.processedTwice > 0 {
            return es
                ? "**\(report.processedTwice) eventos se procesaron dos veces**: sin deduplicación, at-least-once repite efectos."
                : "**\(report.processedTwice) events were processed twice**: at-least-once without deduplication repeats effects."
        }
        if report.lost > 0 {
            return es
                ? "**\(report.lost) eventos se perdieron**: es el precio de at-most-once (o de un proveedor que se rinde)."
                : "**\(report.lost) events were lost**: the price of at-most-once (or of a provider that gives up)."
        }
        return es
            ? "Nada se perdió ni se procesó dos veces; lo imposible de procesar quedó en la dead-letter queue."
            : "Nothing was lost and nothing was processed twice; what could never be processed is in the dead-letter queue."
    }
}
