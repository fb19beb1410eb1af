internal import Foundation
internal import Knowledge

/// Runs one invocation of ipm: parse, dispatch, and map every failure to its exit code.
enum Application {
    static func run(arguments: [String], environment: [String: String]) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let context = Context(
            environment: environment, standardOutput: OutputStream(fileDescriptor: 1),
            standardError: OutputStream(fileDescriptor: 2))
        if arguments.first == CompleteCommand.spec.name {
            // Every word after __complete is a word being completed, options included.
            var parsed = ParsedArguments(commandPath: [CompleteCommand.spec.name])
            parsed.positionals = Array(arguments.dropFirst())
            return (try? CompleteCommand.spec.run!(parsed, context)) ?? 0
        }
        return dispatch(arguments: arguments, context: context)
    }

    /// Parses and runs a command in `context` (also used by the REPL for its commands), mapping every
    /// failure to its message and exit code.
    static func dispatch(arguments: [String], context: Context) -> Int32 {
        let formatter = HelpFormatter(root: CommandTable.root)
        do {
            let parsed = try ArgumentParser(root: CommandTable.root).parse(arguments)
            context.noColor = parsed.arguments.has("--no-color")
            context.language = Language.preferred(
                flag: parsed.arguments.value("--lang"), environment: context.environment)
            if parsed.arguments.has("--version") && parsed.arguments.commandPath.isEmpty {
                context.out(CommandTable.version + "\n")
                return 0
            }
            if parsed.helpRequested {
                context.out(formatter.help(parsed.arguments.commandPath))
                return 0
            }
            guard let run = parsed.command.run else {
                context.out(formatter.help(parsed.arguments.commandPath))
                return 0
            }
            return try run(parsed.arguments, context)
        } catch let error as UsageError {
            context.err(formatter.usageError(error))
            return CommandFailure.Code.usage.rawValue
        } catch let error as TopicNotFound {
            context.err(error.message)
            return CommandFailure.Code.negative.rawValue
        } catch let error as CommandFailure {
            context.err("Error: \(error.message)\n")
            return error.code.rawValue
        } catch {
            context.err("Error: internal failure: \(error)\n")
            return CommandFailure.Code.internalError.rawValue
        }
    }
}
