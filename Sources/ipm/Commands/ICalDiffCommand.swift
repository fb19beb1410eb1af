internal import Foundation
internal import IntegrationPatterns

/// `ipm ical diff OLD NEW`: what changed between two fetches of one feed.
enum ICalDiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Compare two saved fetches of one feed: added, removed and changed stays.",
        discussion: """
            Blocks are matched by UID, else by checkout date (Booking.com UIDs are reported to rotate), else by
            overlapping nights, as the sync does. This is a plain diff of two snapshots: a block missing from NEW
            is removed at once (the sync waits for several misses). If NEW is empty while OLD was not, the
            result is shown but marked held, as the sync would hold it rather than cancel everything.
            JSON output: {"added": [uid], "removed": [uid], "changed": [uid], "held": null or a reason}; a
            changed block is listed by its UID in NEW.
            """,
        examples: ["ipm ical diff monday.ics tuesday.ics", "ipm ical diff old.ics new.ics --json"],
        arguments: [
            ArgumentSpec(name: "old", help: "The earlier fetch (file, '-' or URL).", completion: .files),
            ArgumentSpec(name: "new", help: "The later fetch (file, '-' or URL).", completion: .files),
        ],
        options: [
            .value("--source", valueName: "name", help: "The channel of both files (default: detected)."),
            ICalInput.timeZoneOption,
            .flag("--show-personal-data", help: "Print summaries unmasked."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    struct Output: Encodable {
        var added: [String]
        var removed: [String]
        var changed: [String]
        var held: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(added, forKey: .added)
            try container.encode(removed, forKey: .removed)
            try container.encode(changed, forKey: .changed)
            try container.encode(held, forKey: .held)
        }

        enum CodingKeys: String, CodingKey { case added, removed, changed, held }
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let zone = try ICalInput.timeZone(arguments)
        let source = arguments.value("--source").map { FeedSource(rawValue: $0) }
        let old = try ICalInput.feed(arguments.positionals[0], source: source, timeZone: zone)
        let new = try ICalInput.feed(arguments.positionals[1], source: source ?? old.source, timeZone: zone)
        let reconciler = Reconciler(policy: .snapshotDiff)
        let epoch = Date(timeIntervalSince1970: 0)
        let stored = reconciler.reconcile(old.blocks, against: .empty, at: epoch).state
        let result = reconciler.reconcile(new.blocks, against: stored, at: epoch.addingTimeInterval(1))
        if arguments.has("--json") {
            context.out(
                try JSONOutput.encode(
                    Output(
                        added: result.added.map(\.uid), removed: result.removed.map(\.uid),
                        changed: result.changed.map(\.new.uid), held: result.held?.description)))
            return 0
        }
        let masker = arguments.has("--show-personal-data") ? PersonalDataMasker.disabled : PersonalDataMasker()
        if let held = result.held {
            context.out("Held: \(held.description); the sync would keep the old state and wait for confirmation.\n")
        }
        for block in result.added.map(masker.mask) { context.out("+ \(ICalInput.line(block))  \(block.uid)\n") }
        for block in result.removed.map(masker.mask) { context.out("- \(ICalInput.line(block))  \(block.uid)\n") }
        for change in result.changed {
            var what: [String] = []
            if change.aspects.contains(.dates) {
                what.append(
                    "dates \(change.old.start) → \(change.old.end) became \(change.new.start) → \(change.new.end)")
            }
            if change.aspects.contains(.kind) {
                what.append("kind \(change.old.kind.rawValue) became \(change.new.kind.rawValue)")
            }
            let uid = change.old.uid == change.new.uid ? change.new.uid : "\(change.old.uid) (now \(change.new.uid))"
            context.out("~ \(uid): \(what.joined(separator: "; ")) (matched by \(change.matchedBy.rawValue))\n")
        }
        if !result.hasChanges {
            context.out("No differences.\n")
        } else {
            context.out(
                "\(result.added.count) added, \(result.removed.count) removed, \(result.changed.count) changed\n")
        }
        return 0
    }
}
