/// The byte-level pass that makes real feeds acceptable to libical, and remembers where everything was.
///
/// libical parses content lines well but is strict about their framing and knows nothing of line
/// numbers. This pass, on bytes and before any decoding (RFC 5545 §3.1: folding counts octets, so a
/// fold may split a multi-byte UTF-8 character):
/// - drops a UTF-8 byte-order mark;
/// - accepts CRLF, bare LF (some Booking.com exports) and lone CR as line ends;
/// - unfolds: a line starting with a space or tab continues the previous one, without that character;
/// - skips blank lines (even between a line and its continuation);
/// - cuts the calendar into its parts: calendar properties and VTIMEZONEs on one side, each VEVENT on its
///   own, so one broken event (no END, a stray line) is reported with its line and skipped while the rest
///   is kept.
/// It does not interpret properties; libical does.
struct ICalScanner {
    /// One VEVENT's text, ready for libical: unfolded lines joined by LF, NUL-terminated.
    struct EventText {
        /// The text handed to libical.
        var bytes: [UInt8]
        /// The physical line of `BEGIN:VEVENT`.
        var line: Int
        /// The physical line where each logical line of `bytes` starts.
        var lineNumbers: [Int]

        /// The physical line of the first property named `name` (`DTSTART`), or the event's line.
        func line(of name: String) -> Int {
            let wanted = Array(name.utf8)
            var index = 0
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") || byte == 0 {
                if ICalScanner.hasName(bytes[start..<offset], wanted), index < lineNumbers.count {
                    return lineNumbers[index]
                }
                index += 1
                start = offset + 1
            }
            return line
        }
    }

    /// The parts of an input.
    struct Layout {
        /// `BEGIN:VCALENDAR`, the calendar-level properties, every VTIMEZONE, `END:VCALENDAR`, NUL-terminated.
        var calendar: [UInt8] = []
        /// Every complete VEVENT, in order.
        var events: [EventText] = []
        /// Structural problems found on the way.
        var problems: [ICalProblem] = []
        /// Whether a `BEGIN:VCALENDAR` was seen.
        var foundCalendar = false
        /// Whether the last calendar was closed by `END:VCALENDAR`.
        var isComplete = false
        /// Whether the first non-blank byte is `<` (an HTML or XML page).
        var looksLikeMarkup = false
        /// Whether the input has nothing but whitespace.
        var isBlank = true
    }

    private var layout = Layout()
    private var stack: [[UInt8]] = []
    private var event: [UInt8] = []
    private var eventLines: [Int] = []
    private var eventStart = 0
    private var strayReported = false

    /// Scans `bytes`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Layout {
        var scanner = ICalScanner()
        scanner.layout.calendar.reserveCapacity(1024)
        scanner.layout.calendar.append(contentsOf: "BEGIN:VCALENDAR\n".utf8)
        scanner.run(bytes)
        return scanner.layout
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = bytes.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var probe = index
        while probe < count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[probe]) { probe += 1 }
        layout.isBlank = probe == count
        layout.looksLikeMarkup = probe < count && bytes[probe] == UInt8(ascii: "<")

        var logical: [UInt8] = []
        logical.reserveCapacity(256)
        var logicalLine = 0
        var physicalLine = 0
        while index < count {
            // One physical line: [index, end) and the index after its terminator.
            var end = index
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var next = end
            if next < count {
                next += (bytes[next] == 0x0D && next + 1 < count && bytes[next + 1] == 0x0A) ? 2 : 1
            }
            physicalLine += 1
            // Blank lines mean nothing in iCalendar: skip them as if absent, even between a line and its
            // continuation. A line of blanks after a content line is a continuation that carries blanks.
            if end > index {
                let isContinuation = bytes[index] == 0x20 || bytes[index] == 0x09
                if isContinuation && !logical.isEmpty {
                    logical.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
                } else if !isBlank(bytes, index, end) {
                    if !logical.isEmpty { handle(logical, line: logicalLine) }
                    logical.removeAll(keepingCapacity: true)
                    logical.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    logicalLine = physicalLine
                }
            }
            index = next
        }
        if !logical.isEmpty { handle(logical, line: logicalLine) }
        finish(atLine: physicalLine)
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            if bytes[index] != 0x20 && bytes[index] != 0x09 { return false }
            index += 1
        }
        return true
    }

    // MARK: - Logical lines

    private mutating func handle(_ line: [UInt8], line number: Int) {
        if line.contains(0) {
            report(number, "a NUL byte in the line; the line was ignored", skipped: false)
            return
        }
        let marker = Self.marker(line)
        switch (marker, stack.last) {
        case (.begin(let name), nil):
            if name == Self.vcalendar {
                stack = [name]
                layout.foundCalendar = true
                layout.isComplete = false
            } else {
                reportStray(number)
            }
        case (_, nil):
            if layout.foundCalendar { reportStray(number) }
        case (.begin(let name), .some(let top)) where top == Self.vcalendar:
            stack.append(name)
            if name == Self.vevent {
                event.removeAll(keepingCapacity: true)
                eventLines.removeAll(keepingCapacity: true)
                eventStart = number
                appendEvent(line, number)
            } else if name == Self.vtimezone {
                appendCalendar(line)
            }
        case (.end(let name), .some(let top)) where top == Self.vcalendar:
            if name == Self.vcalendar {
                stack.removeAll()
                layout.isComplete = true
            } else {
                report(
                    number, "END:\(String(decoding: name, as: UTF8.self)) without its BEGIN; ignored", skipped: false)
            }
        case (.none, .some(let top)) where top == Self.vcalendar:
            if Self.isContentLine(line) {
                appendCalendar(line)
            } else {
                report(number, "not a content line (NAME:value); ignored", skipped: false)
            }
        default:
            handleNested(line, number: number, marker: marker)
        }
    }

    /// A line inside a component of the calendar (a VEVENT, a VTIMEZONE, or one we do not read).
    private mutating func handleNested(_ line: [UInt8], number: Int, marker: Marker) {
        let inEvent = stack.count >= 2 && stack[1] == Self.vevent
        let inTimezone = stack.count >= 2 && stack[1] == Self.vtimezone
        switch marker {
        case .begin(let name):
            if inEvent && (name == Self.vevent || name == Self.vcalendar) {
                // A new event (or calendar) starts before this one ended: this one has no END.
                abandonEvent()
                stack = [Self.vcalendar]
                handle(line, line: number)
                return
            }
            stack.append(name)
            if inEvent { appendEvent(line, number) } else if inTimezone { appendCalendar(line) }
        case .end(let name):
            if name == stack.last {
                if inEvent { appendEvent(line, number) } else if inTimezone { appendCalendar(line) }
                stack.removeLast()
                if inEvent && stack.count == 1 { finishEvent() }
            } else if inEvent {
                // END:VCALENDAR (or another component's END) inside an event: the event never ended.
                abandonEvent()
                stack = [Self.vcalendar]
                handle(line, line: number)
            } else if let depth = stack.lastIndex(of: name) {
                // A component we only pass through ended without closing its children: unwind to it.
                if inTimezone { appendCalendar(line) }
                stack.removeSubrange(depth...)
            } else {
                report(
                    number, "END:\(String(decoding: name, as: UTF8.self)) without its BEGIN; ignored", skipped: false)
            }
        case .none:
            if !Self.isContentLine(line) {
                if inEvent { report(number, "not a content line (NAME:value); ignored", skipped: false) }
                return
            }
            if inEvent { appendEvent(line, number) } else if inTimezone { appendCalendar(line) }
        }
    }

    private mutating func appendEvent(_ line: [UInt8], _ number: Int) {
        event.append(contentsOf: line)
        event.append(0x0A)
        eventLines.append(number)
    }

    private mutating func appendCalendar(_ line: [UInt8]) {
        layout.calendar.append(contentsOf: line)
        layout.calendar.append(0x0A)
    }

    private mutating func finishEvent() {
        var bytes = event
        bytes.append(0)
        layout.events.append(EventText(bytes: bytes, line: eventStart, lineNumbers: eventLines))
    }

    private mutating func abandonEvent() {
        report(eventStart, "BEGIN:VEVENT without END:VEVENT", skipped: true)
    }

    private mutating func finish(atLine line: Int) {
        if stack.count >= 2 && stack[1] == Self.vevent { abandonEvent() }
        if layout.foundCalendar && !layout.isComplete {
            report(line, "no END:VCALENDAR: the feed may be truncated", skipped: false)
        }
        layout.calendar.append(contentsOf: "END:VCALENDAR\n".utf8)
        layout.calendar.append(0)
    }

    private mutating func report(_ line: Int, _ message: String, skipped: Bool) {
        layout.problems.append(ICalProblem(line: line, message: message, skipped: skipped))
    }

    private mutating func reportStray(_ line: Int) {
        guard !strayReported else { return }
        strayReported = true
        report(line, "content outside BEGIN:VCALENDAR … END:VCALENDAR; ignored", skipped: false)
    }

    // MARK: - Lexing helpers

    private enum Marker {
        case begin([UInt8])
        case end([UInt8])
        case none
    }

    private static let vcalendar = Array("VCALENDAR".utf8)
    private static let vevent = Array("VEVENT".utf8)
    private static let vtimezone = Array("VTIMEZONE".utf8)
    private static let beginWord = Array("BEGIN".utf8)
    private static let endWord = Array("END".utf8)

    /// `BEGIN:NAME` or `END:NAME` (any case, trailing blanks allowed), with NAME uppercased.
    private static func marker(_ line: [UInt8]) -> Marker {
        func uppercased(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
        func value(after prefix: Int) -> [UInt8] {
            var end = line.count
            while end > prefix, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            return line[prefix..<end].map(uppercased)
        }
        if line.count > 6, hasName(line[...], beginWord), line[5] == UInt8(ascii: ":") {
            return .begin(value(after: 6))
        }
        if line.count > 4, hasName(line[...], endWord), line[3] == UInt8(ascii: ":") {
            return .end(value(after: 4))
        }
        return .none
    }

    /// Whether the line starts with the property name `name` (any case) followed by `;` or `:`.
    static func hasName(_ line: ArraySlice<UInt8>, _ name: [UInt8]) -> Bool {
        guard line.count > name.count else { return false }
        var index = line.startIndex
        for expected in name {
            let byte = line[index]
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            if upper != expected { return false }
            index += 1
        }
        return line[index] == UInt8(ascii: ":") || line[index] == UInt8(ascii: ";")
    }

    /// Whether a line has the shape `NAME[;params]:value`: a name of letters, digits and dashes, then `;` or `:`.
    private static func isContentLine(_ line: [UInt8]) -> Bool {
        var sawName = false
        for byte in line {
            let isNameByte =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            if isNameByte {
                sawName = true
                continue
            }
            return sawName && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";"))
                && line.contains(UInt8(ascii: ":"))
        }
        return false
    }
}
