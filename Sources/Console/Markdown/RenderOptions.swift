/// How Markdown is laid out for a terminal.
public struct RenderOptions: Sendable, Equatable {
    /// The columns available; nothing rendered is wider (at least 20 is used).
    public var width: Int
    /// Whether to emit ANSI styles and colours.
    public var colors: Bool
    /// Whether links are emitted as OSC 8 hyperlinks (only with colours) instead of "text (url)".
    public var hyperlinks: Bool

    /// Creates options; the defaults are 80 columns of plain text.
    public init(width: Int = 80, colors: Bool = false, hyperlinks: Bool = false) {
        self.width = width
        self.colors = colors
        self.hyperlinks = hyperlinks
    }
}
