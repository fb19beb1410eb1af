internal import CICal
public import Foundation
internal import Synchronization

/// Reads an iCalendar feed with libical and normalises its events to ``AvailabilityBlock``s.
///
/// Made for feeds as channels really serve them: CRLF or bare LF, folds that split a multi-byte UTF-8
/// character, a byte-order mark, blank lines, no DTSTAMP (Airbnb), DURATION instead of DTEND (Vrbo), a
/// date-only DTSTART alone (one night, RFC 5545 §3.6.1), TZID and UTC times, escaped text. A broken event
/// becomes an ``ICalProblem`` with its line and is skipped; the rest of the feed is kept. Only input that is
/// not a calendar at all (an HTML page, an empty body) throws ``ICalParseError``.
///
/// ```swift
/// let feed = try ICalParser().parse(bytes)
/// for block in feed.blocks { print(block.start, block.end, block.kind) }
/// ```
///
/// Timed events are placed on the day they fall on in ``timeZone`` (the property's zone): a stay from
/// `20260401T150000Z` to `20260405T100000Z` claims the nights of 1–4 April. A block always claims at least
/// one night. Cancelled events (`STATUS:CANCELLED`) are left out; recurring events keep only their first
/// occurrence, with a problem saying so.
public struct ICalParser: Sendable {
    /// The channel to attribute the feed to; `nil` detects it from PRODID, UIDs and summaries.
    public var source: FeedSource?
    /// The property's time zone, for placing timed events on days. Date-only events never move.
    public var timeZone: TimeZone

    /// Creates a parser.
    public init(source: FeedSource? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.source = source
        self.timeZone = timeZone
    }

    /// Parses a feed's bytes (UTF-8).
    public func parse(_ bytes: [UInt8]) throws(ICalParseError) -> ICalFeed {
        let layout = bytes.withUnsafeBufferPointer { ICalScanner.scan($0) }
        return try parse(layout)
    }

    /// Parses a feed's text.
    public func parse(_ text: String) throws(ICalParseError) -> ICalFeed {
        var text = text
        let layout = text.withUTF8 { ICalScanner.scan($0) }
        return try parse(layout)
    }

    private func parse(_ layout: ICalScanner.Layout) throws(ICalParseError) -> ICalFeed {
        guard layout.foundCalendar else {
            if layout.isBlank { throw ICalParseError(code: .empty, message: "the input is empty") }
            if layout.looksLikeMarkup {
                throw ICalParseError(code: .htmlPage, message: "the input is an HTML page, not a calendar")
            }
            throw ICalParseError(code: .notACalendar, message: "the input has no BEGIN:VCALENDAR: not a calendar")
        }
        return LibICal.lock.withLock { _ in normalise(layout) }
    }

    // MARK: - libical

    /// One VEVENT as read from libical, before the feed's source is known.
    private struct RawEvent {
        var uid: String
        var start: CalendarDay
        var end: CalendarDay
        var summary: String
        var description: String
        var createdAt: Date?
        var line: Int
    }

    private func normalise(_ layout: ICalScanner.Layout) -> ICalFeed {
        var problems = layout.problems
        let holder = LibICal.parse(layout.calendar)
        defer { if let holder { icalcomponent_free(holder) } }
        var productID: String?
        var name: String?
        if let holder {
            if let property = icalcomponent_get_first_property(holder, ICAL_PRODID_PROPERTY),
                let value = icalproperty_get_prodid(property)
            {
                productID = String(cString: value)
            }
            var property = icalcomponent_get_first_property(holder, ICAL_X_PROPERTY)
            while let current = property {
                if let xName = icalproperty_get_x_name(current), String(cString: xName).uppercased() == "X-WR-CALNAME",
                    let value = icalproperty_get_x(current)
                {
                    name = String(cString: value)
                }
                property = icalcomponent_get_next_property(holder, ICAL_X_PROPERTY)
            }
        }
        let zones = ZoneResolver(calendar: holder, target: timeZone)
        var events: [RawEvent] = []
        events.reserveCapacity(layout.events.count)
        var seen = Set<String>()
        for text in layout.events {
            guard let event = read(text, zones: zones, problems: &problems) else { continue }
            if !event.uid.isEmpty {
                guard seen.insert(event.uid).inserted else {
                    problems.append(
                        ICalProblem(
                            line: text.line, message: "a second event with the UID of an earlier one", skipped: true,
                            uid: event.uid))
                    continue
                }
            }
            events.append(event)
        }
        let source =
            self.source
            ?? BlockClassifier.source(
                productID: productID, uids: events.map(\.uid), summaries: events.map(\.summary))
        let blocks = events.map { event -> AvailabilityBlock in
            var uid = event.uid
            if uid.isEmpty {
                uid = "ipm-nouid-\(event.start.basicFormat)-\(event.end.basicFormat)"
                problems.append(
                    ICalProblem(line: event.line, message: "no UID; kept as \(uid)", skipped: false, uid: uid))
            }
            return AvailabilityBlock(
                source: source, uid: uid, start: event.start, end: event.end,
                kind: BlockClassifier.kind(
                    source: source, uid: uid, summary: event.summary, description: event.description),
                summary: event.summary, description: event.description, bookedAt: event.createdAt)
        }
        problems.sort { $0.line < $1.line }
        return ICalFeed(
            source: source, blocks: blocks, problems: problems, productID: productID, name: name,
            isComplete: layout.isComplete, eventCount: layout.events.count)
    }

    /// Reads one VEVENT; `nil` (with a problem recorded) when it must be skipped or is cancelled.
    private func read(_ text: ICalScanner.EventText, zones: ZoneResolver, problems: inout [ICalProblem]) -> RawEvent? {
        guard let event = LibICal.parse(text.bytes) else {
            problems.append(ICalProblem(line: text.line, message: "libical could not read the event", skipped: true))
            return nil
        }
        defer { icalcomponent_free(event) }
        guard icalcomponent_isa(event) == ICAL_VEVENT_COMPONENT else {
            problems.append(ICalProblem(line: text.line, message: "libical could not read the event", skipped: true))
            return nil
        }
        let uid = LibICal.trimmedString(icalcomponent_get_uid(event))
        func skip(_ property: String, _ message: String) -> RawEvent? {
            problems.append(
                ICalProblem(
                    line: text.line(of: property), message: message, skipped: true, uid: uid.isEmpty ? nil : uid))
            return nil
        }
        func note(_ property: String, _ message: String) {
            problems.append(
                ICalProblem(
                    line: text.line(of: property), message: message, skipped: false, uid: uid.isEmpty ? nil : uid))
        }

        // libical replaces a property it cannot read by an X-LIC-ERROR; a lost date makes the event unusable.
        var error = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY)
        while let current = error {
            let message = LibICal.string(icalproperty_get_xlicerror(current))
            if let property = ["DTSTART", "DTEND", "DURATION"].first(where: { message.contains($0) }) {
                return skip(property, "libical: \(message)")
            }
            note("BEGIN", "libical: \(message)")
            error = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)
        }
        if icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED { return nil }

        guard let startProperty = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) else {
            return skip("BEGIN", "no DTSTART")
        }
        let startTime = icalproperty_get_dtstart(startProperty)
        guard let start = zones.resolve(startTime, tzid: LibICal.tzid(of: startProperty)) else {
            return skip("DTSTART", "DTSTART is not a valid date or time")
        }
        if let unknown = start.unknownZone { note("DTSTART", "unknown TZID \(unknown); read as local time") }

        var end: CalendarDay
        if let endProperty = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY) {
            guard let resolved = zones.resolve(icalproperty_get_dtend(endProperty), tzid: LibICal.tzid(of: endProperty))
            else { return skip("DTEND", "DTEND is not a valid date or time") }
            end = resolved.day
            if end < start.day { return skip("DTEND", "DTEND is before DTSTART") }
            if end == start.day && start.isDate {
                note("DTEND", "DTEND equals DTSTART; read as one night")
            }
        } else if let durationProperty = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY) {
            let duration = icalproperty_get_duration(durationProperty)
            let seconds = Int(icaldurationtype_as_int(duration))
            if duration.is_neg != 0 || seconds < 0 { return skip("DURATION", "DURATION is negative") }
            if start.isDate {
                end = start.day.adding(days: (seconds + 86_399) / 86_400)
            } else {
                guard
                    let resolved = zones.resolve(
                        icaltime_add(startTime, duration), tzid: LibICal.tzid(of: startProperty))
                else { return skip("DURATION", "DTSTART plus DURATION is not a valid time") }
                end = resolved.day
            }
        } else {
            // RFC 5545 §3.6.1: a DATE start alone lasts one day; a DATE-TIME start alone ends when it starts.
            end = start.day
        }
        if end <= start.day { end = start.day.adding(days: 1) }

        if icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) != nil {
            note("RRULE", "a recurring event: only its first occurrence is kept")
        }
        var createdAt: Date?
        if let created = icalcomponent_get_first_property(event, ICAL_CREATED_PROPERTY) {
            createdAt = zones.instant(icalproperty_get_created(created))
        }
        return RawEvent(
            uid: uid, start: start.day, end: end,
            summary: LibICal.trimmedString(icalcomponent_get_summary(event)),
            description: LibICal.trimmedString(icalcomponent_get_description(event)),
            createdAt: createdAt, line: text.line)
    }
}

/// Process-wide access to libical, whose time zone cache and error state are global.
enum LibICal {
    /// Serialises every use of libical.
    static let lock = Mutex(())

    /// Parses NUL-terminated text into a component (the caller frees it).
    static func parse(_ bytes: [UInt8]) -> OpaquePointer? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { icalparser_parse_string($0.baseAddress) }
        }
    }

    /// A C string from libical, or "" for NULL.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// A C string from libical without leading and trailing ASCII blanks (space, tab, CR, LF), or "" for NULL.
    static func trimmedString(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var start = 0
        var end = bytes.count
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The TZID parameter of a property, if any.
    static func tzid(of property: OpaquePointer) -> String? {
        guard let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
            let value = icalparameter_get_tzid(parameter)
        else { return nil }
        return String(cString: value)
    }
}

/// Places libical times on days of the property's zone, looking TZIDs up in the feed's VTIMEZONEs first
/// and in libical's built-in zones (the system's zoneinfo) second.
private struct ZoneResolver {
    struct Resolved {
        var day: CalendarDay
        var isDate: Bool
        var unknownZone: String?
    }

    let calendar: OpaquePointer?
    let target: OpaquePointer?
    let utc: OpaquePointer?

    init(calendar: OpaquePointer?, target timeZone: TimeZone) {
        self.calendar = calendar
        utc = icaltimezone_get_utc_timezone()
        let identifier = timeZone.identifier
        if ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(identifier) {
            target = utc
        } else {
            target = icaltimezone_get_builtin_timezone(identifier) ?? utc
        }
    }

    func resolve(_ time: icaltimetype, tzid: String?) -> Resolved? {
        guard let day = CalendarDay(year: Int(time.year), month: Int(time.month), day: Int(time.day)) else {
            return nil
        }
        if time.is_date != 0 { return Resolved(day: day, isDate: true) }
        guard (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second) else {
            return nil
        }
        var zoned = time
        var unknown: String?
        if let tzid {
            if let zone = zone(named: tzid) {
                zoned.zone = zone
            } else {
                unknown = tzid
                zoned.zone = nil
            }
        }
        // A floating time (no Z, no TZID) is already the property's local time.
        guard zoned.zone != nil, let target else { return Resolved(day: day, isDate: false, unknownZone: unknown) }
        let local = icaltime_convert_to_zone(zoned, target)
        guard let converted = CalendarDay(year: Int(local.year), month: Int(local.month), day: Int(local.day)) else {
            return nil
        }
        return Resolved(day: converted, isDate: false, unknownZone: unknown)
    }

    func instant(_ time: icaltimetype) -> Date? {
        guard CalendarDay(year: Int(time.year), month: Int(time.month), day: Int(time.day)) != nil else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(time, utc)))
    }

    private func zone(named tzid: String) -> OpaquePointer? {
        if let calendar, let zone = icalcomponent_get_timezone(calendar, tzid) { return zone }
        if let zone = icaltimezone_get_builtin_timezone(tzid) { return zone }
        return icaltimezone_get_builtin_timezone_from_tzid(tzid)
    }
}
