/// `ipm help [command…]`: the same help as `--help`.
enum HelpCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "help",
        abstract: "Show help for ipm or one of its commands.",
        examples: ["ipm help", "ipm help explain", "ipm help webhook verify"],
        arguments: [
            ArgumentSpec(name: "command", help: "The command to describe.", isOptional: true, isVariadic: true)
        ],
        run: { arguments, context in
            let formatter = HelpFormatter(root: CommandTable.root)
            guard formatter.command(at: arguments.positionals) != nil else {
                let known = CommandTable.root.subcommands.filter { !$0.isHidden }.map(\.name)
                var message = "Unknown command '\(arguments.positionals.joined(separator: " "))'."
                if let first = arguments.positionals.first,
                    let best = EditDistanceSuggestion.best(for: first, among: known)
                {
                    message += " Did you mean '\(best)'?"
                }
                throw UsageError(message, commandPath: ["help"])
            }
            context.out(formatter.help(arguments.positionals))
            return 0
        })
}
