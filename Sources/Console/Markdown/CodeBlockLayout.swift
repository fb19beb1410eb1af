/// Lays out a fenced code block: framed when its longest line fits inside a frame, indented when it fits
/// with an indent, and otherwise indented with long lines continued on marked lines (`↪`), so code is
/// never silently cut or wrapped by the terminal.
struct CodeBlockLayout {
    let options: RenderOptions

    func lines(code: String, language: String, width: Int) -> [StyledLine] {
        let languageName = language.split(separator: " ").first.map(String.init) ?? ""
        var source = code.replacingTabs()
        if source.hasSuffix("\n") { source.removeLast() }
        let highlighted = SyntaxHighlighter(language: languageName).highlight(source)
        let longest = highlighted.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
        let label = languageName.isEmpty ? "" : " \(languageName) "

        if longest + 4 <= width && DisplayWidth.of(label) + 4 <= width {
            return framed(highlighted, label: label, width: width)
        }
        var lines: [StyledLine] = []
        if !languageName.isEmpty { lines.append(StyledLine("  " + languageName, Theme.border)) }
        let indent = StyledLine("  ")
        for spans in highlighted {
            let lineWidth = spans.reduce(0) { $0 + $1.width }
            if lineWidth + 2 <= width {
                lines.append(StyledLine(spans).prefixed(by: indent))
            } else {
                lines.append(contentsOf: continued(spans, width: width))
            }
        }
        return lines
    }

    private func framed(_ highlighted: [[Span]], label: String, width: Int) -> [StyledLine] {
        let inner = width - 4
        var top = StyledLine("╭─", Theme.border)
        top.append(Span(label, Theme.border))
        top.append(Span(String(repeating: "─", count: width - 3 - DisplayWidth.of(label)) + "╮", Theme.border))
        var lines = [top]
        for spans in highlighted {
            var line = StyledLine("│ ", Theme.border)
            line.append(contentsOf: StyledLine(spans).padded(to: inner))
            line.append(Span(" │", Theme.border))
            lines.append(line)
        }
        lines.append(StyledLine("╰" + String(repeating: "─", count: width - 2) + "╯", Theme.border))
        return lines
    }

    /// A line too long for the width, cut into pieces; the pieces after the first start with `↪`.
    ///
    /// A piece ends after the last space that fits when there is one in its second half, else at the
    /// last character that fits.
    private func continued(_ spans: [Span], width: Int) -> [StyledLine] {
        var characters: [(Character, TextStyle)] = []
        for span in spans {
            for character in span.text { characters.append((character, span.style)) }
        }
        var lines: [StyledLine] = []
        var start = 0
        var limit = width - 2
        while start < characters.count {
            var end = start
            var used = 0
            while end < characters.count {
                let characterWidth = DisplayWidth.of(characters[end].0)
                if used + characterWidth > limit { break }
                used += characterWidth
                end += 1
            }
            if end < characters.count, let space = characters[start..<end].lastIndex(where: { $0.0 == " " }),
                space + 1 - start > (end - start) / 2
            {
                end = space + 1
            }
            end = max(end, start + 1)
            var line = StyledLine("  ")
            if start > 0 { line.append(Span("↪ ", Theme.border)) }
            for (character, style) in characters[start..<end] { line.append(Span(String(character), style)) }
            lines.append(line)
            start = end
            limit = width - 4
        }
        return lines
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        guard contains("\t") else { return self }
        var result = ""
        var column = 0
        for character in self {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column = character == "\n" ? 0 : column + 1
            }
        }
        return result
    }
}
