internal import Foundation
internal import IntegrationPatterns

/// `ipm ical parse FILE|URL`: one feed, normalised.
enum ICalParseCommand {
    static let spec = CommandSpec(
        name: "parse",
        abstract: "Read one calendar feed and show its normalised availability blocks.",
        discussion: """
            FILE may be a path, '-' for standard input, or an http(s) URL (fetched once; the URL is never printed).
            The source is detected from PRODID, UIDs and summaries unless --source is given. Events that cannot
            be read are skipped and reported with their line; the rest are kept.
            JSON output: {"source", "events": [{"uid", "start", "end", "kind", "summary", "description"}],
            "problems": [{"line", "message", "skipped"}]}; dates are YYYY-MM-DD, "end" is exclusive (the checkout
            day), "kind" is reservation, block or unknown. Exit status 65 when the input is not a calendar.
            """,
        examples: [
            "ipm ical parse airbnb.ics",
            "ipm ical parse booking.ics --json",
            "ipm ical parse export.ics --source vrbo --timezone Europe/Paris",
            "curl -s \"$FEED_URL\" | ipm ical parse - --json",
        ],
        arguments: [
            ArgumentSpec(
                name: "file", help: "A .ics file, '-' for standard input, or an http(s) URL.", completion: .files)
        ],
        options: [
            .value(
                "--source", valueName: "name",
                help: "The channel: airbnb, booking, vrbo, other, direct (default: detected)."),
            ICalInput.timeZoneOption,
            .flag("--show-personal-data", help: "Print reservation codes, phone digits and guest names unmasked."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    struct Event: Encodable {
        var uid: String
        var start: CalendarDay
        var end: CalendarDay
        var kind: String
        var summary: String
        var description: String
    }

    struct Problem: Encodable {
        var line: Int
        var message: String
        var skipped: Bool
    }

    struct Output: Encodable {
        var source: String
        var events: [Event]
        var problems: [Problem]
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let source = arguments.value("--source").map { FeedSource(rawValue: $0) }
        let feed = try ICalInput.feed(
            arguments.positionals[0], source: source, timeZone: try ICalInput.timeZone(arguments))
        let masker = arguments.has("--show-personal-data") ? PersonalDataMasker.disabled : PersonalDataMasker()
        let blocks = feed.blocks.map(masker.mask)
        if arguments.has("--json") {
            context.out(
                try JSONOutput.encode(
                    Output(
                        source: feed.source.rawValue,
                        events: blocks.map {
                            Event(
                                uid: $0.uid, start: $0.start, end: $0.end, kind: $0.kind.rawValue, summary: $0.summary,
                                description: $0.description)
                        },
                        problems: feed.problems.map { Problem(line: $0.line, message: $0.message, skipped: $0.skipped) }
                    )))
            return 0
        }
        for problem in feed.problems { context.err("Warning: \(problem)\n") }
        let count = blocks.count == 1 ? "1 event" : "\(blocks.count) events"
        context.out("\(feed.source.rawValue): \(count)\n")
        for block in blocks {
            context.out(ICalInput.line(block) + "\n")
            context.out("    \(block.uid)\n")
            for line in block.description.split(separator: "\n", omittingEmptySubsequences: false)
            where !block.description.isEmpty {
                context.out("    \(line)\n")
            }
        }
        return 0
    }
}
