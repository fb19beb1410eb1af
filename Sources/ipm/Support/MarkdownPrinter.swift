internal import Console

/// Renders Markdown to standard output for the terminal it is (or is not) on.
struct MarkdownPrinter {
    let context: Context

    func print(_ markdown: String) {
        let capabilities = context.outputCapabilities()
        let renderer = MarkdownRenderer(
            options: RenderOptions(
                width: capabilities.width, colors: capabilities.colors, hyperlinks: capabilities.hyperlinks))
        context.out(renderer.render(markdown))
    }
}
