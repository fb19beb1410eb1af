/// Every command of ipm, as one table.
enum CommandTable {
    static let version = "0.1.0"

    static let root: CommandSpec = CommandSpec(
        name: "ipm",
        abstract: "Design, explain and build integrations with outside systems: webhooks, polling, sync, payments.",
        examples: [
            "ipm explain retry",
            "ipm explain \"webhooks seguros\"",
            "ipm topics --kind pattern",
            "ipm search idempotency",
        ],
        options: [
            .flag("--version", help: "Show the version."),
            .flag("--help", "-h", help: "Show help information."),
        ],
        subcommands: [
            ExplainCommand.spec,
            TopicsCommand.spec,
            SearchCommand.spec,
            ICalCommand.spec,
            HelpCommand.spec,
            CompletionCommand.spec,
            CompleteCommand.spec,
        ])
}
