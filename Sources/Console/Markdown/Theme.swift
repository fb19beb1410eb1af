/// The styles the renderer uses for each construct.
enum Theme {
    static let heading1 = TextStyle(bold: true, color: .magenta)
    static let heading2 = TextStyle(bold: true, color: .blue)
    static let heading3 = TextStyle(bold: true, color: .cyan)
    static let heading = TextStyle(bold: true)
    static let code = TextStyle(color: .yellow)
    static let link = TextStyle(underline: true, color: .blue)
    static let url = TextStyle(dim: true)
    static let rule = TextStyle(color: .gray)
    static let quoteBar = TextStyle(color: .gray)
    static let quoteText = TextStyle(italic: true)
    static let border = TextStyle(color: .gray)
    static let marker = TextStyle(color: .cyan)
    static let html = TextStyle(dim: true)
    static let tableHeader = TextStyle(bold: true)

    // Syntax colours.
    static let keyword = TextStyle(color: .magenta)
    static let string = TextStyle(color: .green)
    static let comment = TextStyle(italic: true, dim: true)
    static let number = TextStyle(color: .cyan)
    static let property = TextStyle(color: .blue)
    static let variable = TextStyle(color: .cyan)
    static let flag = TextStyle(color: .yellow)
}
