import Console
import Knowledge
import Testing

/// Every real page, rendered at several widths, stays within the width and keeps its text.
@Suite("Content rendering")
struct ContentRenderingTests {
    static let widths = [40, 60, 80, 100]

    @Test("no rendered line of any page is wider than the width", arguments: widths)
    func fits(width: Int) {
        let catalog = Catalog.builtIn()
        for language in Language.allCases {
            for page in catalog.pages(language: language) {
                let output = MarkdownRenderer(options: RenderOptions(width: width)).render(page.body)
                for line in output.split(separator: "\n") where DisplayWidth.of(line) > width {
                    Issue.record("\(page.id) (\(language.rawValue)) at \(width): \(line)")
                }
            }
        }
    }

    @Test("rendering keeps every word of the plain text")
    func keepsWords() {
        let catalog = Catalog.builtIn()
        for page in catalog.pages(language: .english) {
            let output = MarkdownRenderer(options: RenderOptions(width: 80)).render(page.body)
            let rendered = Set(output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            // Every heading's words appear in the output, in order of the page.
            for line in page.body.split(separator: "\n") where line.hasPrefix("## ") {
                for word in line.dropFirst(3).split(separator: " ") where !word.contains("`") {
                    #expect(rendered.contains(String(word)), "\(page.id): heading word '\(word)' lost")
                }
            }
        }
    }
}
