internal import Knowledge

/// `ipm __complete <words…>`: the candidates for the last word, used by the completion scripts.
enum CompleteCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "__complete",
        abstract: "Print completion candidates for the last of the given words.",
        arguments: [ArgumentSpec(name: "words", help: "The words typed so far.", isOptional: true, isVariadic: true)],
        isHidden: true,
        run: { arguments, context in
            let candidates = complete(arguments.positionals, catalog: { context.catalog })
            if !candidates.isEmpty { context.out(candidates.joined(separator: "\n") + "\n") }
            return 0
        })

    /// The candidates for the last word of `words` (the word being typed, possibly empty).
    static func complete(_ words: [String], catalog: () -> Catalog) -> [String] {
        var words = words
        let current = words.popLast() ?? ""
        var command = CommandTable.root
        var positionals: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word.hasPrefix("-") {
                if let option = command.option(named: word), option.takesValue, !word.contains("=") { index += 1 }
                continue
            }
            if positionals.isEmpty, let subcommand = command.subcommand(named: word) {
                command = subcommand
            } else {
                positionals.append(word)
            }
        }
        var candidates: [String]
        if let previous = words.last, previous.hasPrefix("-"), let option = command.option(named: previous),
            option.takesValue
        {
            candidates = values(for: option.completion, catalog: catalog)
        } else if current.hasPrefix("-") {
            candidates = command.allOptions.flatMap(\.names).filter { $0.hasPrefix("--") }
        } else if !command.subcommands.isEmpty && positionals.isEmpty {
            candidates = command.subcommands.filter { !$0.isHidden }.map(\.name)
        } else if let argument = argument(of: command, at: positionals.count) {
            candidates = values(for: argument.choices.map { .choices($0) } ?? argument.completion, catalog: catalog)
        } else {
            candidates = []
        }
        return candidates.filter { $0.hasPrefix(current) }
    }

    private static func argument(of command: CommandSpec, at position: Int) -> ArgumentSpec? {
        if position < command.arguments.count { return command.arguments[position] }
        if let last = command.arguments.last, last.isVariadic { return last }
        return nil
    }

    private static func values(for kind: CompletionKind, catalog: () -> Catalog) -> [String] {
        switch kind {
        case .none, .files: return []
        case .topics: return catalog().ids
        case .choices(let choices): return choices
        }
    }
}
