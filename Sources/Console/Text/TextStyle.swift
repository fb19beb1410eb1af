/// How a run of text looks on a terminal: attributes, a colour and an optional hyperlink target.
public struct TextStyle: Sendable, Hashable {
    /// A foreground colour from the 16 ANSI colours, which every terminal theme maps to something legible.
    public enum Color: UInt8, Sendable, Hashable {
        case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36, gray = 90
    }

    public var bold = false
    public var italic = false
    public var underline = false
    public var dim = false
    public var strikethrough = false
    public var color: Color?
    /// The URL of a hyperlink (rendered with OSC 8 where the terminal supports it).
    public var link: String?

    /// The plain style.
    public static let plain = TextStyle()

    /// Creates a style.
    public init(
        bold: Bool = false, italic: Bool = false, underline: Bool = false, dim: Bool = false,
        strikethrough: Bool = false, color: Color? = nil, link: String? = nil
    ) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.dim = dim
        self.strikethrough = strikethrough
        self.color = color
        self.link = link
    }

    /// The SGR parameters that turn this style on from a reset state; empty for the plain style.
    var sgrParameters: [String] {
        var parameters: [String] = []
        if bold { parameters.append("1") }
        if dim { parameters.append("2") }
        if italic { parameters.append("3") }
        if underline { parameters.append("4") }
        if strikethrough { parameters.append("9") }
        if let color { parameters.append(String(color.rawValue)) }
        return parameters
    }

    /// This style with another laid over it (attributes add up; the other's colour and link win).
    func merged(with other: TextStyle) -> TextStyle {
        TextStyle(
            bold: bold || other.bold, italic: italic || other.italic, underline: underline || other.underline,
            dim: dim || other.dim, strikethrough: strikethrough || other.strikethrough,
            color: other.color ?? color, link: other.link ?? link)
    }
}
