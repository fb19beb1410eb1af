import Testing

@testable import Knowledge

@Suite("Front matter")
struct FrontMatterParserTests {
    private let parser = FrontMatterParser()

    @Test("a complete page is read field by field, and the body follows the closing line")
    func complete() throws {
        let text = """
            ---
            id: retry-patterns
            title: Retry patterns
            kind: topic
            aliases: [retry, reintentos, patrones de reintento]
            summary: When to retry, how long to wait.
            related: [circuit-breaker, dead-letter-queue]
            types: [RetryPolicy, Jitter]
            ---
            # Retry patterns

            Body.
            """
        let page = try parser.parse(text, language: .english, file: "retry-patterns.md")
        #expect(page.id == "retry-patterns")
        #expect(page.kind == .topic)
        #expect(page.aliases == ["retry", "reintentos", "patrones de reintento"])
        #expect(page.related == ["circuit-breaker", "dead-letter-queue"])
        #expect(page.types == ["RetryPolicy", "Jitter"])
        #expect(page.summary == "When to retry, how long to wait.")
        #expect(page.body == "# Retry patterns\n\nBody.")
        #expect(page.bodyStartLine == 10)
    }

    @Test("CRLF line ends and titles with colons are accepted")
    func crlfAndColons() throws {
        let text = "---\r\nid: a\r\ntitle: Webhooks: the whole story\r\nkind: story\r\n---\r\nBody\r\n"
        let page = try parser.parse(text, language: .spanish, file: "a.md")
        #expect(page.title == "Webhooks: the whole story")
        #expect(page.language == .spanish)
    }

    @Test(
        "malformed front matter is an error with its line",
        arguments: [
            ("# no front matter\n", 1, "must start"),
            ("---\nid: a\ntitle: A\n", 3, "no closing"),
            ("---\nid: a\ntitle: A\nkind: essay\n---\n", 5, "is not one of"),
            ("---\nid: a\ntitle: A\nkind: topic\ncolour: red\n---\n", 5, "unknown key 'colour'"),
            ("---\nid: a\ntitle: A\nkind: topic\naliases: a, b\n---\n", 5, "[a, b, c]"),
            ("---\nid: a\nkind: topic\n---\n", 4, "missing 'title'"),
            ("---\nid a\n---\n", 2, "expected 'key: value'"),
        ])
    func malformed(text: String, line: Int, message: String) {
        #expect {
            try parser.parse(text, language: .english, file: "page.md")
        } throws: { error in
            guard let error = error as? FrontMatterError else { return false }
            return error.line == line && error.message.contains(message)
                && error.description.hasPrefix("page.md:\(line):")
        }
    }
}
