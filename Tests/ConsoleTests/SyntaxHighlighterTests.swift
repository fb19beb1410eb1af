import Testing

@testable import Console

@Suite("Syntax highlighting")
struct SyntaxHighlighterTests {
    private func styles(_ code: String, _ language: String) -> [(String, TextStyle)] {
        SyntaxHighlighter(language: language).highlight(code).flatMap { $0 }.map { ($0.text, $0.style) }
    }

    @Test("Swift keywords, strings, numbers and comments")
    func swift() {
        let spans = styles("let x = \"a\" // note\nreturn 42", "swift")
        #expect(spans.contains { $0.0 == "let" && $0.1 == Theme.keyword })
        #expect(spans.contains { $0.0 == "\"a\"" && $0.1 == Theme.string })
        #expect(spans.contains { $0.0 == "// note" && $0.1 == Theme.comment })
        #expect(spans.contains { $0.0 == "42" && $0.1 == Theme.number })
    }

    @Test("JSON keys differ from string values")
    func json() {
        let spans = styles("{\"id\": \"evt_1\", \"n\": 3, \"ok\": true}", "json")
        #expect(spans.contains { $0.0 == "\"id\"" && $0.1 == Theme.property })
        #expect(spans.contains { $0.0 == "\"evt_1\"" && $0.1 == Theme.string })
        #expect(spans.contains { $0.0 == "true" && $0.1 == Theme.keyword })
    }

    @Test("SQL keywords in any case and block comments across lines")
    func sql() {
        let lines = SyntaxHighlighter(language: "sql").highlight("/* a\nb */ select 1 FROM t")
        #expect(lines[0].allSatisfy { $0.style == Theme.comment })
        #expect(lines[1].contains { $0.text == "select" && $0.style == Theme.keyword })
        #expect(lines[1].contains { $0.text == "FROM" && $0.style == Theme.keyword })
    }

    @Test("shell variables, flags and comments; unknown languages stay plain")
    func shellAndPlain() {
        let spans = styles("curl --data-binary @body.json $URL # send", "shell")
        #expect(spans.contains { $0.0 == "--data-binary" && $0.1 == Theme.flag })
        #expect(spans.contains { $0.0 == "$URL" && $0.1 == Theme.variable })
        #expect(spans.contains { $0.0 == "# send" && $0.1 == Theme.comment })
        #expect(styles("let x = 1", "cobol").allSatisfy { $0.1 == .plain })
    }
}
