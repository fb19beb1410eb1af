import Foundation
import Testing

@Suite("ipm simulate backoff, ipm dlq")
struct ResilienceCommandsTests {
    struct SimulationOutput: Decodable {
        struct Strategy: Decodable {
            var name: String
            var calls: Double
            var time_ms: Double
            var successful_writes: Int
        }
        var clients: Int
        var runs: Int
        var strategies: [Strategy]
    }

    struct Letter: Decodable {
        var id: Int64
        var source: String
        var key: String?
        var reason: String
        var attempts: Int
        var payload: String?
        var payload_base64: String
        var first_failed_at: String
    }

    static let lines = [
        #"{"attempts":1,"error":"HTTP 422","first_failed_at":"2024-05-01T10:00:00.000Z","headers":[["Content-Type","application/json"]],"id":7,"key":"evt_1","last_failed_at":"2024-05-01T10:00:00.000Z","payload":"{\"id\":\"evt_1\"}","payload_base64":"eyJpZCI6ImV2dF8xIn0=","reason":"permanent_failure","source":"webhook:stripe"}"#,
        #"{"attempts":5,"error":"HTTP 503","first_failed_at":"2024-05-02T10:00:00.000Z","headers":[],"id":8,"key":null,"last_failed_at":"2024-05-02T11:00:00.000Z","payload":null,"payload_base64":"/wA=","reason":"retries_exhausted","source":"ical:airbnb"}"#,
    ]

    func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ipm-dlq-\(UInt64.random(in: 0...UInt64.max))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(
        "simulate backoff --json reproduces the article: exponential far slower than jitter, full jitter fewest calls, no write lost"
    )
    func simulateJSON() throws {
        let result = try IPM.run(["simulate", "backoff", "--clients", "30", "--runs", "20", "--json"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let output = try JSONDecoder().decode(SimulationOutput.self, from: Data(result.standardOutput.utf8))
        #expect(output.clients == 30 && output.runs == 20)
        #expect(output.strategies.map(\.name) == ["none", "exponential", "full", "equal", "decorrelated"])
        let byName = Dictionary(uniqueKeysWithValues: output.strategies.map { ($0.name, $0) })
        for jittered in ["full", "equal", "decorrelated"] {
            #expect(byName["exponential"]!.time_ms > 3 * byName[jittered]!.time_ms, "\(jittered)")
        }
        #expect(output.strategies.allSatisfy { $0.name == "full" || byName["full"]!.calls < $0.calls })
        #expect(output.strategies.allSatisfy { $0.successful_writes == 30 * 20 })
        // Same seed, same numbers.
        #expect(
            try IPM.run(["simulate", "backoff", "--clients", "30", "--runs", "20", "--json"]).standardOutput
                == result.standardOutput)
    }

    @Test("simulate backoff prints a table; bad options are usage errors")
    func simulateText() throws {
        let result = try IPM.run([
            "simulate", "backoff", "--clients", "10", "--runs", "5", "--strategies", "full,exponential",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("10 clients, 5 runs per strategy, base 5 ms, cap 2000 ms, seed 42"))
        #expect(result.standardOutput.contains("\nfull "))
        #expect(result.standardOutput.contains("\nexponential "))
        #expect(result.standardOutput.contains("Fewest calls: full."))
        let bad = try IPM.run(["simulate", "backoff", "--strategies", "full,bogus"])
        #expect(bad.status == 64)
        #expect(bad.standardError.hasPrefix("Error: Unknown strategy 'bogus' in '--strategies'"))
        #expect(try IPM.run(["simulate", "backoff", "--clients", "0"]).status == 64)
        #expect(try IPM.run(["simulate", "backoff", "--seed", "-1"]).status == 64)
        let group = try IPM.run(["simulate"])
        #expect(group.status == 64)
        #expect(group.standardError.contains("Missing subcommand: choose one of backoff"))
    }

    @Test("dlq list on a new database is [] and creates nothing; the default path follows XDG_STATE_HOME")
    func emptyList() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["XDG_STATE_HOME": directory.path]
        let json = try IPM.run(["dlq", "list", "--json"], environment: environment)
        #expect(json.status == 0)
        #expect(json.standardOutput == "[]\n")
        let text = try IPM.run(["dlq", "list"], environment: environment)
        #expect(text.standardOutput == "")
        #expect(text.standardError == "No dead letters in \(directory.path)/ipm/dlq.sqlite.\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/ipm/dlq.sqlite"))
        let help = try IPM.run(["dlq", "list", "--help"])
        #expect(help.standardOutput.contains("$XDG_STATE_HOME/ipm/dlq.sqlite, else ~/.local/state/ipm/dlq.sqlite"))
    }

    @Test("dlq import, list, show, export and purge work across separate runs of the process")
    func lifecycle() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("queue.sqlite").path
        let imported = try IPM.run(
            ["dlq", "import", "-", "--db", database], input: Self.lines.joined(separator: "\n") + "\n")
        #expect(imported.status == 0)
        #expect(imported.standardOutput == "Imported 2 dead letters into \(database).\n")

        let list = try IPM.run(["dlq", "list", "--db", database, "--json"])
        let letters = try JSONDecoder().decode([Letter].self, from: Data(list.standardOutput.utf8))
        #expect(letters.map(\.id) == [1, 2])
        #expect(letters.map(\.source) == ["webhook:stripe", "ical:airbnb"])
        #expect(letters[0].payload == #"{"id":"evt_1"}"#)
        #expect(letters[1].payload == nil && letters[1].payload_base64 == "/wA=")
        let text = try IPM.run(["dlq", "list", "--db", database])
        #expect(
            text.standardOutput.hasPrefix(
                "ID  SOURCE          KEY    REASON             ATTEMPTS  LAST FAILURE          ERROR\n"))
        #expect(
            text.standardOutput.contains(
                "1   webhook:stripe  evt_1  permanent_failure  1         2024-05-01T10:00:00Z  HTTP 422\n"))

        let show = try IPM.run(["dlq", "show", "1", "--db", database])
        #expect(show.status == 0)
        #expect(show.standardOutput.contains("  reason:        permanent_failure\n"))
        #expect(show.standardOutput.contains("Payload (14 bytes):\n{\"id\":\"evt_1\"}\n"))
        let missing = try IPM.run(["dlq", "show", "99", "--db", database])
        #expect(missing.status == 1)
        #expect(missing.standardError == "No dead letter with id 99 in \(database).\n")

        let export = try IPM.run(["dlq", "export", "--db", database])
        let exported = export.standardOutput.split(separator: "\n").map(String.init)
        #expect(exported.count == 2)
        #expect(exported[0] == Self.lines[0].replacingOccurrences(of: #""id":7"#, with: #""id":1"#))

        let purge = try IPM.run(["dlq", "purge", "--before", "2024-05-02", "--db", database, "--json"])
        #expect(purge.standardOutput == "{\n  \"purged\" : 1\n}\n")
        #expect(try IPM.run(["dlq", "export", "--db", database]).standardOutput.split(separator: "\n").count == 1)
        #expect(try IPM.run(["dlq", "purge", "--all", "--db", database]).standardOutput == "Purged 1 dead letter.\n")
        // Ids are never reused after a purge.
        _ = try IPM.run(["dlq", "import", "-", "--db", database], input: Self.lines[1])
        #expect(try IPM.run(["dlq", "show", "3", "--db", database]).status == 0)
    }

    @Test(
        "dlq rejects bad input without writing anything: malformed lines, bad ids, purge without a scope, a non-database file"
    )
    func badInput() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("queue.sqlite").path
        let bad = try IPM.run(["dlq", "import", "-", "--db", database], input: Self.lines[0] + "\n{\"source\": 1}\n")
        #expect(bad.status == 65)
        #expect(bad.standardError.hasPrefix("Error: standard input, line 2: not a dead letter"))
        #expect(bad.standardError.hasSuffix("Nothing was imported.\n"))
        #expect(try IPM.run(["dlq", "list", "--db", database, "--json"]).standardOutput == "[]\n")
        #expect(try IPM.run(["dlq", "show", "abc", "--db", database]).status == 64)
        let purge = try IPM.run(["dlq", "purge", "--db", database])
        #expect(purge.status == 64)
        #expect(purge.standardError.hasPrefix("Error: Say what to purge: '--before <date>' or '--all'.\n"))
        #expect(try IPM.run(["dlq", "purge", "--before", "yesterday", "--db", database]).status == 64)
        let junk = directory.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: junk))
        let notDatabase = try IPM.run(["dlq", "list", "--db", junk])
        #expect(notDatabase.status == 65)
        #expect(notDatabase.standardError.hasPrefix("Error: '\(junk)' is not a dead-letter database"))
        #expect(try IPM.run(["dlq", "list", "--db", "/nonexistent-dir/sub/x.sqlite"]).standardOutput == "")
        #expect(try IPM.run(["dlq", "import", "/nonexistent-file.jsonl", "--db", database]).status == 74)
    }
}
