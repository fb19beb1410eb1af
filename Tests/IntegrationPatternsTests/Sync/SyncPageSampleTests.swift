import Foundation
import Testing

/// Keeps SyncPageSamples.swift, which the compiler checks against the real API, in step with the Swift
/// samples of the sync pages it copies.
@Suite("The sync pages' samples")
struct SyncPageSampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
        .standardized

    struct Page: Sendable, CustomTestStringConvertible {
        var id: String
        var language: String
        var testDescription: String { "\(language)/\(id)" }
    }

    @Test(
        "each page's Swift sample is compiled verbatim in SyncPageSamples.swift",
        arguments: [
            Page(id: "conditional-polling", language: "en"), Page(id: "conditional-polling", language: "es"),
            Page(id: "sync-strategies", language: "en"), Page(id: "sync-strategies", language: "es"),
        ])
    func sampleCompiled(_ page: Page) throws {
        let markdown = try String(
            contentsOf: Self.root.appendingPathComponent("Content/\(page.language)/\(page.id).md"), encoding: .utf8)
        let samples = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/IntegrationPatternsTests/Sync/SyncPageSamples.swift"),
            encoding: .utf8)
        var lines: [String] = []
        var inSwift = false
        for line in markdown.components(separatedBy: "\n") {
            if line == "```swift" {
                inSwift = true
            } else if inSwift && line == "```" {
                inSwift = false
            } else if inSwift && !line.hasPrefix("import ") {
                lines.append(line.isEmpty ? "" : "    " + line)
            }
        }
        #expect(!lines.isEmpty, "the page has a Swift sample")
        let opening =
            "private func \(page.language)_\(page.id.replacingOccurrences(of: "-", with: "_"))() async throws {\n"
        let start = try #require(samples.range(of: opening), "no function for \(page.testDescription)")
        let body = samples[start.upperBound...]
        #expect(
            body.hasPrefix(lines.joined(separator: "\n") + "\n"),
            "copy the sample of \(page.testDescription) into SyncPageSamples.swift")
    }
}
