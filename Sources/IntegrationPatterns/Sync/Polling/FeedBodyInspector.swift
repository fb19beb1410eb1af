/// Decides whether a 200 response really carries a calendar, before anything parses or trusts it.
///
/// An expired or rotated feed URL can answer 200 with an HTML page, and a broken download can stop
/// half-way (research file ical-ota.md §5.2). The `Content-Type` is only a hint; the content decides:
/// after an optional byte-order mark and whitespace the body must start with `BEGIN:VCALENDAR`, and it
/// must contain `END:VCALENDAR` (else it was truncated).
public enum FeedBodyInspector {
    /// What the body turned out to be.
    public enum Verdict: Sendable, Hashable {
        /// A complete calendar.
        case calendar
        /// Not a calendar; the reason says what it looks like.
        case notACalendar(String)
        /// A calendar with no `END:VCALENDAR`.
        case truncated
    }

    /// Inspects `body`, with the response's `Content-Type` for a better message.
    public static func inspect(_ body: [UInt8], contentType: String? = nil) -> Verdict {
        var start = 0
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF { start = 3 }
        while start < body.count, [0x20, 0x09, 0x0D, 0x0A].contains(body[start]) { start += 1 }
        guard start < body.count else { return .notACalendar("the body is empty") }
        if body[start] == UInt8(ascii: "<") {
            let type = contentType.map { " (\($0))" } ?? ""
            return .notACalendar("the body is an HTML page\(type), not a calendar; the feed URL may have expired")
        }
        guard startsWith(body, at: start, "BEGIN:VCALENDAR") else {
            return .notACalendar("the body does not start with BEGIN:VCALENDAR")
        }
        // END:VCALENDAR is near the end; search backwards so a large feed is not scanned twice.
        let marker = Array("END:VCALENDAR".utf8)
        var index = body.count - marker.count
        while index >= start {
            if startsWith(body, at: index, marker) { return .calendar }
            index -= 1
        }
        return .truncated
    }

    private static func startsWith(_ body: [UInt8], at index: Int, _ text: String) -> Bool {
        startsWith(body, at: index, Array(text.utf8))
    }

    private static func startsWith(_ body: [UInt8], at index: Int, _ marker: [UInt8]) -> Bool {
        guard index >= 0, index + marker.count <= body.count else { return false }
        for offset in 0..<marker.count {
            let byte = body[index + offset]
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            if upper != marker[offset] { return false }
        }
        return true
    }
}
