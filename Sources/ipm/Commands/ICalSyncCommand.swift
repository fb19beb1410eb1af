internal import Foundation
internal import IntegrationPatterns
internal import Synchronization

/// `ipm ical sync`: poll a unit's feeds, reconcile them into SQLite, and report overbookings.
enum ICalSyncCommand {
    static let spec = CommandSpec(
        name: "sync",
        abstract: "Poll a unit's feeds, reconcile them into a SQLite database and report overbookings.",
        discussion: """
            Each --feed is NAME=URL or NAME=FILE; NAME is the feed's name in the database and, when it is airbnb,
            booking, vrbo, other or direct, its source (otherwise the source is detected). 'direct' is the unit's
            own calendar: the blocks 'ipm ical export' publishes. Every poll is a conditional GET (ETag,
            Last-Modified) with a timeout; an HTML page served with 200, a truncated body or an error status leaves
            the stored state as it was. A block missing from the feed is cancelled after --misses consecutive polls;
            a feed that comes back empty or loses more than half its stays at once is held, not applied, until
            you run once with --accept-suspicious.
            A failed request (timeout, connection error, 408, 429, 5xx, truncated body) is retried within the
            poll, --retries times, with capped exponential backoff and full jitter, never sooner than the
            server's Retry-After (one beyond 60 s ends the poll). Every request, retries included, waits its
            turn in its host's rate limit (--host-limit), which all the feeds on that host share. With --every,
            a feed whose polls fail --breaker times in a row (a revoked URL counts, a 429 does not) rests: it is
            not fetched for 15 minutes, then 30, up to 2 hours while its probes fail, and those polls report
            failed. Files are read once, without retries, limit or breaker.
            --once polls every feed once; --every polls each feed on that interval ± 10 %, forever.
            Conflicts are settled by --policy: priority=direct,airbnb,… (earlier wins), first-booked, direct, or
            human (default: every conflict is for a person). Unresolved conflicts are parked, once each, in the
            dead-letter queue of the --db file (or of --dlq): 'ipm dlq list --db FILE' shows them. Exit status 1
            when a feed failed or was held, or a conflict is unresolved.
            JSON output (--once): {"unit", "feeds": [{"feed", "source", "outcome", "requests", "added", "removed",
            "changed", "pending", "held", "error", "skipped"}], "conflicts": [{"a", "b", "nights", "resolved",
            "kept", "displaced", "reason"}], "parked"}; outcome is applied, held, not_modified, unchanged or
            failed; requests is how many requests the poll made (more than 1 after retries, 0 while the feed's
            breaker is open); lists hold UIDs; parked is how many unresolved conflicts this run added to the
            dead-letter queue. With --every, one such "feeds" entry per line as each poll ends.
            """,
        examples: [
            "ipm ical sync --db sync.sqlite --unit A1 --feed airbnb=https://www.airbnb.com/calendar/ical/123.ics?s=… --once",
            "ipm ical sync --db sync.sqlite --unit A1 --feed airbnb=airbnb.ics --feed booking=booking.ics --once --json",
            "ipm ical sync --db sync.sqlite --unit A1 --feed booking=$BOOKING_URL --feed direct=own.ics --every 5m --policy priority=direct,airbnb,booking",
            "ipm ical sync --db sync.sqlite --unit A1 --feed booking=$BOOKING_URL --every 5m --retries 3 --host-limit 30 --breaker 3",
            "ipm dlq list --db sync.sqlite",
        ],
        options: [
            .value("--db", valueName: "path", help: "The sync database (created if missing).", completion: .files),
            .value("--unit", valueName: "name", help: "The unit the feeds belong to."),
            .value(
                "--feed", valueName: "name=url|file", help: "A feed of the unit (repeat for each channel).",
                repeatable: true),
            .flag("--once", help: "Poll every feed once and exit."),
            .value(
                "--every", valueName: "duration", help: "Poll each feed on this interval (5m, 1h) until interrupted."),
            .value(
                "--policy", valueName: "policy", help: "priority=a,b,…, first-booked, direct or human (default: human)."
            ),
            .value("--capacity", valueName: "N", help: "How many stays a night can hold (default 1)."),
            .value(
                "--misses", valueName: "N", help: "Consecutive misses before a vanished stay is cancelled (default 3)."),
            .value("--timeout", valueName: "duration", help: "Timeout of one request (default 20s)."),
            .value(
                "--retries", valueName: "N",
                help: "Retries of a failed request within one poll (default 2; 0 for none)."),
            .value(
                "--host-limit", valueName: "N",
                help: "At most N requests a minute to one host (default 60; 0 for no limit)."),
            .value(
                "--breaker", valueName: "N",
                help: "With --every: rest a feed after N failed polls in a row (default 5; 0 for never)."),
            .value(
                "--dlq", valueName: "path", help: "Where unresolved conflicts are parked (default: the --db file).",
                completion: .files),
            ICalInput.timeZoneOption,
            .flag("--accept-suspicious", help: "Apply feeds held as suspicious (with --once, after checking them)."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    struct Settings {
        var unit: String
        var feeds: [PolledFeed]
        var policy: ConflictPolicy
        var capacity: Int
        var configuration: FeedPollerConfiguration
        var reconciler: Reconciler
        var store: SQLiteSyncStateStore
        var deadLetters: SQLiteDeadLetterQueue
        var deadLetterPath: String
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let settings = try parse(arguments)
        let json = arguments.has("--json")
        let poller = FeedPoller(configuration: settings.configuration, store: settings.store)
        let resolver = ConflictResolver(policy: settings.policy)
        if arguments.has("--once") {
            let accept = arguments.has("--accept-suspicious")
            let (reports, resolutions, parked) = try AsyncBridge.run {
                () async throws -> ([FeedSyncReport], [ConflictResolution], Int) in
                var reports: [FeedSyncReport] = []
                for feed in settings.feeds {
                    reports.append(
                        try await poller.sync(feed, reconciler: settings.reconciler, acceptSuspicious: accept))
                }
                let claims = try await settings.store.claims(unit: settings.unit)
                let resolutions = resolver.resolve(resolver.conflicts(in: claims, capacity: settings.capacity))
                return (reports, resolutions, try await park(resolutions, resolver, settings))
            }
            if json {
                context.out(
                    try JSONOutput.encode(
                        Output(
                            unit: settings.unit, feeds: reports.map(FeedOutput.init),
                            conflicts: resolutions.flatMap(ConflictOutput.all),
                            parked: parked)))
            } else {
                for report in reports { context.out(line(report) + "\n") }
                context.out(summary(resolutions, settings) + parkedNote(resolutions, parked: parked, settings))
            }
            let healthy = reports.allSatisfy { ![.failed, .held].contains($0.outcome) }
            return healthy && resolutions.allSatisfy(\.isResolved) ? 0 : 1
        }
        // --every: run until interrupted; report each poll as it ends and each change in the conflicts.
        let count = settings.feeds.count == 1 ? "1 feed" : "\(settings.feeds.count) feeds"
        context.err(
            "Polling \(count) of unit '\(settings.unit)' every \(arguments.value("--every") ?? "") ± 10 %; the first polls are "
                + "spread over the first interval. Ctrl-C stops (the database is always consistent).\n")
        let reported = Mutex(Set<String>())
        try AsyncBridge.run {
            try await poller.run(settings.feeds, reconciler: settings.reconciler) { report in
                if json {
                    context.out(compactJSON(FeedOutput(report)))
                } else {
                    context.out("\(timestamp(report.at))  \(line(report))\n")
                }
                guard let claims = try? await settings.store.claims(unit: settings.unit) else { return }
                let resolutions = resolver.resolve(resolver.conflicts(in: claims, capacity: settings.capacity))
                let parked: Int
                do {
                    parked = try await park(resolutions, resolver, settings)
                } catch {
                    context.err(
                        "Warning: could not park the unresolved conflicts in \(settings.deadLetterPath): \(error)\n")
                    parked = 0
                }
                let ids = Set(resolutions.map(\.conflict.id))
                let changed = reported.withLock { previous in
                    defer { previous = ids }
                    return previous != ids
                }
                if changed && !json {
                    context.out(summary(resolutions, settings) + parkedNote(resolutions, parked: parked, settings))
                }
            }
        }
        return 0
    }

    /// Parks the unresolved conflicts in the dead-letter queue (each once); returns how many were new.
    static func park(_ resolutions: [ConflictResolution], _ resolver: ConflictResolver, _ settings: Settings)
        async throws -> Int
    {
        try await resolver.deadLetter(resolutions, unit: settings.unit, to: settings.deadLetters, at: Date())
    }

    // MARK: - Arguments

    static func parse(_ arguments: ParsedArguments) throws -> Settings {
        let path = arguments.commandPath
        guard let db = arguments.value("--db") else { throw UsageError("Missing '--db <path>'.", commandPath: path) }
        guard let unit = arguments.value("--unit"), !unit.isEmpty else {
            throw UsageError("Missing '--unit <name>'.", commandPath: path)
        }
        let specs = arguments.allValues("--feed")
        guard !specs.isEmpty else {
            throw UsageError("Missing '--feed <name=url|file>': give at least one feed.", commandPath: path)
        }
        let once = arguments.has("--once")
        let every = arguments.value("--every")
        guard once != (every != nil) else {
            throw UsageError("Choose one of '--once' and '--every <duration>'.", commandPath: path)
        }
        if arguments.has("--accept-suspicious") && !once {
            throw UsageError(
                "'--accept-suspicious' goes with '--once': check a held feed, then apply it once.", commandPath: path)
        }
        if arguments.value("--breaker") != nil && once {
            throw UsageError(
                "'--breaker' goes with '--every': a breaker counts the failed polls of a running loop.",
                commandPath: path)
        }
        let retries = try arguments.integer("--retries", in: 0...10) ?? 2
        let hostLimit = try arguments.integer("--host-limit", in: 0...6_000) ?? 60
        let breakerThreshold = once ? 0 : try arguments.integer("--breaker", in: 0...1_000) ?? 5
        if let dlq = arguments.value("--dlq"), dlq.isEmpty {
            throw UsageError("Invalid value '' for '--dlq': expected the path of a SQLite file.", commandPath: path)
        }
        var interval = Duration.seconds(300)
        if let every {
            guard let parsed = ICalInput.duration(every), parsed >= .seconds(10) else {
                throw UsageError(
                    "Invalid value '\(every)' for '--every': expected a duration of at least 10s, such as 5m or 1h.",
                    commandPath: path)
            }
            interval = parsed
        }
        var timeout = Duration.seconds(20)
        if let text = arguments.value("--timeout") {
            guard let parsed = ICalInput.duration(text) else {
                throw UsageError(
                    "Invalid value '\(text)' for '--timeout': expected a duration such as 20s.", commandPath: path)
            }
            timeout = parsed
        }
        var policy = ConflictPolicy.flagForHuman
        if let text = arguments.value("--policy") {
            guard let parsed = ConflictPolicy(text) else {
                throw UsageError(
                    "Invalid value '\(text)' for '--policy': expected priority=a,b,…, first-booked, direct or human.",
                    commandPath: path)
            }
            policy = parsed
        }
        var feeds: [PolledFeed] = []
        for spec in specs {
            guard let equals = spec.firstIndex(of: "=") else {
                throw UsageError("Invalid value for '--feed': expected NAME=URL or NAME=FILE.", commandPath: path)
            }
            let name = spec[..<equals].lowercased()
            let location = String(spec[spec.index(after: equals)...])
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                !location.isEmpty
            else {
                throw UsageError(
                    "Invalid value for '--feed': expected NAME=URL or NAME=FILE, NAME of letters, digits, - and _.",
                    commandPath: path)
            }
            guard !feeds.contains(where: { $0.key.feed == name }) else {
                throw UsageError("The feed name '\(name)' is given twice.", commandPath: path)
            }
            let url: URL
            if location.hasPrefix("http://") || location.hasPrefix("https://") {
                guard let parsed = URL(string: location) else {
                    throw UsageError("The URL of feed '\(name)' is not valid.", commandPath: path)
                }
                url = parsed
            } else {
                url = URL(fileURLWithPath: location)
            }
            let source = FeedSource.known.contains(FeedSource(rawValue: name)) ? FeedSource(rawValue: name) : nil
            feeds.append(PolledFeed(unit: unit, feed: name, url: url, source: source))
        }
        let capacity = try arguments.integer("--capacity", in: 1...100_000) ?? 1
        let misses = try arguments.integer("--misses", in: 1...1_000) ?? 3
        let timeZone = try ICalInput.timeZone(arguments)
        var retry = FeedPollerConfiguration.defaultRetry
        retry.maxAttempts = retries + 1
        var breaker = FeedPollerConfiguration.defaultFeedBreaker
        breaker.trip = .consecutiveFailures(breakerThreshold)
        let configuration = FeedPollerConfiguration(
            interval: interval, jitter: 0.1, timeout: timeout, timeZone: timeZone, retry: retries > 0 ? retry : nil,
            hostRateLimit: hostLimit > 0 ? .perMinute(hostLimit) : nil,
            feedBreaker: breakerThreshold > 0 ? breaker : nil)
        let database: SQLiteDatabase
        let store: SQLiteSyncStateStore
        do {
            database = try SQLiteDatabase(path: db)
            store = try SQLiteSyncStateStore(database: database)
        } catch {
            throw CommandFailure(.ioError, "cannot open the sync database '\(db)': \(error)")
        }
        let dlq = arguments.value("--dlq") ?? db
        let deadLetters: SQLiteDeadLetterQueue
        do {
            let sameFile = URL(fileURLWithPath: dlq).standardizedFileURL == URL(fileURLWithPath: db).standardizedFileURL
            deadLetters =
                sameFile ? try SQLiteDeadLetterQueue(database: database) : try SQLiteDeadLetterQueue(path: dlq)
        } catch {
            throw CommandFailure(.ioError, "cannot open the dead-letter queue '\(dlq)': \(error)")
        }
        return Settings(
            unit: unit, feeds: feeds, policy: policy, capacity: capacity, configuration: configuration,
            reconciler: Reconciler(policy: ReconciliationPolicy(missesBeforeRemoval: misses)), store: store,
            deadLetters: deadLetters, deadLetterPath: dlq)
    }

    // MARK: - Output

    struct Output: Encodable {
        var unit: String
        var feeds: [FeedOutput]
        var conflicts: [ConflictOutput]
        var parked: Int
    }

    struct FeedOutput: Encodable {
        var feed: String
        var source: String
        var outcome: String
        var requests: Int
        var added: [String]
        var removed: [String]
        var changed: [String]
        var pending: [String]
        var held: String?
        var error: String?
        var skipped: Int

        init(_ report: FeedSyncReport) {
            feed = report.feed.feed
            source = report.source.rawValue
            outcome = report.outcome.rawValue
            requests = report.requests
            added = report.result?.added.map(\.uid) ?? []
            removed = report.result?.removed.map(\.uid) ?? []
            changed = report.result?.changed.map(\.new.uid) ?? []
            pending = report.result?.pending.map(\.block.uid) ?? []
            held = report.result?.held?.description
            error = report.failure?.description
            skipped = report.problems.count(where: \.skipped)
        }

        enum CodingKeys: String, CodingKey {
            case feed, source, outcome, requests, added, removed, changed, pending, held, error, skipped
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(feed, forKey: .feed)
            try container.encode(source, forKey: .source)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(requests, forKey: .requests)
            try container.encode(added, forKey: .added)
            try container.encode(removed, forKey: .removed)
            try container.encode(changed, forKey: .changed)
            try container.encode(pending, forKey: .pending)
            try container.encode(held, forKey: .held)
            try container.encode(error, forKey: .error)
            try container.encode(skipped, forKey: .skipped)
        }
    }

    struct ConflictOutput: Encodable {
        var a: String
        var b: String
        var nights: [CalendarDay]
        var resolved: Bool
        var kept: [String]
        var displaced: [String]
        var reason: String

        static func all(_ resolution: ConflictResolution) -> [ConflictOutput] {
            resolution.conflict.pairs.map {
                ConflictOutput(
                    a: $0.a.uid, b: $0.b.uid, nights: $0.nights, resolved: resolution.isResolved,
                    kept: resolution.kept.map(\.uid), displaced: resolution.displaced.map(\.uid),
                    reason: resolution.reason)
            }
        }
    }

    /// One line per feed: `airbnb    applied       +2 -0 ~1`.
    static func line(_ report: FeedSyncReport) -> String {
        let name = "\(report.feed.feed) (\(report.source.rawValue))".padding(toLength: 20, withPad: " ", startingAt: 0)
        let outcome = report.outcome.rawValue.replacingOccurrences(of: "_", with: " ")
        var text = "\(name) \(outcome)"
        if let failure = report.failure { text += ": \(failure.description)" }
        if let result = report.result {
            if let held = result.held {
                text +=
                    ": \(held.description); nothing applied (check the feed, then sync once with --accept-suspicious)"
            } else if result.hasChanges || !result.pending.isEmpty {
                text +=
                    ": \(result.added.count) added, \(result.removed.count) removed, \(result.changed.count) changed"
                if !result.pending.isEmpty { text += ", \(result.pending.count) missing (not yet cancelled)" }
            } else {
                text += ": no changes"
            }
        }
        let skipped = report.problems.count(where: \.skipped)
        if skipped > 0 { text += " (\(skipped) unreadable events skipped)" }
        return text
    }

    static func summary(_ resolutions: [ConflictResolution], _ settings: Settings) -> String {
        guard !resolutions.isEmpty else { return "No conflicts (capacity \(settings.capacity)).\n" }
        var text = ""
        for resolution in resolutions {
            text += ICalConflictsCommand.describe(resolution.conflict)
            text +=
                resolution.isResolved ? "  Resolved: \(resolution.reason)\n" : "  Unresolved: \(resolution.reason)\n"
        }
        let unresolved = resolutions.count(where: { !$0.isResolved })
        text +=
            "\(resolutions.count) conflict\(resolutions.count == 1 ? "" : "s"), \(unresolved) unresolved (policy \(settings.policy)).\n"
        return text
    }

    /// Where the unresolved conflicts went: `1 unresolved conflict parked in the dead-letter queue: …`.
    static func parkedNote(_ resolutions: [ConflictResolution], parked: Int, _ settings: Settings) -> String {
        let unresolved = resolutions.count(where: { !$0.isResolved })
        guard unresolved > 0 else { return "" }
        let list = "see 'ipm dlq list --db \(settings.deadLetterPath)'"
        if parked == 0 { return "The unresolved conflicts are already in the dead-letter queue; \(list).\n" }
        return "\(parked) unresolved conflict\(parked == 1 ? "" : "s") parked in the dead-letter queue; \(list).\n"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func compactJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
