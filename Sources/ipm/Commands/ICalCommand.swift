internal import Foundation
internal import IntegrationPatterns

/// `ipm ical …`: parse, compare and reconcile OTA calendar feeds, find overbookings, export the unit's own calendar.
enum ICalCommand {
    static let spec = CommandSpec(
        name: "ical",
        abstract: "Parse, diff and sync OTA calendar feeds (Airbnb, Booking.com, Vrbo); find and settle overbookings.",
        discussion: """
            Dates are YYYY-MM-DD and every end date is exclusive: it is the checkout day. Guest data in summaries
            and descriptions (reservation codes, phone digits, names) is masked unless --show-personal-data is given.
            Feed URLs are credentials; ipm never prints or stores them.
            """,
        examples: [
            "ipm ical parse airbnb.ics --json",
            "ipm ical diff yesterday.ics today.ics",
            "ipm ical conflicts airbnb.ics booking.ics --capacity 1",
            "ipm ical sync --db sync.sqlite --unit A1 --feed airbnb=https://www.airbnb.com/calendar/ical/1.ics?s=… --once",
            "ipm ical export --db sync.sqlite --unit A1 > a1.ics",
        ],
        subcommands: [
            ICalParseCommand.spec, ICalDiffCommand.spec, ICalConflictsCommand.spec, ICalSyncCommand.spec,
            ICalExportCommand.spec,
        ])
}

/// Reading feeds named on the command line, and printing blocks: shared by the `ical` subcommands.
enum ICalInput {
    /// A FILE argument, optionally prefixed with a source: `booking=export.ics`.
    static func split(_ argument: String) -> (source: FeedSource?, location: String) {
        if let equals = argument.firstIndex(of: "="), !FileManager.default.fileExists(atPath: argument) {
            let name = argument[..<equals]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                return (FeedSource(rawValue: String(name)), String(argument[argument.index(after: equals)...]))
            }
        }
        return (nil, argument)
    }

    /// The bytes of a file, `-` (standard input) or an http(s) URL.
    static func bytes(of location: String, timeout: Duration = .seconds(20)) throws -> [UInt8] {
        if location == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        if location.hasPrefix("http://") || location.hasPrefix("https://") {
            guard let url = URL(string: location) else {
                throw CommandFailure(.dataError, "'\(location)' is not a valid URL")
            }
            let shown = PersonalDataMasker.redact(url)
            let request = FeedRequest(url: url, headers: ["Accept": "text/calendar"], timeout: timeout)
            let response: FeedResponse
            do {
                response = try AsyncBridge.run { try await CurlFeedFetcher().fetch(request) }
            } catch {
                throw CommandFailure(.ioError, "could not fetch \(shown): \(error)")
            }
            guard (200..<300).contains(response.status) else {
                throw CommandFailure(.ioError, "could not fetch \(shown): HTTP \(response.status)")
            }
            return response.body
        }
        guard let data = FileManager.default.contents(atPath: location) else {
            let reason = FileManager.default.fileExists(atPath: location) ? "cannot be read" : "no such file"
            throw CommandFailure(.ioError, "cannot read '\(location)': \(reason)")
        }
        return Array(data)
    }

    /// Parses one FILE|URL argument; a source prefix or `source` forces the channel.
    static func feed(_ argument: String, source: FeedSource? = nil, timeZone: TimeZone) throws -> ICalFeed {
        let (prefix, location) = split(argument)
        let bytes = try self.bytes(of: location)
        do {
            return try ICalParser(source: source ?? prefix, timeZone: timeZone).parse(bytes)
        } catch {
            throw CommandFailure(.dataError, "'\(display(location))': \(error.message)")
        }
    }

    /// A location fit for messages: URLs reduced to scheme and host.
    static func display(_ location: String) -> String {
        if location.hasPrefix("http"), let url = URL(string: location) { return PersonalDataMasker.redact(url) }
        return location
    }

    /// The `--timezone` option, UTC by default.
    static func timeZone(_ arguments: ParsedArguments) throws -> TimeZone {
        guard let name = arguments.value("--timezone") else { return TimeZone(identifier: "UTC")! }
        guard let zone = TimeZone(identifier: name) else {
            throw UsageError(
                "Invalid value '\(name)' for '--timezone': expected an IANA zone such as Europe/Madrid.",
                commandPath: arguments.commandPath)
        }
        return zone
    }

    static let timeZoneOption = OptionSpec.value(
        "--timezone", valueName: "zone", help: "The property's time zone, for events with times (default: UTC).")

    /// `2026-04-26 → 2026-04-29  3 nights  reservation  Reserved`
    static func line(_ block: AvailabilityBlock) -> String {
        let nights = block.nightCount == 1 ? "1 night " : "\(block.nightCount) nights"
        let kind = block.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        var text = "\(block.start) → \(block.end)  \(nights.padding(toLength: 9, withPad: " ", startingAt: 0))  \(kind)"
        if !block.summary.isEmpty { text += "  \(block.summary)" }
        return text
    }

    /// Parses `5m`, `300s`, `1h`, `2h30m`, `1d`.
    static func duration(_ text: String) -> Duration? {
        var total = 0
        var number = ""
        var sawUnit = false
        for character in text {
            if character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number) else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3_600
            case "d": total += value * 86_400
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return .seconds(total)
    }
}
