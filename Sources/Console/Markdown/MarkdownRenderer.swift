/// Renders Markdown for a terminal from cmark-gfm's syntax tree.
///
/// Headings, emphasis, inline code, fenced code blocks (framed, or indented when the frame would not fit,
/// with syntax colours for swift, js, json, sql and shell), nested and task lists, block quotes, tables
/// with box drawing fitted to the width, links (OSC 8 where supported) and rules. Nothing rendered is
/// wider than `options.width`; tables too narrow to lay out as a grid are shown row by row instead.
public struct MarkdownRenderer: Sendable {
    /// The layout options.
    public var options: RenderOptions

    /// Creates a renderer.
    public init(options: RenderOptions = RenderOptions()) { self.options = options }

    /// The rendered text, one `\n` after every line.
    public func render(_ markdown: String) -> String {
        let lines = renderLines(markdown)
        var output = ""
        for line in lines {
            output += line.rendered(colors: options.colors, hyperlinks: options.hyperlinks && options.colors)
            output += "\n"
        }
        return output
    }

    /// The rendered lines, still styled, for callers that compose or count them.
    public func renderLines(_ markdown: String) -> [StyledLine] {
        let document = MarkdownDocument(markdown)
        let layout = BlockLayout(options: options)
        return withExtendedLifetime(document) {
            layout.blocks(document.root.children, width: max(20, options.width), listDepth: 0, tight: false)
        }
    }
}
