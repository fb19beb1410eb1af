internal import Knowledge

/// Parses the command line against the command table.
///
/// Command words come first (`ipm webhook verify …`); options may be written `--name value` or
/// `--name=value`, anywhere after them (common options also before them); `--` ends the options.
struct ArgumentParser {
    /// What the parser found.
    struct Result {
        var command: CommandSpec
        var arguments: ParsedArguments
        var helpRequested: Bool
    }

    let root: CommandSpec

    func parse(_ tokens: [String]) throws -> Result {
        var command = root
        var path: [String] = []
        var rest: [String] = []
        var index = 0
        // Walk down the command words, keeping options met on the way.
        while index < tokens.count {
            let token = tokens[index]
            if token == "--" { break }
            if token.hasPrefix("-") && token.count > 1 {
                rest.append(token)
                if let option = command.option(named: String(token.split(separator: "=").first ?? "")),
                    option.takesValue, !token.contains("="), index + 1 < tokens.count
                {
                    rest.append(tokens[index + 1])
                    index += 1
                }
                index += 1
                continue
            }
            guard !command.subcommands.isEmpty else { break }
            if let subcommand = command.subcommand(named: token) {
                command = subcommand
                path.append(token)
                index += 1
                continue
            }
            if command.run == nil || path.isEmpty {
                let visible = command.subcommands.filter { !$0.isHidden }.map(\.name)
                var message = "Unknown command '\(token)'."
                if let best = EditDistance.suggestions(for: token, among: visible).first {
                    message += " Did you mean '\(best)'?"
                }
                throw UsageError(message, commandPath: path)
            }
            break
        }
        rest.append(contentsOf: tokens[index...])
        return try parseOptions(rest, command: command, path: path)
    }

    private func parseOptions(_ tokens: [String], command: CommandSpec, path: [String]) throws -> Result {
        var parsed = ParsedArguments(commandPath: path)
        var helpRequested = false
        var index = 0
        var optionsEnded = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if optionsEnded || token == "-" || !token.hasPrefix("-") || isNegativeNumber(token) {
                parsed.positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            var name = token
            var inlineValue: String?
            if let equals = token.firstIndex(of: "="), token.hasPrefix("--") {
                name = String(token[..<equals])
                inlineValue = String(token[token.index(after: equals)...])
            }
            guard let option = command.option(named: name) else {
                var message = "Unknown option '\(name)'."
                let spellings = command.allOptions.flatMap(\.names).filter { $0.hasPrefix("--") }
                if let best = EditDistance.suggestions(for: name, among: spellings).first {
                    message += " Did you mean '\(best)'?"
                }
                throw UsageError(message, commandPath: path)
            }
            if option.name == "--help" {
                helpRequested = true
                continue
            }
            guard option.takesValue else {
                if inlineValue != nil {
                    throw UsageError("The flag '\(option.name)' does not take a value.", commandPath: path)
                }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < tokens.count {
                value = tokens[index]
                index += 1
            } else {
                throw UsageError("Missing value for '\(option.name) <\(option.valueName!)>'.", commandPath: path)
            }
            if let choices = option.choices, !choices.contains(value) {
                throw UsageError(
                    "Invalid value '\(value)' for '\(option.name)': expected one of \(choices.joined(separator: ", ")).",
                    commandPath: path)
            }
            if option.repeatable {
                parsed.values[option.name, default: []].append(value)
            } else {
                parsed.values[option.name] = [value]
            }
        }
        if helpRequested { return Result(command: command, arguments: parsed, helpRequested: true) }
        try validatePositionals(parsed, command: command, path: path)
        return Result(command: command, arguments: parsed, helpRequested: false)
    }

    private func validatePositionals(_ parsed: ParsedArguments, command: CommandSpec, path: [String]) throws {
        if command.run == nil && !command.subcommands.isEmpty || path.isEmpty && !parsed.positionals.isEmpty {
            let names = command.subcommands.filter { !$0.isHidden }.map(\.name).joined(separator: ", ")
            throw UsageError("Missing subcommand: choose one of \(names).", commandPath: path)
        }
        let specs = command.arguments
        let variadic = specs.last?.isVariadic ?? false
        if !variadic && parsed.positionals.count > specs.count {
            throw UsageError("Unexpected argument '\(parsed.positionals[specs.count])'.", commandPath: path)
        }
        for (position, spec) in specs.enumerated() {
            if position >= parsed.positionals.count {
                if !spec.isOptional {
                    throw UsageError("Missing expected argument '<\(spec.name)>'.", commandPath: path)
                }
                continue
            }
            if let choices = spec.choices {
                let values = spec.isVariadic ? Array(parsed.positionals[position...]) : [parsed.positionals[position]]
                for value in values where !choices.contains(value) {
                    throw UsageError(
                        "Invalid value '\(value)' for '<\(spec.name)>': expected one of \(choices.joined(separator: ", ")).",
                        commandPath: path)
                }
            }
        }
    }

    private func isNegativeNumber(_ token: String) -> Bool {
        token.count > 1 && token.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }
}
