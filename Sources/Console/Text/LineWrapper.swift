/// Greedy word wrapping of styled text to a column width, by display width.
///
/// Words longer than the width are broken between characters; explicit line breaks are kept. Spaces at
/// the points where lines break are dropped.
public struct LineWrapper: Sendable {
    /// The maximum columns of a line (at least 1).
    public var width: Int

    /// Creates a wrapper for `width` columns.
    public init(width: Int) { self.width = max(1, width) }

    private enum Token {
        case word([Span], width: Int)
        case space(TextStyle)
        case lineBreak
    }

    /// Wraps `spans`; a `"\n"` inside a span's text is a hard line break.
    public func wrap(_ spans: [Span]) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = StyledLine()
        var lineWidth = 0
        var pendingSpace: TextStyle?

        func breakLine() {
            lines.append(line)
            line = StyledLine()
            lineWidth = 0
            pendingSpace = nil
        }

        for token in tokenize(spans) {
            switch token {
            case .lineBreak:
                breakLine()
            case .space(let style):
                if lineWidth > 0 { pendingSpace = style }
            case .word(let parts, let wordWidth):
                let spaceWidth = pendingSpace == nil ? 0 : 1
                if lineWidth > 0 && lineWidth + spaceWidth + wordWidth > width {
                    breakLine()
                }
                if let style = pendingSpace, lineWidth > 0 {
                    line.append(Span(" ", style))
                    lineWidth += 1
                }
                pendingSpace = nil
                if wordWidth <= width - lineWidth {
                    for part in parts { line.append(part) }
                    lineWidth += wordWidth
                } else {
                    // A word wider than the line: break it between characters.
                    for part in parts {
                        for character in part.text {
                            let characterWidth = DisplayWidth.of(character)
                            if lineWidth + characterWidth > width && lineWidth > 0 { breakLine() }
                            line.append(Span(String(character), part.style))
                            lineWidth += characterWidth
                        }
                    }
                }
            }
        }
        if lineWidth > 0 || lines.isEmpty || !line.spans.isEmpty { lines.append(line) }
        return lines
    }

    private func tokenize(_ spans: [Span]) -> [Token] {
        var tokens: [Token] = []
        var word: [Span] = []
        var wordWidth = 0
        func flushWord() {
            if !word.isEmpty { tokens.append(.word(word, width: wordWidth)) }
            word = []
            wordWidth = 0
        }
        for span in spans {
            // Split on the bytes of space, tab and newline; UTF-8 continuation bytes never equal them.
            let utf8 = span.text.utf8
            var start = utf8.startIndex
            var index = start
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                    if start != index {
                        let piece = Substring(span.text[start..<index])
                        word.append(Span(String(piece), span.style))
                        wordWidth += DisplayWidth.of(piece)
                    }
                    flushWord()
                    tokens.append(byte == 0x0A ? .lineBreak : .space(span.style))
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            if start != utf8.endIndex {
                let piece = Substring(span.text[start...])
                word.append(Span(String(piece), span.style))
                wordWidth += DisplayWidth.of(piece)
            }
        }
        flushWord()
        return tokens
    }
}
