import Testing

@testable import Console

@Suite("Line wrapping")
struct LineWrapperTests {
    @Test("words are wrapped greedily and spaces at breaks are dropped")
    func greedy() {
        let lines = LineWrapper(width: 10).wrap([Span("one two three four five")])
        #expect(lines.map(\.plainText) == ["one two", "three four", "five"])
    }

    @Test("a word longer than the line is broken between characters")
    func longWord() {
        let lines = LineWrapper(width: 4).wrap([Span("abcdefghij")])
        #expect(lines.map(\.plainText) == ["abcd", "efgh", "ij"])
    }

    @Test("styles survive wrapping and words may span styles")
    func styles() {
        let bold = TextStyle(bold: true)
        let lines = LineWrapper(width: 8).wrap([Span("plain "), Span("bold", bold), Span("ed text")])
        #expect(lines.map(\.plainText) == ["plain", "bolded", "text"])
        #expect(lines[1].spans.first == Span("bold", bold))
    }

    @Test("a newline inside a span is a hard break")
    func hardBreak() {
        #expect(LineWrapper(width: 80).wrap([Span("a\nb")]).map(\.plainText) == ["a", "b"])
    }

    @Test("wide characters count two columns")
    func wide() {
        let lines = LineWrapper(width: 5).wrap([Span("日本語です")])
        #expect(lines.map(\.plainText) == ["日本", "語で", "す"])
    }
}
