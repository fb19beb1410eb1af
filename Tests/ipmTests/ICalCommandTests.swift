import Foundation
import Testing

@Suite("ipm ical")
struct ICalCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../IntegrationPatternsTests/Sync/Fixtures").standardized

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    /// A temporary directory for a database and feed files.
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-ical-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("parse --json prints the normalised events with personal data masked")
    func parseJSON() throws {
        let result = try IPM.run(["ical", "parse", fixture("airbnb.ics"), "--json"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(
            result.standardOutput == """
                {
                  "events" : [
                    {
                      "description" : "Reservation URL: https://www.airbnb.com/hosting/reservations/details/**********\\nPhone Number (Last 4 Digits): ****",
                      "end" : "2026-08-12",
                      "kind" : "reservation",
                      "start" : "2026-08-02",
                      "summary" : "Reserved",
                      "uid" : "1418fb94e984-c36acd434b7e9f2ee6515e5ef948f56a@airbnb.com"
                    },
                    {
                      "description" : "",
                      "end" : "2026-07-04",
                      "kind" : "block",
                      "start" : "2026-07-03",
                      "summary" : "Airbnb (Not available)",
                      "uid" : "6fec1092d3fa-593cc373f3608bf4d477eed46f443abe@airbnb.com"
                    },
                    {
                      "description" : "Reservation URL: https://www.airbnb.com/reservation/itinerary?code=**********\\nPhone Number (Last 4 Digits): ****",
                      "end" : "2026-09-05",
                      "kind" : "reservation",
                      "start" : "2026-09-01",
                      "summary" : "Reserved",
                      "uid" : "1418fb94e984-0d3c1b5a7e2f4c8a9b6d5e4f3a2b1c0d@airbnb.com"
                    }
                  ],
                  "problems" : [],
                  "source" : "airbnb"
                }

                """)
        let unmasked = try IPM.run(["ical", "parse", fixture("airbnb.ics"), "--json", "--show-personal-data"])
        #expect(unmasked.standardOutput.contains("Phone Number (Last 4 Digits): 4235"))
    }

    @Test("parse reports broken events with their lines on stderr and keeps the rest")
    func parseProblems() throws {
        let result = try IPM.run(["ical", "parse", fixture("malformed.ics")])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("other: 3 events\n"))
        let warnings = result.standardError.split(separator: "\n")
        #expect(warnings.count == 8)
        #expect(warnings[2] == "Warning: line 20: BEGIN:VEVENT without END:VEVENT (event skipped)")
        let json = try IPM.run(["ical", "parse", fixture("malformed.ics"), "--json", "--source", "vrbo"])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(object?["source"] as? String == "vrbo")
        let problems = object?["problems"] as? [[String: Any]]
        #expect(problems?.map { $0["line"] as? Int } == [12, 17, 20, 26, 28, 35, 39, 44])
        #expect(problems?.first.map { Set($0.keys) } == ["line", "message", "skipped"])
    }

    @Test("an HTML page is a data error (65), a missing file an I/O error (74)")
    func parseErrors() throws {
        let html = try IPM.run(["ical", "parse", fixture("expired-link.html")])
        #expect(html.status == 65)
        #expect(html.standardOutput == "")
        #expect(
            html.standardError
                == "Error: '\(fixture("expired-link.html"))': the input is an HTML page, not a calendar\n")
        let missing = try IPM.run(["ical", "parse", "/nonexistent/feed.ics"])
        #expect(missing.status == 74)
        #expect(missing.standardError == "Error: cannot read '/nonexistent/feed.ics': no such file\n")
        let stdin = try IPM.run(
            ["ical", "parse", "-", "--json"],
            input: "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT\nEND:VCALENDAR\n")
        #expect(stdin.status == 0)
        #expect(stdin.standardOutput.contains("\"end\" : \"2026-01-02\""))
    }

    @Test("diff lists added, removed and changed UIDs; rotated UIDs with the same dates are not changes")
    func diff() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOfFile: fixture("booking.ics"), encoding: .utf8)
        let edited =
            original
            .replacingOccurrences(of: "a90207a6098fea365fa0d9ebc4af632d", with: "ffffffffffffffffffffffffffffffff")
            .replacingOccurrences(of: "DTEND;VALUE=DATE:20260803", with: "DTEND;VALUE=DATE:20260805")
            .replacingOccurrences(
                of: "DTSTART;VALUE=DATE:20260810\nDTEND;VALUE=DATE:20260811\nUID:0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                with: "DTSTART;VALUE=DATE:20260901\nDTEND;VALUE=DATE:20260903\nUID:new1")
        let newPath = directory.appendingPathComponent("new.ics").path
        try edited.write(toFile: newPath, atomically: true, encoding: .utf8)
        let json = try IPM.run(["ical", "diff", fixture("booking.ics"), newPath, "--json"])
        #expect(json.status == 0)
        #expect(
            json.standardOutput == """
                {
                  "added" : [
                    "new1@booking.com"
                  ],
                  "changed" : [
                    "5c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f@booking.com"
                  ],
                  "held" : null,
                  "removed" : [
                    "0f1e2d3c4b5a69788796a5b4c3d2e1f0@booking.com"
                  ]
                }

                """)
        let text = try IPM.run(["ical", "diff", fixture("booking.ics"), newPath])
        #expect(text.standardOutput.hasSuffix("1 added, 1 removed, 1 changed\n"))
        #expect(
            text.standardOutput.contains(
                "~ 5c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f@booking.com: dates 2026-07-28 → 2026-08-03 became 2026-07-28 → 2026-08-05 (matched by uid)\n"
            ))
        let same = try IPM.run(["ical", "diff", fixture("vrbo.ics"), fixture("vrbo.ics")])
        #expect(same.standardOutput == "No differences.\n")
    }

    @Test("conflicts across channels exit 1 with the nights; a larger capacity has none")
    func conflicts() throws {
        let result = try IPM.run(["ical", "conflicts", fixture("airbnb.ics"), fixture("booking.ics"), "--json"])
        #expect(result.status == 1)
        #expect(
            result.standardOutput == """
                {
                  "conflicts" : [
                    {
                      "a" : "5c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f@booking.com",
                      "b" : "1418fb94e984-c36acd434b7e9f2ee6515e5ef948f56a@airbnb.com",
                      "nights" : [
                        "2026-08-02"
                      ]
                    },
                    {
                      "a" : "1418fb94e984-c36acd434b7e9f2ee6515e5ef948f56a@airbnb.com",
                      "b" : "0f1e2d3c4b5a69788796a5b4c3d2e1f0@booking.com",
                      "nights" : [
                        "2026-08-10"
                      ]
                    }
                  ]
                }

                """)
        let roomy = try IPM.run(["ical", "conflicts", fixture("airbnb.ics"), fixture("booking.ics"), "--capacity", "2"])
        #expect(roomy.status == 0)
        #expect(roomy.standardOutput == "No conflicts: no night has more than 2 stays.\n")
        let text = try IPM.run(["ical", "conflicts", fixture("airbnb.ics"), "booking=\(fixture("booking.ics"))"])
        #expect(text.standardOutput.hasPrefix("Conflict: 2 nights over capacity 1 (2026-08-02, 2026-08-10):\n"))
        #expect(text.standardOutput.hasSuffix("1 conflict.\n"))
    }

    @Test("sync --once stores the feeds, reports conflicts, and export publishes only the unit's own blocks")
    func syncAndExport() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let own = directory.appendingPathComponent("own.ics").path
        try
            "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:direct-1001\nDTSTART;VALUE=DATE:20260808\nDTEND;VALUE=DATE:20260810\nSUMMARY:Reserved - Ana\nEND:VEVENT\nEND:VCALENDAR\n"
            .write(toFile: own, atomically: true, encoding: .utf8)
        let feeds = [
            "--feed", "airbnb=\(fixture("airbnb.ics"))", "--feed", "booking=\(fixture("booking.ics"))", "--feed",
            "direct=\(own)",
        ]
        let first = try IPM.run(["ical", "sync", "--db", db, "--unit", "A1", "--once"] + feeds)
        #expect(first.status == 1, "the default policy leaves the overbooking to a person")
        #expect(
            first.standardOutput.hasPrefix(
                """
                airbnb (airbnb)      applied: 3 added, 0 removed, 0 changed
                booking (booking)    applied: 3 added, 0 removed, 0 changed
                direct (direct)      applied: 1 added, 0 removed, 0 changed
                Conflict: 4 nights over capacity 1 (2026-08-02, 2026-08-08 – 2026-08-10):

                """))
        #expect(
            first.standardOutput.hasSuffix(
                """
                  Unresolved: the policy flags every conflict for a person
                1 conflict, 1 unresolved (policy human).
                1 unresolved conflict parked in the dead-letter queue; see 'ipm dlq list --db \(db)'.

                """))
        let second = try IPM.run(
            [
                "ical", "sync", "--db", db, "--unit", "A1", "--once", "--json", "--policy",
                "priority=direct,airbnb,booking",
            ] + feeds)
        #expect(second.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any]
        let outcomes = (object?["feeds"] as? [[String: Any]])?.map { $0["outcome"] as? String }
        #expect(outcomes == ["unchanged", "unchanged", "unchanged"])
        let conflicts = object?["conflicts"] as? [[String: Any]]
        #expect(conflicts?.allSatisfy { $0["resolved"] as? Bool == true } == true)
        #expect(
            conflicts?.first?["displaced"] as? [String] == ["1418fb94e984-c36acd434b7e9f2ee6515e5ef948f56a@airbnb.com"])

        let export = try IPM.run(["ical", "export", "--db", db, "--unit", "A1"])
        #expect(export.status == 0)
        #expect(export.standardOutput.contains("UID:direct-1001@ipm.local\r\n"))
        #expect(export.standardOutput.contains("SUMMARY:Not available\r\n"))
        #expect(!export.standardOutput.contains("airbnb.com") && !export.standardOutput.contains("booking.com"))
        #expect(!export.standardOutput.contains("Ana"))
        let empty = try IPM.run(["ical", "export", "--db", db, "--unit", "B2"])
        #expect(empty.status == 0)
        #expect(empty.standardError == "Note: unit 'B2' has no own blocks; the calendar is empty.\n")
        let missing = try IPM.run([
            "ical", "export", "--db", directory.appendingPathComponent("nope.sqlite").path, "--unit", "A1",
        ])
        #expect(missing.status == 74)
    }

    @Test(
        "unresolved conflicts are parked once in the sync database's dead-letter queue, or in --dlq, for ipm dlq list")
    func unresolvedConflictsParked() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let feeds = ["--feed", "airbnb=\(fixture("airbnb.ics"))", "--feed", "booking=\(fixture("booking.ics"))"]
        let sync = ["ical", "sync", "--db", db, "--unit", "A1", "--once", "--json"] + feeds
        func parked(_ result: ProcessResult) throws -> Int? {
            (try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])?["parked"]
                as? Int
        }
        let first = try IPM.run(sync)
        #expect(first.status == 1)
        #expect(try parked(first) == 1)
        let again = try IPM.run(sync)
        #expect(try parked(again) == 0, "a conflict already parked is not parked twice")
        let text = try IPM.run(["ical", "sync", "--db", db, "--unit", "A1", "--once"] + feeds)
        #expect(
            text.standardOutput.hasSuffix(
                "The unresolved conflicts are already in the dead-letter queue; see 'ipm dlq list --db \(db)'.\n"))

        let list = try IPM.run(["dlq", "list", "--db", db, "--json"])
        #expect(list.status == 0)
        let letters = try #require(
            try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]])
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(letter["source"] as? String == "ical:A1")
        #expect(letter["reason"] as? String == "unresolved_conflict")
        #expect(letter["error"] as? String == "the policy flags every conflict for a person")
        #expect(letter["attempts"] as? Int == 1)
        let key = try #require(letter["key"] as? String)
        #expect(key.hasPrefix("2026-08-02|"))
        let payload = try #require(letter["payload"] as? String)
        #expect(payload.contains("1418fb94e984-c36acd434b7e9f2ee6515e5ef948f56a@airbnb.com"))
        #expect(payload.contains("5c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f@booking.com"))
        let table = try IPM.run(["dlq", "list", "--db", db])
        #expect(table.standardOutput.contains("ical:A1  2026-08-02|airbnb:"))

        let other = directory.appendingPathComponent("parked/dlq.sqlite").path
        let elsewhere = try IPM.run(sync + ["--dlq", other])
        #expect(try parked(elsewhere) == 1)
        let otherList = try IPM.run(["dlq", "list", "--db", other, "--json"])
        #expect(
            (try JSONSerialization.jsonObject(with: Data(otherList.standardOutput.utf8)) as? [[String: Any]])?.count
                == 1)

        let settled = try IPM.run(sync + ["--policy", "priority=airbnb,booking"])
        #expect(settled.status == 0)
        #expect(try parked(settled) == 0)
        #expect(!settled.standardOutput.contains("dead-letter"))
        let unchanged = try IPM.run(["dlq", "list", "--db", db, "--json"])
        #expect(
            (try JSONSerialization.jsonObject(with: Data(unchanged.standardOutput.utf8)) as? [[String: Any]])?.count
                == 1)
    }

    @Test("a feed that turns into an HTML page fails without touching the stored blocks")
    func syncFailure() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        _ = try IPM.run([
            "ical", "sync", "--db", db, "--unit", "A1", "--once", "--feed", "airbnb=\(fixture("airbnb.ics"))",
        ])
        let failed = try IPM.run([
            "ical", "sync", "--db", db, "--unit", "A1", "--once", "--feed", "airbnb=\(fixture("expired-link.html"))",
        ])
        #expect(failed.status == 1)
        #expect(
            failed.standardOutput
                == "airbnb (airbnb)      failed: the body is an HTML page, not a calendar; the feed URL may have expired (permanent)\nNo conflicts (capacity 1).\n"
        )
        let conflicts = try IPM.run([
            "ical", "sync", "--db", db, "--unit", "A1", "--once", "--feed", "airbnb=\(fixture("airbnb.ics"))", "--json",
        ])
        #expect(conflicts.standardOutput.contains("\"outcome\" : \"unchanged\""))
    }

    @Test(
        "usage errors exit 64 and name the problem",
        arguments: [
            (
                ["ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "airbnb=a.ics"],
                "Error: Choose one of '--once' and '--every <duration>'."
            ),
            (
                ["ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "a.ics", "--once"],
                "Error: Invalid value for '--feed': expected NAME=URL or NAME=FILE."
            ),
            (
                ["ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "airbnb=a.ics", "--every", "1s"],
                "Error: Invalid value '1s' for '--every': expected a duration of at least 10s, such as 5m or 1h."
            ),
            (
                [
                    "ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "airbnb=a.ics", "--once", "--policy",
                    "coin",
                ], "Error: Invalid value 'coin' for '--policy': expected priority=a,b,…, first-booked, direct or human."
            ),
            (
                [
                    "ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "airbnb=a.ics", "--once", "--breaker",
                    "3",
                ], "Error: '--breaker' goes with '--every': a breaker counts the failed polls of a running loop."
            ),
            (
                [
                    "ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "airbnb=a.ics", "--once", "--retries",
                    "11",
                ], "Error: Invalid value '11' for '--retries': expected a whole number from 0 to 10."
            ),
            (
                [
                    "ical", "sync", "--db", "x.sqlite", "--unit", "A1", "--feed", "airbnb=a.ics", "--every", "5m",
                    "--host-limit", "fast",
                ], "Error: Invalid value 'fast' for '--host-limit': expected a whole number from 0 to 6000."
            ),
            (["ical", "conflicts"], "Error: Missing expected argument '<file>'."),
            (
                ["ical", "parse", "a.ics", "--timezone", "Mars/Olympus"],
                "Error: Invalid value 'Mars/Olympus' for '--timezone': expected an IANA zone such as Europe/Madrid."
            ),
            (["ical"], "Error: Missing subcommand: choose one of parse, diff, conflicts, sync, export."),
        ])
    func usage(arguments: [String], message: String) throws {
        let result = try IPM.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix(message + "\nUsage: ipm ical"))
        #expect(result.standardOutput == "")
    }

    @Test("help leads with examples")
    func help() throws {
        let result = try IPM.run(["ical", "sync", "--help"])
        #expect(result.status == 0)
        #expect(
            result.standardOutput.hasPrefix(
                "OVERVIEW: Poll a unit's feeds, reconcile them into a SQLite database and report overbookings.\n\nEXAMPLES:\n  ipm ical sync --db sync.sqlite"
            ))
    }
}
