import Foundation
import Testing

@Suite("ipm scaffold")
struct ScaffoldCommandTests {
    static let stripe = [
        "--kind", "push", "--guarantee", "at-least-once", "--errors", "transient,permanent", "--provider", "stripe",
    ]

    /// The checkout these tests run in: the dependency of generated packages.
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized.path

    static func folder() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent
    }

    struct Report: Decodable {
        struct File: Decodable {
            var path: String
            var action: String
        }

        var directory: String
        var design: String
        var name: String
        var dry_run: Bool
        var files: [File]
    }

    @Test("writes a package for a design given by flags, and says what to run next")
    func create() throws {
        let out = try Self.folder().appendingPathComponent("pay")
        let result = try IPM.run(
            ["scaffold"] + Self.stripe + [
                "--name", "Stripe Payments", "--out", out.path, "--package-path", Self.checkout,
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Package StripePayments"))
        #expect(result.standardOutput.contains("create  Sources/StripePayments/WebhookEndpoint.swift"))
        #expect(result.standardOutput.contains("swift build && swift test"))
        let manifest = try String(contentsOf: out.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(path: \"\(Self.checkout)\")"))
        #expect(
            FileManager.default.fileExists(
                atPath: out.appendingPathComponent("Tests/StripePaymentsTests/WebhookEndpointTests.swift").path))
    }

    @Test("a saved design gives the same package as its flags")
    func fromDesignFile() throws {
        let folder = try Self.folder()
        let design = folder.appendingPathComponent("design.json").path
        #expect(try IPM.run(["design"] + Self.stripe + ["--save", design, "--format", "json"]).status == 0)
        let byFile = try IPM.run([
            "scaffold", "--design", design, "--out", folder.appendingPathComponent("a").path, "--package-path",
            Self.checkout, "--dry-run", "--format", "json",
        ])
        let byFlags = try IPM.run(
            ["scaffold"] + Self.stripe + [
                "--out", folder.appendingPathComponent("a").path, "--package-path", Self.checkout, "--dry-run",
                "--format", "json",
            ])
        #expect(byFile.status == 0 && byFlags.status == 0, "\(byFile.standardError)\(byFlags.standardError)")
        #expect(byFile.standardOutput == byFlags.standardOutput)
        let report = try JSONDecoder().decode(Report.self, from: Data(byFile.standardOutput.utf8))
        #expect(report.dry_run && report.name == "A")
        #expect(report.files.allSatisfy { $0.action == "create" })
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("a").path), "--dry-run writes nothing"
        )
    }

    @Test("a folder with files is refused (64) and left as it was; --force keeps the files you changed")
    func refuseThenForce() throws {
        let out = try Self.folder().appendingPathComponent("hooks")
        let arguments = ["scaffold"] + Self.stripe + ["--out", out.path, "--package-path", Self.checkout]
        #expect(try IPM.run(arguments).status == 0)
        let handlers = out.appendingPathComponent("Sources/Hooks/EventHandlers.swift")
        let mine = try String(contentsOf: handlers, encoding: .utf8) + "// my code\n"
        try mine.write(to: handlers, atomically: true, encoding: .utf8)

        let refused = try IPM.run(arguments)
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("is not empty"))
        #expect(refused.standardError.contains("--force"))
        #expect(try String(contentsOf: handlers, encoding: .utf8) == mine)

        // Regenerating from the recorded answers with one answer changed.
        let forced = try IPM.run([
            "scaffold", "--out", out.path, "--force", "--errors", "transient,permanent,partial", "--format", "json",
        ])
        #expect(forced.status == 0, "\(forced.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: Data(forced.standardOutput.utf8))
        let actions = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.action) })
        #expect(actions["Sources/Hooks/EventHandlers.swift"] == "keep")
        #expect(actions["Package.swift"] == "update")  // its header names the new design
        #expect(actions["README.md"] == "update")
        #expect(report.name == "Hooks")
        #expect(try String(contentsOf: handlers, encoding: .utf8) == mine)
    }

    @Test("the REPL scaffolds its current design")
    func fromRepl() throws {
        let folder = try Self.folder()
        let design = folder.appendingPathComponent("design.json").path
        #expect(try IPM.run(["design"] + Self.stripe + ["--save", design, "--format", "json"]).status == 0)
        let out = folder.appendingPathComponent("from-repl").path
        let result = try IPM.run(
            ["repl"], input: "scaffold\nload \(design)\nscaffold --out \(out) --package-path \(Self.checkout)\nquit\n")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("No design yet"))
        #expect(result.standardOutput.contains("Package FromRepl"))
        let answers = try String(contentsOfFile: out + "/.ipm/answers.json", encoding: .utf8)
        #expect(answers.contains("push-stripe-alo"))
    }

    @Test(
        "usage errors name the problem",
        arguments: [
            (["--kind", "push"], "--guarantee"),
            (stripe + ["--package-path", "/nonexistent/ipm"], "'--package-path'"),
            (stripe + ["--package-path", "/tmp", "--package-url", "https://example.com/ipm.git"], "not both"),
            (stripe + ["--from", "1.0.0"], "--package-url"),
            (stripe + ["--package-url", "https://example.com/ipm.git", "--from", "one"], "'--from'"),
            (stripe + ["--provider", "strype"], "Did you mean 'stripe'"),
        ])
    func usage(arguments: [String], mention: String) throws {
        let result = try IPM.run(["scaffold", "--dry-run"] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(mention), "\(result.standardError)")
    }

    @Test("a malformed design file is a data error (65) naming the file")
    func malformed() throws {
        let file = try Self.folder().appendingPathComponent("design.json")
        try "{\"format\": 1, \"answers\": {\"kind\": 7}}".write(to: file, atomically: true, encoding: .utf8)
        let result = try IPM.run(["scaffold", "--design", file.path, "--dry-run"])
        #expect(result.status == 65)
        #expect(result.standardError.contains(file.path))
    }
}
