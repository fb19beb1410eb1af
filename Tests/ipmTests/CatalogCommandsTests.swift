import Foundation
import Testing

@Suite("ipm topics, search, help, completion")
struct CatalogCommandsTests {
    struct TopicEntry: Decodable {
        var id: String
        var title: String
        var kind: String
        var summary: String
        var aliases: [String]
        var languages: [String]
    }

    struct SearchEntry: Decodable {
        var id: String
        var title: String
        var score: Double
        var snippet: String
    }

    @Test("topics --json lists every page with its languages")
    func topicsJSON() throws {
        let result = try IPM.run(["topics", "--json"])
        #expect(result.status == 0)
        let entries = try JSONDecoder().decode([TopicEntry].self, from: Data(result.standardOutput.utf8))
        #expect(entries.count >= 17)
        let security = try #require(entries.first { $0.id == "webhook-security" })
        #expect(security.kind == "topic")
        #expect(security.languages == ["en", "es"])
        #expect(security.aliases.contains("webhooks seguros"))
        let patterns = try JSONDecoder().decode(
            [TopicEntry].self, from: Data(try IPM.run(["topics", "--json", "--kind", "pattern"]).standardOutput.utf8))
        #expect(!patterns.isEmpty && patterns.allSatisfy { $0.kind == "pattern" })
    }

    @Test("topics as text groups pages by kind; a bad kind is a usage error")
    func topicsText() throws {
        let result = try IPM.run(["topics", "--lang", "es"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Patrones"))
        #expect(result.standardOutput.contains("Historias"))
        let bad = try IPM.run(["topics", "--kind", "essay"])
        #expect(bad.status == 64)
        #expect(bad.standardError.contains("expected one of topic, pattern, story, checklist"))
    }

    @Test("search ranks the page about the words first, as text and JSON; nothing found exits 1")
    func search() throws {
        let json = try IPM.run(["search", "dead", "letter", "--json"])
        #expect(json.status == 0)
        let hits = try JSONDecoder().decode([SearchEntry].self, from: Data(json.standardOutput.utf8))
        #expect(hits.first?.id == "dead-letter-queue")
        #expect(hits.allSatisfy { !$0.snippet.contains("\u{2}") })
        let text = try IPM.run(["search", "jitter"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("retry-with-backoff"))
        let none = try IPM.run(["search", "qqqzzzxxy"])
        #expect(none.status == 1)
        #expect(none.standardError.contains("No page matches"))
        let noneJSON = try IPM.run(["search", "qqqzzzxxy", "--json"])
        #expect(noneJSON.standardOutput == "[]\n")
    }

    @Test("help leads with examples, for ipm and for each command; --version prints the version")
    func help() throws {
        let top = try IPM.run(["--help"])
        #expect(top.status == 0)
        #expect(top.standardOutput.hasPrefix("OVERVIEW: "))
        #expect(top.standardOutput.contains("EXAMPLES:"))
        #expect(top.standardOutput.contains("COMMANDS:"))
        #expect(!top.standardOutput.contains("__complete"))
        let explain = try IPM.run(["help", "explain"])
        #expect(explain.standardOutput == (try IPM.run(["explain", "--help"])).standardOutput)
        let examples = try #require(explain.standardOutput.range(of: "EXAMPLES:"))
        let usage = try #require(explain.standardOutput.range(of: "USAGE:"))
        #expect(examples.lowerBound < usage.lowerBound)
        #expect(try IPM.run(["--version"]).standardOutput.split(separator: ".").count == 3)
    }

    @Test("an unknown command exits 64 with a suggestion, never running it")
    func unknownCommand() throws {
        let result = try IPM.run(["explian", "retry"])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("Error: Unknown command 'explian'. Did you mean 'explain'?\n"))
        let help = try IPM.run(["help", "serch"])
        #expect(help.status == 64)
        #expect(help.standardError.contains("Did you mean 'search'?"))
    }

    @Test("completion scripts for bash, zsh and fish call back into ipm")
    func completionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try IPM.run(["completion", shell])
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("ipm __complete"))
        }
        #expect(try IPM.run(["completion", "powershell"]).status == 64)
    }

    @Test("completion candidates: commands, topic ids, options and option values")
    func completionCandidates() throws {
        #expect(try IPM.run(["__complete", "ex"]).standardOutput == "explain\n")
        let topics = try IPM.run(["__complete", "explain", "webhook-s"]).standardOutput
        #expect(topics == "webhook-security\n")
        let options = try IPM.run(["__complete", "explain", "retry", "--no-"]).standardOutput
        #expect(options.split(separator: "\n").sorted() == ["--no-color", "--no-pager"])
        #expect(try IPM.run(["__complete", "topics", "--kind", "pa"]).standardOutput == "pattern\n")
        #expect(try IPM.run(["__complete", "completion", ""]).standardOutput == "bash\nzsh\nfish\n")
    }

    @Test("bash completes through the generated script")
    func bashCompletion() throws {
        let script = try IPM.run(["completion", "bash"]).standardOutput
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-bash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("ipm"), withDestinationURL: IPM.binary)
        let scriptURL = directory.appendingPathComponent("ipm.bash")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            "source \(scriptURL.path); COMP_WORDS=(ipm explain circuit-b); COMP_CWORD=2; _ipm; printf '%s\\n' \"${COMPREPLY[@]}\"",
        ]
        process.environment = IPM.environment(["PATH": directory.path + ":/usr/bin:/bin"])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "circuit-breaker\n")
    }
}
