/// `ipm simulate …`: experiments that show how integration patterns behave, run in simulated time.
///
/// Each experiment is a subcommand in its own file; add one to `subcommands`.
enum SimulateCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "simulate",
        abstract: "Run an experiment in simulated time: backoff under contention, webhook delivery guarantees.",
        examples: [
            "ipm simulate backoff",
            "ipm simulate backoff --clients 100 --json",
            "ipm simulate webhook --events 1000 --guarantee at-most-once",
        ],
        subcommands: [
            SimulateBackoffCommand.spec,
            SimulateWebhookCommand.spec,
        ])
}
