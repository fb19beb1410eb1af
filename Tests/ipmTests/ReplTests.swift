import Foundation
import Testing

@Suite("REPL and ipm design")
struct ReplTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(
        "a whole session on a terminal: tab completion, the wizard with a back, a Spanish phrase, save, Ctrl-C, Ctrl-D")
    func terminalSession() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = IPM.environment(["TERM": "xterm-256color", "XDG_STATE_HOME": directory.path, "NO_COLOR": "1"])
        let terminal = try PseudoTerminal([], environment: environment, columns: 100, rows: 40)
        terminal.read(until: "ipm> ")
        terminal.type("desi\t\r")  // Tab completes "design"; the wizard starts
        terminal.read(until: "Step 1 of 8")
        terminal.read(until: "> ")
        terminal.type("pu\t")  // the question's choices complete: push, pull
        terminal.read(until: "push  pull")
        terminal.read(until: "> ")
        terminal.type("sh\r")
        terminal.read(until: "Step 2 of 8")
        terminal.read(until: "> ")
        terminal.type("back\r")
        terminal.read(until: "Answer with a number")
        terminal.read(until: "> ")
        terminal.type("\r")  // keep push
        terminal.read(until: "Delivery guarantee")
        terminal.read(until: "> ")
        terminal.type("\r")
        terminal.read(until: "Errors to plan for")
        terminal.read(until: "> ")
        terminal.type("transient,partial\r")
        terminal.read(until: "Which system")
        terminal.read(until: "> ")
        terminal.type("stripe\r")
        for step in ["Ordering", "Volume", "Natural idempotency", "Refetch"] {
            terminal.read(until: step)
            terminal.read(until: "> ")
            terminal.type("\r")
        }
        terminal.read(until: "Review")
        terminal.read(until: "> ")
        terminal.type("yes\r")
        terminal.read(until: "Next steps")
        terminal.read(until: "> ")
        let saved = directory.appendingPathComponent("design.json").path
        terminal.type("save \(saved)\r")
        terminal.read(until: "Saved to")
        terminal.read(until: "ipm> ")
        terminal.type("Sincronizar datos\r")  // the seed's phrase opens sync-strategies
        terminal.read(until: "Related: ")
        terminal.read(until: "ipm> ")  // typing before the prompt could be flushed when libedit takes the terminal
        terminal.type("something typed\u{3}")  // Ctrl-C abandons the line
        terminal.read(until: "^C")
        terminal.read(until: "ipm> ")
        terminal.type("\u{3}")  // on an empty line it says how to leave
        terminal.read(until: "Ctrl-D to leave")
        terminal.type("\u{4}")  // Ctrl-D on an empty line exits 0
        #expect(terminal.waitForExit() == 0)
        let file = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(file.contains("\"provider\" : \"stripe\""))
        #expect(file.contains("\"partial\""))
        let history = try String(contentsOfFile: directory.appendingPathComponent("ipm/history").path, encoding: .utf8)
        #expect(history.contains("Sincronizar"))
    }

    @Test("the same session through piped stdin: no prompts, no escape codes")
    func pipedSession() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("design.json").path
        let script =
            "design\npush\nback\n\n\ntransient,partial\nstripe\n\n\n\n\nyes\nsave \(saved)\nSincronizar datos\nquit\n"
        let result = try IPM.run([], environment: ["FORCE_COLOR": "", "TERM": "xterm"], input: script)
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("ipm> "))
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(result.standardOutput.contains("Design card: Stripe"))
        #expect(result.standardOutput.contains("signature-verification"))
        #expect(result.standardOutput.contains("Saved to"))
        let file = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(file.contains("\"partial\""))
    }

    @Test("a near miss of a phrase is suggested, never run; unknown commands say so")
    func suggestions() throws {
        let result = try IPM.run(["repl", "--lang", "es"], input: "webhoks seguro\nexplian retry\nquit\n")
        #expect(result.standardError.contains("¿Quisiste decir «Webhooks seguros»?"))
        #expect(result.standardError.contains("¿Quisiste decir `explain`?"))
        #expect(!result.standardOutput.contains("Firmas"))
    }

    @Test("ipm design with every answer runs without a prompt, in every format")
    func designFormats() throws {
        let flags = [
            "design", "--kind", "push", "--guarantee", "at-least-once", "--errors", "transient,permanent", "--provider",
            "stripe",
        ]
        let text = try IPM.run(flags)
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("Design card: Stripe"))
        let markdown = try IPM.run(flags + ["--format", "markdown", "--lang", "es"])
        #expect(markdown.standardOutput.hasPrefix("# Ficha de diseño: Stripe"))
        let json = try IPM.run(flags + ["--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["provider"] as? String == "stripe")
        #expect(object["assumed"] as? [String] == ["ordering", "volume", "naturally-idempotent", "can-refetch"])
    }

    @Test("without a terminal, missing required answers exit 64 naming every missing flag; follow-ups default")
    func missingAnswers() throws {
        let result = try IPM.run(["design", "--kind", "pull"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: Missing answers: --guarantee, --errors, --provider."))
        let noInput = try IPM.run(["design", "--no-input", "--provider", "airbnb"])
        #expect(noInput.status == 64)
        #expect(noInput.standardError.contains("--kind, --guarantee, --errors"))
        let badValue = try IPM.run([
            "design", "--kind", "puhs", "--guarantee", "at-least-once", "--errors", "transient", "--provider", "stripe",
        ])
        #expect(badValue.status == 64)
        #expect(badValue.standardError.contains("Did you mean 'push'?"))
    }

    @Test("--save then --answers replays a design; ipm checklist judges it; a broken file exits 65")
    func saveAndReplay() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("d.json").path
        let first = try IPM.run([
            "design", "--kind", "pull", "--guarantee", "at-least-once", "--errors", "transient", "--provider", "airbnb",
            "--volume", "high", "--save", path, "--format", "json",
        ])
        #expect(first.status == 0)
        let replay = try IPM.run(["design", "--answers", path, "--format", "json"])
        #expect(replay.standardOutput == first.standardOutput)
        let checklist = try IPM.run(["checklist", "--design", path, "--format", "json"])
        let items = try #require(
            try JSONSerialization.jsonObject(with: Data(checklist.standardOutput.utf8)) as? [[String: Any]])
        #expect(
            items.contains {
                $0["item"] as? String == "Signature verification on webhooks" && $0["applies"] as? Bool == false
            })
        #expect(items.contains { $0["item"] as? String == "Health dashboard" && $0["applies"] as? Bool == true })
        try Data("{\"format\": 1, \"answers\": {\"kind\": \"sideways\"}}".utf8).write(to: URL(fileURLWithPath: path))
        let broken = try IPM.run(["design", "--answers", path])
        #expect(broken.status == 65)
        #expect(broken.standardError.contains(path))
    }

    @Test("on a terminal, ipm design asks only the missing answers")
    func asksOnlyMissing() throws {
        let environment = IPM.environment(["TERM": "xterm-256color", "NO_COLOR": "1"])
        let terminal = try PseudoTerminal(
            ["design", "--kind", "push", "--guarantee", "at-least-once", "--errors", "transient", "--format", "json"],
            environment: environment, columns: 100, rows: 40)
        let first = terminal.read(until: "Which system")
        terminal.read(until: "> ")
        #expect(!first.contains("Which way does the data flow"))
        terminal.type("github\r")
        for _ in 0..<4 {
            terminal.read(until: "Answer with")
            terminal.read(until: "> ")
            terminal.type("\r")
        }
        terminal.read(until: "Review")
        terminal.type("\r")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.output.contains("\"provider\" : \"github\""))
    }
}
