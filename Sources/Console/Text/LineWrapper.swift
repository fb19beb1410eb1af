/// Greedy word wrapping of styled text to a column width, by display width.
///
/// Words longer than the width are broken between characters; explicit line breaks are kept. Spaces at
/// the points where lines break are dropped. Words may run across spans of different styles.
public struct LineWrapper: Sendable {
    /// The maximum columns of a line (at least 1).
    public var width: Int

    /// Creates a wrapper for `width` columns.
    public init(width: Int) { self.width = max(1, width) }

    /// Wraps `spans`; a `"\n"` inside a span's text is a hard line break.
    public func wrap(_ spans: [Span]) -> [StyledLine] {
        var state = State(width: width)
        for span in spans {
            // Split on the bytes of space, tab and newline; UTF-8 continuation bytes never equal them.
            let text = span.text
            let utf8 = text.utf8
            var start = utf8.startIndex
            var index = start
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                    if start != index { state.addToWord(text[start..<index], span.style) }
                    state.endWord()
                    if byte == 0x0A {
                        state.breakLine()
                    } else if state.lineWidth > 0 {
                        state.pendingSpace = span.style
                    }
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            if start != utf8.endIndex { state.addToWord(text[start...], span.style) }
        }
        state.endWord()
        if state.lineWidth > 0 || state.lines.isEmpty || !state.line.spans.isEmpty { state.lines.append(state.line) }
        return state.lines
    }

    private struct State {
        let width: Int
        var lines: [StyledLine] = []
        var line = StyledLine()
        var lineWidth = 0
        var pendingSpace: TextStyle?
        var word: [(Substring, TextStyle)] = []
        var wordWidth = 0

        init(width: Int) { self.width = width }

        mutating func addToWord(_ piece: Substring, _ style: TextStyle) {
            word.append((piece, style))
            wordWidth += DisplayWidth.of(piece)
        }

        mutating func breakLine() {
            lines.append(line)
            line = StyledLine()
            lineWidth = 0
            pendingSpace = nil
        }

        mutating func endWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = pendingSpace == nil ? 0 : 1
            if lineWidth > 0 && lineWidth + spaceWidth + wordWidth > width { breakLine() }
            if let style = pendingSpace, lineWidth > 0 {
                line.append(" ", style)
                lineWidth += 1
            }
            pendingSpace = nil
            if wordWidth <= width - lineWidth {
                for (piece, style) in word { line.append(piece, style) }
                lineWidth += wordWidth
            } else {
                // A word wider than the line: break it between characters.
                for (piece, style) in word {
                    for character in piece {
                        let characterWidth = DisplayWidth.of(character)
                        if lineWidth + characterWidth > width && lineWidth > 0 { breakLine() }
                        line.append(Substring(String(character)), style)
                        lineWidth += characterWidth
                    }
                }
            }
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
        }
    }
}
