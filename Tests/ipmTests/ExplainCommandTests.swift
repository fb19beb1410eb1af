import Foundation
import Testing

@Suite("ipm explain")
struct ExplainCommandTests {
    @Test("renders a page found by alias, in plain text when stdout is a pipe")
    func rendersByAlias() throws {
        let result = try IPM.run(["explain", "retry", "--width", "72"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.hasPrefix("Retry patterns"))
        #expect(result.standardOutput.split(separator: "\n")[1].allSatisfy { $0 == "━" })
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(result.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 72 })
    }

    @Test("Spanish phrases with or without accents resolve, and --lang chooses the language")
    func spanish() throws {
        let accented = try IPM.run(["explain", "Sincronizar datos", "--lang", "es"])
        let bare = try IPM.run(["explain", "sincronizar", "datos", "--lang", "es"])
        #expect(accented.status == 0)
        #expect(accented.standardOutput == bare.standardOutput)
        #expect(accented.standardOutput.contains("Relacionado"))
        let fromEnvironment = try IPM.run(["explain", "webhooks seguros"], environment: ["LANG": "es_CO.UTF-8"])
        let fromFlag = try IPM.run(["explain", "webhook-security", "--lang", "es"])
        #expect(fromEnvironment.standardOutput == fromFlag.standardOutput)
    }

    @Test("--raw prints the Markdown source")
    func raw() throws {
        let result = try IPM.run(["explain", "checklist", "--raw"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("# "))
        #expect(result.standardOutput.contains("- [ ]"))
    }

    @Test("an unknown topic exits 1 and suggests, never runs, the nearest")
    func unknownTopic() throws {
        let result = try IPM.run(["explain", "circut-breaker"])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("No topic matches 'circut-breaker'"))
        #expect(result.standardError.contains("Did you mean 'circuit-breaker'"))
    }

    @Test("a missing topic, a bad width and an unknown flag are usage errors (64)")
    func usageErrors() throws {
        let missing = try IPM.run(["explain"])
        #expect(missing.status == 64)
        #expect(missing.standardError.hasPrefix("Error: Missing expected argument '<topic>'.\nUsage: ipm explain"))
        #expect(missing.standardError.hasSuffix("See 'ipm explain --help' for more information.\n"))
        let width = try IPM.run(["explain", "retry", "--width", "five"])
        #expect(width.status == 64)
        #expect(width.standardError.contains("Invalid value 'five' for '--width'"))
        let flag = try IPM.run(["explain", "retry", "--widht", "60"])
        #expect(flag.status == 64)
        #expect(flag.standardError.contains("Unknown option '--widht'. Did you mean '--width'?"))
    }

    @Test("a user page overrides a built-in one; a missing translation falls back with a notice")
    func userContent() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("en"), withIntermediateDirectories: true)
        try """
        ---
        id: our-oncall
        title: Our on-call story
        kind: story
        aliases: [on-call, guardia]
        summary: What paged us at 3 a.m.
        ---
        # Our on-call story

        The **dead-letter queue** filled up.
        """.write(to: directory.appendingPathComponent("en/our-oncall.md"), atomically: true, encoding: .utf8)
        let result = try IPM.run(
            ["explain", "guardia", "--lang", "es"], environment: ["IPM_CONTENT_DIR": directory.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("The dead-letter queue filled up."))
        #expect(result.standardError.contains("has no Spanish version; showing the English one"))
    }

    @Test("on a terminal: colour, unless NO_COLOR; and no pager for a short page")
    func terminalColour() throws {
        let environment = IPM.environment(["TERM": "xterm-256color", "PAGER": "cat"])
        let coloured = try PseudoTerminal(["explain", "retry", "--no-pager"], environment: environment)
        #expect(coloured.waitForExit() == 0)
        #expect(coloured.output.contains("\u{1B}[1;35mRetry patterns"))

        var plainEnvironment = environment
        plainEnvironment["NO_COLOR"] = "1"
        let plain = try PseudoTerminal(["explain", "retry", "--no-pager"], environment: plainEnvironment)
        #expect(plain.waitForExit() == 0)
        #expect(plain.output.contains("Retry patterns"))
        #expect(!plain.output.contains("\u{1B}["))

        let flagged = try PseudoTerminal(["explain", "retry", "--no-pager", "--no-color"], environment: environment)
        #expect(flagged.waitForExit() == 0)
        #expect(!flagged.output.contains("\u{1B}["))
    }

    @Test("on a terminal, a long page goes through $PAGER")
    func pager() throws {
        let environment = IPM.environment(["TERM": "xterm-256color", "PAGER": "sed s/^/PAGED:/"])
        let terminal = try PseudoTerminal(["explain", "webhook-security"], environment: environment, rows: 10)
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.output.contains("PAGED:"))
    }
}
