internal import Foundation
internal import IntegrationPatterns

/// `ipm ical conflicts FILE…`: nights claimed beyond capacity across feeds.
enum ICalConflictsCommand {
    static let spec = CommandSpec(
        name: "conflicts",
        abstract: "Find nights claimed by more stays than the unit holds, across several feeds.",
        discussion: """
            Give one file per channel of the same unit. Capacity is 1 for an apartment or a private room, the
            number of beds for a hostel room type sold by the bed. A FILE may be prefixed with its source
            (booking=export.ics). Exit status 1 when there are conflicts.
            JSON output: {"conflicts": [{"a": uid, "b": uid, "nights": [dates]}]}: one entry per pair of stays
            that share nights over capacity, with those nights.
            """,
        examples: [
            "ipm ical conflicts airbnb.ics booking.ics",
            "ipm ical conflicts dorm-airbnb.ics dorm-hostelworld.ics --capacity 6",
            "ipm ical conflicts airbnb.ics booking=export.ics --json",
        ],
        arguments: [
            ArgumentSpec(
                name: "file", help: "Feeds of one unit, one per channel.", isVariadic: true, completion: .files)
        ],
        options: [
            .value("--capacity", valueName: "N", help: "How many stays a night can hold (default 1)."),
            ICalInput.timeZoneOption,
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    struct Pair: Encodable {
        var a: String
        var b: String
        var nights: [CalendarDay]
    }

    struct Output: Encodable {
        var conflicts: [Pair]
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let capacity = try arguments.integer("--capacity", in: 1...100_000) ?? 1
        let zone = try ICalInput.timeZone(arguments)
        var blocks: [AvailabilityBlock] = []
        for argument in arguments.positionals {
            let feed = try ICalInput.feed(argument, timeZone: zone)
            for problem in feed.problems where problem.skipped {
                context.err("Warning: \(ICalInput.display(ICalInput.split(argument).location)): \(problem)\n")
            }
            blocks += feed.blocks
        }
        let conflicts = ConflictResolver().conflicts(in: blocks, capacity: capacity)
        if arguments.has("--json") {
            let pairs = conflicts.flatMap(\.pairs).map { Pair(a: $0.a.uid, b: $0.b.uid, nights: $0.nights) }
            context.out(try JSONOutput.encode(Output(conflicts: pairs)))
            return conflicts.isEmpty ? 0 : 1
        }
        guard !conflicts.isEmpty else {
            context.out("No conflicts: no night has more than \(capacity) \(capacity == 1 ? "stay" : "stays").\n")
            return 0
        }
        for conflict in conflicts {
            context.out(describe(conflict))
        }
        context.out(conflicts.count == 1 ? "1 conflict.\n" : "\(conflicts.count) conflicts.\n")
        return 1
    }

    /// A conflict as a paragraph: its nights, then each claim.
    static func describe(_ conflict: Conflict) -> String {
        let nights = conflict.nights.count == 1 ? "1 night" : "\(conflict.nights.count) nights"
        var text = "Conflict: \(nights) over capacity \(conflict.capacity) (\(ranges(conflict.nights))):\n"
        for claim in conflict.claims {
            text +=
                "  \(claim.source.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(claim.start) → \(claim.end)  \(claim.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(claim.uid)\n"
        }
        return text
    }

    /// Consecutive days as ranges: `2026-04-28, 2026-05-01 – 2026-05-03`.
    static func ranges(_ days: [CalendarDay]) -> String {
        var parts: [String] = []
        var index = 0
        while index < days.count {
            var last = index
            while last + 1 < days.count && days[last].distance(to: days[last + 1]) == 1 { last += 1 }
            parts.append(last == index ? "\(days[index])" : "\(days[index]) – \(days[last])")
            index = last + 1
        }
        return parts.joined(separator: ", ")
    }
}
