/// A run of text in one style.
public struct Span: Sendable, Hashable {
    /// The text, without line breaks.
    public var text: String
    /// Its style.
    public var style: TextStyle

    /// Creates a span.
    public init(_ text: String, _ style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// The columns the text occupies.
    public var width: Int { DisplayWidth.of(text) }
}
