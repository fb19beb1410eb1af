/// `ipm simulate …`: experiments that show how integration patterns behave, run in simulated time.
///
/// Each experiment is a subcommand in its own file; add one to `subcommands`.
enum SimulateCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "simulate",
        abstract: "Run an experiment in simulated time: how backoff strategies behave under contention.",
        examples: [
            "ipm simulate backoff",
            "ipm simulate backoff --clients 100 --json",
        ],
        subcommands: [
            SimulateBackoffCommand.spec,
        ])
}
