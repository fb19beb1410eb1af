/// A command of the tool: its help, its arguments and options, its subcommands and what it runs.
///
/// Every command is described by one of these tables; parsing, help, errors and shell completion are
/// all derived from it, so they stay consistent across commands.
struct CommandSpec: Sendable {
    typealias Run = @Sendable (ParsedArguments, Context) throws -> Int32

    /// The word that selects the command (`explain`, or `verify` under `webhook`).
    var name: String
    /// One line on what it does.
    var abstract: String
    /// More on how it behaves, shown after the examples.
    var discussion: String = ""
    /// Example invocations, shown first in help.
    var examples: [String] = []
    /// Positional arguments, in order.
    var arguments: [ArgumentSpec] = []
    /// Options specific to the command (the common ones are added by `allOptions`).
    var options: [OptionSpec] = []
    /// Subcommands, for command groups such as `webhook`.
    var subcommands: [CommandSpec] = []
    /// Hidden commands are left out of help and completion lists.
    var isHidden = false
    /// What the command does; `nil` for a group that only dispatches.
    var run: Run? = nil

    /// Options every command accepts.
    static let commonOptions: [OptionSpec] = [
        .value(
            "--lang", valueName: "es|en", help: "Language of content and messages (default: from the environment).",
            choices: ["en", "es"]),
        .flag("--no-color", help: "Never use colours or styles."),
        .flag("--help", "-h", help: "Show help information."),
    ]

    /// The command's options followed by the common ones.
    var allOptions: [OptionSpec] { options + Self.commonOptions }

    /// The option with this spelling.
    func option(named name: String) -> OptionSpec? {
        allOptions.first { $0.names.contains(name) }
    }

    /// The visible subcommand with this name.
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
