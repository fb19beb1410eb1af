/// One line of terminal output as styled spans, turned into bytes only at the end.
public struct StyledLine: Sendable, Hashable {
    /// The spans, left to right.
    public var spans: [Span]

    /// Creates a line from spans.
    public init(_ spans: [Span] = []) { self.spans = spans }

    /// A line of one span.
    public init(_ text: String, _ style: TextStyle = .plain) { self.spans = [Span(text, style)] }

    /// The columns the line occupies.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Appends a span.
    public mutating func append(_ span: Span) {
        if span.text.isEmpty { return }
        if let last = spans.last, last.style == span.style {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    /// Appends text in a style, extending the last span when the style is the same.
    public mutating func append<S: StringProtocol>(_ text: S, _ style: TextStyle) {
        if text.isEmpty { return }
        if let last = spans.indices.last, spans[last].style == style {
            spans[last].text.append(contentsOf: text)
        } else {
            spans.append(Span(String(text), style))
        }
    }

    /// Appends every span of another line.
    public mutating func append(contentsOf line: StyledLine) {
        for span in line.spans { append(span) }
    }

    /// This line with `prefix` in front.
    public func prefixed(by prefix: StyledLine) -> StyledLine {
        var line = prefix
        line.append(contentsOf: self)
        return line
    }

    /// Pads the line with spaces up to `width` columns.
    public func padded(to width: Int, style: TextStyle = .plain) -> StyledLine {
        let missing = width - self.width
        guard missing > 0 else { return self }
        var line = self
        line.append(Span(String(repeating: " ", count: missing), style))
        return line
    }

    /// The line's bytes: with ANSI SGR (and OSC 8 for links when `hyperlinks`) when `colors`, else plain.
    ///
    /// Trailing plain spaces are dropped; every style is closed at the end of the line, so a pager or a
    /// wrapped terminal never bleeds a style into the next line.
    public func rendered(colors: Bool, hyperlinks: Bool = false) -> String {
        var spans = self.spans
        while let last = spans.last, last.style.sgrParameters.isEmpty, last.style.link == nil || !hyperlinks {
            guard last.text.utf8.last == UInt8(ascii: " ") else { break }
            var trimmed = Substring(last.text)
            while trimmed.utf8.last == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty {
                spans.removeLast()
            } else {
                spans[spans.count - 1].text = String(trimmed)
                break
            }
        }
        guard colors else {
            var text = spans.map(\.text).joined()
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            return text
        }
        var output = ""
        var activeLink: String?
        var activeSGR: [String] = []
        for span in spans {
            let link = hyperlinks ? span.style.link : nil
            if link != activeLink {
                if activeLink != nil { output += "\u{1B}]8;;\u{1B}\\" }
                if let link { output += "\u{1B}]8;;\(link)\u{1B}\\" }
                activeLink = link
            }
            let sgr = span.style.sgrParameters
            if sgr != activeSGR {
                if !activeSGR.isEmpty { output += "\u{1B}[0m" }
                if !sgr.isEmpty { output += "\u{1B}[" + sgr.joined(separator: ";") + "m" }
                activeSGR = sgr
            }
            output += span.text
        }
        if !activeSGR.isEmpty { output += "\u{1B}[0m" }
        if activeLink != nil { output += "\u{1B}]8;;\u{1B}\\" }
        return output
    }
}
