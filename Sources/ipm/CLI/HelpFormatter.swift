/// Formats help and usage text from command specs, the same way for every command.
struct HelpFormatter {
    let root: CommandSpec

    /// The spec at `path` (empty for the root).
    func command(at path: [String]) -> CommandSpec? {
        var command = root
        for name in path {
            guard let next = command.subcommand(named: name) else { return nil }
            command = next
        }
        return command
    }

    /// `ipm webhook verify`.
    func fullName(_ path: [String]) -> String {
        ([root.name] + path).joined(separator: " ")
    }

    /// The one-line usage of the command at `path`.
    func usage(_ path: [String]) -> String {
        guard let command = command(at: path) else { return root.name }
        var parts = [fullName(path)]
        if !command.subcommands.isEmpty && command.run == nil {
            parts.append("<subcommand>")
        }
        for argument in command.arguments {
            var text = "<\(argument.name)>"
            if argument.isVariadic { text += " ..." }
            parts.append(argument.isOptional ? "[\(text)]" : text)
        }
        for option in command.options {
            var text = option.name
            if let valueName = option.valueName { text += " <\(valueName)>" }
            if option.repeatable { text += " ..." }
            parts.append("[\(text)]")
        }
        parts.append("[<common options>]")
        return parts.joined(separator: " ")
    }

    /// The full help of the command at `path`: overview, examples first, usage, arguments, options.
    func help(_ path: [String]) -> String {
        guard let command = command(at: path) else { return "" }
        var text = "OVERVIEW: \(command.abstract)\n"
        if !command.examples.isEmpty {
            text += "\nEXAMPLES:\n"
            for example in command.examples { text += "  \(example)\n" }
        }
        if path.isEmpty {
            text += "\nUSAGE: \(root.name) <command> [<options>]\n"
        } else {
            text += "\nUSAGE: \(usage(path))\n"
        }
        if !command.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in command.arguments {
                text += row("<\(argument.name)>", argument.help)
            }
        }
        let visibleSubcommands = command.subcommands.filter { !$0.isHidden }
        if !visibleSubcommands.isEmpty {
            text += path.isEmpty ? "\nCOMMANDS:\n" : "\nSUBCOMMANDS:\n"
            for subcommand in visibleSubcommands {
                text += row(subcommand.name, subcommand.abstract)
            }
        }
        let options = path.isEmpty ? command.options : command.allOptions
        if !options.isEmpty {
            text += "\nOPTIONS:\n"
            for option in options {
                var names = option.names.sorted { $0.count < $1.count }.joined(separator: ", ")
                if let valueName = option.valueName { names += " <\(valueName)>" }
                text += row(names, option.help)
            }
        }
        if !command.discussion.isEmpty {
            text += "\n" + command.discussion.trimmingTrailingNewlines() + "\n"
        }
        if path.isEmpty {
            text += "\nSee '\(root.name) help <command>' for more on a command.\n"
        }
        return text
    }

    /// The text of a usage error: `Error:`, `Usage:` and where to look for help.
    func usageError(_ error: UsageError) -> String {
        let name = fullName(error.commandPath)
        var text = "Error: \(error.message)\n"
        if error.commandPath.isEmpty {
            text += "Usage: \(root.name) <command> [<options>]\n"
        } else {
            text += "Usage: \(usage(error.commandPath))\n"
        }
        text += "See '\(name) --help' for more information.\n"
        return text
    }

    private func row(_ left: String, _ right: String) -> String {
        let column = 26
        if left.count + 2 >= column {
            return "  \(left)\n" + String(repeating: " ", count: column) + right + "\n"
        }
        return "  " + left + String(repeating: " ", count: column - 2 - left.count) + right + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
