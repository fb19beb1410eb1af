internal import Foundation
internal import IntegrationPatterns

/// `ipm ical export --db PATH --unit NAME`: the calendar to give the channels.
enum ICalExportCommand {
    static let spec = CommandSpec(
        name: "export",
        abstract: "Write the unit's own blocks (direct bookings, closures) as a calendar for the channels to import.",
        discussion: """
            Only blocks whose source is 'direct' are written: those synced from '--feed direct=…' (your booking
            engine's or your own calendar). Blocks imported from a channel are never exported, which is what
            keeps bookings from echoing between channels. Every event's SUMMARY is 'Not available'; guest details
            never leave. Writes to standard output, or atomically to --output.
            """,
        examples: [
            "ipm ical export --db sync.sqlite --unit A1",
            "ipm ical export --db sync.sqlite --unit A1 --output /var/www/cal/a1.ics --name \"Apartment A1\"",
        ],
        options: [
            .value("--db", valueName: "path", help: "The sync database.", completion: .files),
            .value("--unit", valueName: "name", help: "The unit to export."),
            .value(
                "--output", valueName: "file", help: "Write to this file instead of standard output.",
                completion: .files),
            .value("--name", valueName: "text", help: "The calendar's name (X-WR-CALNAME)."),
            .value("--domain", valueName: "domain", help: "The domain of exported UIDs (default: ipm.local)."),
            .flag("--include-cancelled", help: "Also write cancelled own blocks, as STATUS:CANCELLED."),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard let path = arguments.value("--db") else {
            throw UsageError("Missing '--db <path>'.", commandPath: arguments.commandPath)
        }
        guard let unit = arguments.value("--unit") else {
            throw UsageError("Missing '--unit <name>'.", commandPath: arguments.commandPath)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(.ioError, "no sync database at '\(path)'")
        }
        let store: SQLiteSyncStateStore
        do {
            store = try SQLiteSyncStateStore(path: path)
        } catch {
            throw CommandFailure(.ioError, "cannot open '\(path)': \(error)")
        }
        let own = try AsyncBridge.run { try await store.ownBlocks(unit: unit) }
        if own.active.isEmpty {
            context.err("Note: unit '\(unit)' has no own blocks; the calendar is empty.\n")
        }
        let exporter = ICalExporter(
            uidDomain: arguments.value("--domain") ?? "ipm.local", calendarName: arguments.value("--name"))
        let text = exporter.export(
            own.active, cancelled: arguments.has("--include-cancelled") ? own.cancelled : [], at: Date())
        guard let output = arguments.value("--output") else {
            context.out(text)
            return 0
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(.ioError, "cannot write '\(output)': \(error.localizedDescription)")
        }
        return 0
    }
}
