import Foundation
import SnapshotTesting
import Testing

@testable import Console

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    private func render(_ markdown: String, width: Int, colors: Bool = false, hyperlinks: Bool = false) -> String {
        MarkdownRenderer(options: RenderOptions(width: width, colors: colors, hyperlinks: hyperlinks)).render(markdown)
    }

    @Test("every construct at 80 columns, without colour", arguments: [80, 60, 40])
    func constructs(width: Int) throws {
        let output = render(try fixture("constructs.md"), width: width)
        assertSnapshot(output, named: "constructs-\(width).txt")
    }

    @Test("a wide table at 60 columns fits and wraps its cells", arguments: [60, 100])
    func wideTable(width: Int) throws {
        let output = render(try fixture("wide-table.md"), width: width)
        assertSnapshot(output, named: "wide-table-\(width).txt")
        for line in output.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= width, "line wider than \(width): \(line)")
        }
    }

    @Test("a table too narrow for a grid is shown row by row")
    func tableAsRecords() throws {
        let output = render(try fixture("wide-table.md"), width: 24)
        assertSnapshot(output, named: "wide-table-24.txt")
        #expect(!output.contains("┌"))
        #expect(output.contains("Capability: Rate limiter"))
    }

    @Test("CJK and accented text are measured by display columns", arguments: [60, 30])
    func international(width: Int) throws {
        let output = render(try fixture("international.md"), width: width)
        assertSnapshot(output, named: "international-\(width).txt")
        for line in output.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= width, "line wider than \(width): \(line)")
        }
    }

    @Test("display width counts wide characters twice and combining marks not at all")
    func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("año") == 3)
        #expect(DisplayWidth.of("a\u{0301}") == 1)
        #expect(DisplayWidth.of("│─┼") == 3)
    }

    @Test("without colour there is no escape code at all")
    func noEscapesWithoutColour() throws {
        let output = render(try fixture("constructs.md"), width: 80)
        #expect(!output.contains("\u{1B}"))
    }

    @Test("with colour, styles open and close on the same line")
    func coloursCloseOnEachLine() throws {
        let output = render(try fixture("constructs.md"), width: 50, colors: true)
        #expect(output.contains("\u{1B}[1;35m"))  // level-one heading
        #expect(output.contains("\u{1B}[35mlet\u{1B}[0m"))  // a Swift keyword
        for line in output.split(separator: "\n") where line.contains("\u{1B}[") {
            let lastSequence = line.ranges(of: "\u{1B}[").last.map { String(line[$0.lowerBound...].prefix(4)) }
            #expect(lastSequence == "\u{1B}[0m", "style left open: \(line)")
        }
    }

    @Test("links become OSC 8 hyperlinks only where the terminal supports them")
    func hyperlinks() {
        let markdown = "See [the spec](https://example.com/spec)."
        let plain = render(markdown, width: 80)
        #expect(plain == "See the spec (https://example.com/spec).\n")
        let linked = render(markdown, width: 80, colors: true, hyperlinks: true)
        #expect(linked.contains("\u{1B}]8;;https://example.com/spec\u{1B}\\"))
        #expect(!linked.contains("(https://example.com/spec)"))
    }

    @Test("a code line wider than the width continues on marked lines instead of overflowing")
    func longCodeLine() {
        let markdown = "```shell\n" + String(repeating: "x", count: 70) + "\n```\n"
        let output = render(markdown, width: 30)
        let lines = output.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines.contains { $0.contains("↪") })
        let rejoined = lines.dropFirst().map { $0.replacingOccurrences(of: "↪", with: "").filter { $0 != " " } }
            .joined()
        #expect(rejoined == String(repeating: "x", count: 70))
    }

    @Test(
        "nothing rendered is wider than the width, for any width",
        arguments: Array(stride(from: 20, through: 120, by: 7)))
    func neverWiderThanWidth(width: Int) throws {
        for name in ["constructs.md", "wide-table.md", "international.md"] {
            let output = render(try fixture(name), width: width)
            for line in output.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(name) at \(width): \(line)")
            }
        }
    }
}
