internal import Foundation
internal import IntegrationPatterns

/// `ipm dlq …`: look at, export, import and purge the dead-letter queue.
enum DLQCommand {
    static let databaseHelp =
        "The queue's SQLite file (default: $XDG_STATE_HOME/ipm/dlq.sqlite, else ~/.local/state/ipm/dlq.sqlite)."

    static let spec: CommandSpec = CommandSpec(
        name: "dlq",
        abstract: "Inspect the dead-letter queue: list, show, export, import, purge.",
        discussion: """
            The queue is a SQLite database (SQLiteDeadLetterQueue): by default
            $XDG_STATE_HOME/ipm/dlq.sqlite, else ~/.local/state/ipm/dlq.sqlite; --db picks another file,
            such as the one your service writes. A missing file is an empty queue and is not created by
            list, show, export or purge. Export before you purge.
            """,
        examples: [
            "ipm dlq list",
            "ipm dlq show 42",
            "ipm dlq export > dead-letters.jsonl",
            "ipm dlq purge --before 2024-06-01",
            "ipm dlq list --db /var/lib/billing/integration.sqlite --json",
        ],
        subcommands: [listSpec, showSpec, exportSpec, importSpec, purgeSpec])

    static let databaseOption = OptionSpec.value("--db", valueName: "path", help: databaseHelp, completion: .files)
    static let jsonOption = OptionSpec.flag("--json", help: "Print JSON for scripts.")

    static let listSpec = CommandSpec(
        name: "list",
        abstract: "List parked messages, oldest first.",
        discussion: """
            JSON output is an array of dead letters, each {"id", "source", "key", "reason", "error",
            "attempts", "first_failed_at", "last_failed_at", "headers", "payload", "payload_base64"}
            (dates ISO 8601 UTC; headers as [name, value] pairs; payload as UTF-8 text or null); an empty
            queue is [].
            """,
        examples: ["ipm dlq list", "ipm dlq list --source webhook:stripe --limit 20", "ipm dlq list --json"],
        options: [
            databaseOption,
            .value("--source", valueName: "source", help: "Only messages from this source."),
            .value("--limit", valueName: "N", help: "At most N messages (default 100)."),
            jsonOption,
        ],
        run: list)

    static let showSpec = CommandSpec(
        name: "show",
        abstract: "Show one parked message in full: headers, error and payload.",
        discussion:
            "Exit status 1 when there is no message with that id. JSON output is one dead letter (see 'ipm dlq list --help').",
        examples: ["ipm dlq show 42", "ipm dlq show 42 --json"],
        arguments: [ArgumentSpec(name: "id", help: "The message's id, as listed.")],
        options: [databaseOption, jsonOption],
        run: show)

    static let exportSpec = CommandSpec(
        name: "export",
        abstract: "Write parked messages as JSON lines, oldest first (one dead letter per line).",
        discussion: "Each line has the keys of 'ipm dlq list --json'. 'ipm dlq import' reads them back.",
        examples: ["ipm dlq export > dead-letters.jsonl", "ipm dlq export --source ical:airbnb"],
        options: [databaseOption, .value("--source", valueName: "source", help: "Only messages from this source.")],
        run: export)

    static let importSpec = CommandSpec(
        name: "import",
        abstract: "Park the dead letters of a JSON-lines file (as written by export); - reads standard input.",
        discussion: """
            Every line is checked before anything is written: a malformed line is reported with its
            number and nothing is imported (exit status 65). Messages get new ids; one already parked
            under the same source and key is merged, its attempts added.
            """,
        examples: ["ipm dlq import dead-letters.jsonl", "ipm dlq export --db old.sqlite | ipm dlq import -"],
        arguments: [
            ArgumentSpec(name: "file", help: "A JSON-lines file, or - for standard input.", completion: .files)
        ],
        options: [databaseOption, jsonOption],
        run: importLines)

    static let purgeSpec = CommandSpec(
        name: "purge",
        abstract: "Delete parked messages that last failed before a date, or all of them.",
        discussion: "One of --before or --all is required. JSON output: {\"purged\": N}.",
        examples: [
            "ipm dlq purge --before 2024-06-01", "ipm dlq purge --before 2024-06-01T12:00:00Z", "ipm dlq purge --all",
        ],
        options: [
            databaseOption,
            .value(
                "--before", valueName: "date",
                help: "Delete messages whose last failure is before this date (ISO 8601, UTC)."),
            .flag("--all", help: "Delete every message."),
            jsonOption,
        ],
        run: purge)

    // MARK: - Running

    static func list(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let limit = try arguments.integer("--limit", in: 1...1_000_000) ?? 100
        let source = arguments.value("--source")
        let letters = try withQueue(arguments, context, create: false) { queue in
            try await queue?.list(source: source, limit: limit) ?? []
        }
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(letters.map(DeadLetter.JSONRecord.init)))
            return 0
        }
        guard !letters.isEmpty else {
            context.err("No dead letters in \(path(arguments, context)).\n")
            return 0
        }
        let rows = letters.map { letter in
            [
                String(letter.id ?? 0), letter.source, letter.key ?? "-", letter.reason, String(letter.attempts),
                shortDate(letter.lastFailedAt), oneLine(letter.error, limit: 60),
            ]
        }
        context.out(table(header: ["ID", "SOURCE", "KEY", "REASON", "ATTEMPTS", "LAST FAILURE", "ERROR"], rows: rows))
        return 0
    }

    static func show(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let word = arguments.positionals[0]
        guard let id = Int64(word), id > 0 else {
            throw UsageError(
                "Invalid id '\(word)': expected a positive whole number, as in 'ipm dlq list'.",
                commandPath: arguments.commandPath)
        }
        let found = try withQueue(arguments, context, create: false) { queue in try await queue?.get(id: id) }
        guard let letter = found else {
            context.err("No dead letter with id \(id) in \(path(arguments, context)).\n")
            return CommandFailure.Code.negative.rawValue
        }
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(DeadLetter.JSONRecord(letter)))
            return 0
        }
        var text = "Dead letter \(id)\n"
        text += "  source:        \(letter.source)\n"
        text += "  key:           \(letter.key ?? "-")\n"
        text += "  reason:        \(letter.reason)\n"
        text += "  attempts:      \(letter.attempts)\n"
        text += "  first failure: \(DeadLetter.JSONRecord(letter).firstFailedAt)\n"
        text += "  last failure:  \(DeadLetter.JSONRecord(letter).lastFailedAt)\n"
        text += "  error:         \(letter.error)\n"
        text += "\nHeaders:\n"
        if letter.headers.isEmpty { text += "  (none)\n" }
        for field in letter.headers { text += "  \(field.name): \(field.value)\n" }
        if let payload = String(validating: letter.payload, as: UTF8.self) {
            text += "\nPayload (\(letter.payload.count) bytes):\n\(payload)\n"
        } else {
            text +=
                "\nPayload (\(letter.payload.count) bytes, not UTF-8; base64):\n\(Data(letter.payload).base64EncodedString())\n"
        }
        context.out(text)
        return 0
    }

    static func export(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let source = arguments.value("--source")
        let lines = try withQueue(arguments, context, create: false) { queue -> [String] in
            var lines: [String] = []
            try await queue?.exportJSONLines(source: source) { lines.append($0) }
            return lines
        }
        context.out(lines.map { $0 + "\n" }.joined())
        return 0
    }

    static func importLines(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let name = arguments.positionals[0]
        let data: Data
        if name == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: name) else {
                throw CommandFailure(.ioError, "cannot read '\(name)'.")
            }
            data = contents
        }
        var letters: [DeadLetter] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                letters.append(try DeadLetter(jsonLine: trimmed))
            } catch {
                throw CommandFailure(
                    .dataError,
                    "\(name == "-" ? "standard input" : name), line \(index + 1): not a dead letter (\(describe(error))). Nothing was imported."
                )
            }
        }
        let imported = letters
        let count = try withQueue(arguments, context, create: true) { queue -> Int in
            guard let queue else { return 0 }
            for letter in imported { try await queue.enqueue(letter) }
            return imported.count
        }
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(["imported": count]))
        } else {
            context.out("Imported \(count) dead letter\(count == 1 ? "" : "s") into \(path(arguments, context)).\n")
        }
        return 0
    }

    static func purge(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let all = arguments.has("--all")
        var before: Date?
        if let text = arguments.value("--before") {
            guard !all else {
                throw UsageError("Give either '--before' or '--all', not both.", commandPath: arguments.commandPath)
            }
            guard let date = parseDate(text) else {
                throw UsageError(
                    "Invalid value '\(text)' for '--before': expected an ISO 8601 date such as 2024-06-01 or 2024-06-01T12:00:00Z.",
                    commandPath: arguments.commandPath)
            }
            before = date
        } else if !all {
            throw UsageError("Say what to purge: '--before <date>' or '--all'.", commandPath: arguments.commandPath)
        }
        let cutoff = before
        let count = try withQueue(arguments, context, create: false) { queue in
            try await queue?.purge(lastFailedBefore: cutoff) ?? 0
        }
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(["purged": count]))
        } else {
            context.out("Purged \(count) dead letter\(count == 1 ? "" : "s").\n")
        }
        return 0
    }

    // MARK: - Helpers

    /// The database path: `--db`, else `$XDG_STATE_HOME/ipm/dlq.sqlite`, else `~/.local/state/ipm/dlq.sqlite`.
    static func path(_ arguments: ParsedArguments, _ context: Context) -> String {
        if let path = arguments.value("--db") { return path }
        if let state = context.environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/ipm/dlq.sqlite"
        }
        let home = context.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/ipm/dlq.sqlite"
    }

    /// Opens the queue (or passes `nil` when the file is missing and `create` is false) and runs `body`.
    static func withQueue<T: Sendable>(
        _ arguments: ParsedArguments, _ context: Context, create: Bool,
        _ body: @escaping @Sendable (SQLiteDeadLetterQueue?) async throws -> T
    ) throws -> T {
        let path = path(arguments, context)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw CommandFailure(.ioError, "'\(path)' is a directory, not a dead-letter database.")
        }
        do {
            let queue = exists || create ? try SQLiteDeadLetterQueue(path: path) : nil
            return try AsyncBridge.run { try await body(queue) }
        } catch let error as SQLiteError {
            switch error.code.primary {
            case .notADatabase, .corrupt:
                throw CommandFailure(.dataError, "'\(path)' is not a dead-letter database (\(error.message)).")
            default:
                throw CommandFailure(.ioError, "cannot use the dead-letter database '\(path)': \(error.message).")
            }
        }
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private static func shortDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func oneLine(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: return "invalid JSON"
        }
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
