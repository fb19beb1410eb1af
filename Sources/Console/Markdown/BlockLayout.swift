/// Lays out block nodes into styled lines of a given width.
struct BlockLayout {
    let options: RenderOptions

    private static let bullets = ["•", "◦", "▪"]

    /// Lays out sibling blocks, with a blank line between them unless `tight`.
    func blocks(_ nodes: [MarkdownNode], width: Int, listDepth: Int, tight: Bool) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, node) in nodes.enumerated() {
            let rendered = block(node, width: width, listDepth: listDepth)
            if rendered.isEmpty { continue }
            if index > 0 && !lines.isEmpty && !tight { lines.append(StyledLine()) }
            lines.append(contentsOf: rendered)
        }
        return lines
    }

    private func block(_ node: MarkdownNode, width: Int, listDepth: Int) -> [StyledLine] {
        switch node.kind {
        case "paragraph":
            return LineWrapper(width: width).wrap(inlines(node))
        case "heading":
            return heading(node, width: width)
        case "block_quote":
            let bar = StyledLine("│ ", Theme.quoteBar)
            return blocks(node.children, width: width - 2, listDepth: listDepth, tight: false).map { line in
                var styled = StyledLine()
                for span in line.spans { styled.append(Span(span.text, span.style.merged(with: Theme.quoteText))) }
                return styled.prefixed(by: bar)
            }
        case "list":
            return list(node, width: width, depth: listDepth)
        case "code_block":
            return CodeBlockLayout(options: options).lines(
                code: node.literal, language: node.fenceInfo, width: width)
        case "html_block":
            return node.literal.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(node.literal.hasSuffix("\n") ? 1 : 0)
                .flatMap { LineWrapper(width: width).wrap([Span(String($0), Theme.html)]) }
        case "thematic_break":
            return [StyledLine(String(repeating: "─", count: width), Theme.rule)]
        case "table":
            return TableLayout(options: options, inlineRenderer: self).lines(node, width: width)
        default:
            return blocks(node.children, width: width, listDepth: listDepth, tight: false)
        }
    }

    private func heading(_ node: MarkdownNode, width: Int) -> [StyledLine] {
        let level = node.headingLevel
        let style: TextStyle
        switch level {
        case 1: style = Theme.heading1
        case 2: style = Theme.heading2
        case 3: style = Theme.heading3
        default: style = Theme.heading
        }
        var spans = inlines(node, base: style)
        if level == 3 { spans.insert(Span("▸ ", style), at: 0) }
        var lines = LineWrapper(width: width).wrap(spans)
        if level <= 2 {
            let underline = min(width, lines.map(\.width).max() ?? 0)
            lines.append(StyledLine(String(repeating: level == 1 ? "━" : "─", count: underline), style))
        }
        return lines
    }

    private func list(_ node: MarkdownNode, width: Int, depth: Int) -> [StyledLine] {
        let items = node.children
        let ordered = node.isOrderedList
        let start = node.listStart
        let markers: [String] = items.enumerated().map { index, item in
            var marker = ordered ? "\(start + index)." : Self.bullets[depth % Self.bullets.count]
            if item.kind == "tasklist" { marker += item.isTaskChecked ? " [x]" : " [ ]" }
            return marker
        }
        let markerWidth = markers.map { DisplayWidth.of($0) }.max() ?? 1
        let indent = markerWidth + 1
        var lines: [StyledLine] = []
        for (index, item) in items.enumerated() {
            if index > 0 && !node.isTightList { lines.append(StyledLine()) }
            let body = blocks(item.children, width: width - indent, listDepth: depth + 1, tight: node.isTightList)
            var marker = markers[index]
            if ordered {
                marker = String(repeating: " ", count: markerWidth - DisplayWidth.of(marker)) + marker
            }
            let first = StyledLine(marker, Theme.marker).padded(to: indent)
            let rest = StyledLine(String(repeating: " ", count: indent))
            if body.isEmpty {
                lines.append(first)
                continue
            }
            for (lineIndex, line) in body.enumerated() {
                if line.spans.isEmpty && lineIndex > 0 {
                    lines.append(StyledLine())
                } else {
                    lines.append(line.prefixed(by: lineIndex == 0 ? first : rest))
                }
            }
        }
        return lines
    }

    /// The spans of a node's inline children, with `base` as the starting style.
    func inlines(_ node: MarkdownNode, base: TextStyle = .plain) -> [Span] {
        var spans: [Span] = []
        for child in node.children { appendInline(child, style: base, to: &spans) }
        return spans
    }

    private func appendInline(_ node: MarkdownNode, style: TextStyle, to spans: inout [Span]) {
        switch node.kind {
        case "text":
            spans.append(Span(node.literal, style))
        case "softbreak":
            spans.append(Span(" ", style))
        case "linebreak":
            spans.append(Span("\n", style))
        case "code":
            spans.append(Span(node.literal, style.merged(with: Theme.code)))
        case "emph":
            for child in node.children {
                appendInline(child, style: style.merged(with: TextStyle(italic: true)), to: &spans)
            }
        case "strong":
            for child in node.children {
                appendInline(child, style: style.merged(with: TextStyle(bold: true)), to: &spans)
            }
        case "strikethrough":
            if !options.colors { spans.append(Span("~", style)) }
            for child in node.children {
                appendInline(child, style: style.merged(with: TextStyle(strikethrough: true)), to: &spans)
            }
            if !options.colors { spans.append(Span("~", style)) }
        case "link":
            let url = node.url
            var linkStyle = style.merged(with: Theme.link)
            linkStyle.link = url
            var text: [Span] = []
            for child in node.children { appendInline(child, style: linkStyle, to: &text) }
            spans.append(contentsOf: text)
            let plain = text.map(\.text).joined()
            let showsURL = !(options.hyperlinks && options.colors)
            if showsURL && !url.isEmpty && !url.hasPrefix("#") && plain != url && "mailto:" + plain != url {
                spans.append(Span(" (", style.merged(with: Theme.url)))
                spans.append(Span(url, style.merged(with: Theme.url)))
                spans.append(Span(")", style.merged(with: Theme.url)))
            }
        case "image":
            var alt: [Span] = []
            for child in node.children { appendInline(child, style: style, to: &alt) }
            let altText = alt.map(\.text).joined()
            spans.append(Span("[image: \(altText.isEmpty ? node.url : altText)]", style.merged(with: Theme.url)))
        case "html_inline":
            spans.append(Span(node.literal, style.merged(with: Theme.html)))
        default:
            for child in node.children { appendInline(child, style: style, to: &spans) }
        }
    }
}
