/// Every command of ipm, as one table.
enum CommandTable {
    static let version = "0.1.0"

    static let root: CommandSpec = CommandSpec(
        name: "ipm",
        abstract: "Design, explain and build integrations with outside systems: webhooks, polling, sync, payments.",
        examples: [
            "ipm                                    # the interactive session",
            "ipm design --kind push --guarantee at-least-once --errors transient,permanent --provider stripe",
            "ipm explain retry",
            "ipm explain \"webhooks seguros\"",
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
            DesignCommand.spec,
            ChecklistCommand.spec,
            ScaffoldCommand.spec,
            ReplCommand.spec,
            WebhookCommand.spec,
            SimulateCommand.spec,
            DLQCommand.spec,
            MoneyCommand.spec,
            ICalCommand.spec,
            HelpCommand.spec,
            CompletionCommand.spec,
            CompleteCommand.spec,
        ],
        // `ipm` alone (or with only common options) starts the interactive session.
        run: { _, context in ReplSession(context: context).run() })
}
