/// `ipm repl` (and `ipm` alone): the interactive session.
enum ReplCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "repl",
        abstract: "Start the interactive session: the design wizard, explanations, and the seed's phrases.",
        discussion: """
            Commands: design, explain <topic>, topics, search <words>, checklist, card, save FILE, load FILE,
            scaffold, help, quit. Phrases such as "Diseñar integración", "Webhooks seguros", "Retry patterns",
            "Sincronizar datos", "Integrar Stripe/pagos" and "Explicar mi integración" (and their English
            forms) work without regard to accents or case. History is kept in $XDG_STATE_HOME/ipm/history.
            With standard input not a terminal, lines are read as commands with no prompt (ipm < session.txt).
            """,
        examples: ["ipm", "ipm repl --lang es", "printf 'design\\npush\\n\\n\\nstripe\\n\\n\\n\\n\\nyes\\n' | ipm"],
        run: { _, context in ReplSession(context: context).run() })
}
