import Advisor
import Foundation
import IntegrationPatterns
import SnapshotTesting
import Testing

@testable import Scaffold

@Suite("Scaffold generator")
struct ScaffoldGeneratorTests {
    static let errorSets: [[ErrorKind]] = [
        [.transient], [.permanent], [.partial], [.transient, .permanent], [.transient, .partial],
        [.permanent, .partial], [.transient, .permanent, .partial],
    ]

    /// Every combination of the four required answers.
    static var allAnswers: [Answers] {
        IntegrationKind.allCases.flatMap { kind in
            DeliveryGuarantee.allCases.flatMap { guarantee in
                errorSets.flatMap { errors in
                    Provider.allCases.map { Answers(kind: kind, guarantee: guarantee, errors: errors, provider: $0) }
                }
            }
        }
    }

    static func request(_ answers: Answers, name: String = "Acme Sync") -> ScaffoldRequest {
        ScaffoldRequest(
            design: DesignEngine.design(for: answers), name: ProjectName(name), dependency: .path("/opt/ipm"),
            ipmVersion: "0.0.0-test")
    }

    static func files(_ answers: Answers) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: ScaffoldGenerator().files(for: request(answers)).map { ($0.path, $0.contents) })
    }

    @Test(
        "every design gets the files of its components, and only those",
        arguments: [IntegrationKind.push, .pull, .bidirectional])
    func componentsToFiles(kind: IntegrationKind) throws {
        for answers in Self.allAnswers where answers.kind == kind {
            let design = DesignEngine.design(for: answers)
            let files = Self.files(answers)
            let label = "\(design.id)"
            let sources = Set(
                files.keys.filter { $0.hasPrefix("Sources/AcmeSync/") }.map { ($0 as NSString).lastPathComponent })
            let iCal = [.airbnb, .booking, .vrbo].contains(answers.provider)
            #expect(sources.contains("Configuration.swift"), "\(label)")
            #expect(sources.contains("WebhookEndpoint.swift") == (kind != .pull), "\(label)")
            #expect(sources.contains("EventHandlers.swift") == (kind != .pull), "\(label)")
            #expect(sources.contains("FeedSync.swift") == (kind != .push && iCal), "\(label)")
            #expect(sources.contains("ChangePoller.swift") == (kind != .push && !iCal), "\(label)")
            #expect(
                sources.contains("ChangePublisher.swift") == (kind == .bidirectional || design.has(.outbox)), "\(label)"
            )
            #expect(
                sources.contains("ProviderClient.swift") == (design.has(.retryBackoff) && !(kind == .pull && iCal)),
                "\(label)")
            // Every source has its tests, and every Swift file says where it came from.
            for source in sources {
                let test = "Tests/AcmeSyncTests/" + source.replacingOccurrences(of: ".swift", with: "Tests.swift")
                if source != "EventHandlers.swift" && source != "EventInbox.swift" {
                    #expect(files[test] != nil, "\(label): \(test)")
                }
            }
            for (path, contents) in files where path.hasSuffix(".swift") {
                #expect(contents.contains("from design \(design.id)"), "\(label): \(path)")
            }
        }
    }

    @Test("the answers file records the design, the dependency and a hash of every other file")
    func answersFile() throws {
        let answers = Answers(
            kind: .push, guarantee: .atLeastOnce, errors: [.transient, .permanent], provider: .stripe)
        let generated = ScaffoldGenerator().files(for: Self.request(answers))
        #expect(generated.last?.path == ScaffoldAnswers.path)
        let recorded = try JSONDecoder().decode(ScaffoldAnswers.self, from: Data(generated.last!.contents.utf8))
        #expect(recorded.designID == DesignEngine.design(for: answers).id)
        #expect(recorded.dependency == .init(kind: "path", location: "/opt/ipm", from: nil))
        #expect(DesignEngine.design(for: recorded.answers).id == recorded.designID)
        #expect(recorded.files.count == generated.count - 1)
        for file in generated.dropLast() {
            #expect(recorded.files[file.path] == SHA256Digest.hex(Array(file.contents.utf8)), "\(file.path)")
        }
    }

    @Test("the same request gives the same bytes")
    func deterministic() {
        for answers in Self.allAnswers.filter({ $0.errors == [.transient, .permanent, .partial] }) {
            #expect(
                ScaffoldGenerator().files(for: Self.request(answers))
                    == ScaffoldGenerator().files(for: Self.request(answers)))
        }
    }

    @Test("the manifest depends on IntegrationPatterns from the path or the URL given")
    func manifest() throws {
        let design = DesignEngine.design(
            for: Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .github))
        let byURL = ScaffoldGenerator().files(
            for: ScaffoldRequest(
                design: design, name: ProjectName("hooks"),
                dependency: .url("https://git.example.com/team/ipm.git", from: "1.2.0"),
                ipmVersion: "1.2.0"))
        let manifest = try #require(byURL.first { $0.path == "Package.swift" }).contents
        #expect(manifest.contains(#".package(url: "https://git.example.com/team/ipm.git", from: "1.2.0")"#))
        #expect(manifest.contains(#".product(name: "IntegrationPatterns", package: "ipm")"#))
        #expect(manifest.contains(#"name: "Hooks""#))
        let byPath = Self.files(Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .github))
        #expect(byPath["Package.swift"]!.contains(#".package(path: "/opt/ipm")"#))
    }

    @Test("at-most-once endpoints never ask for a retry; the others do")
    func guarantees() {
        let atMostOnce = Self.files(
            Answers(kind: .push, guarantee: .atMostOnce, errors: [.transient], provider: .github))
        let atLeastOnce = Self.files(
            Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .github))
        #expect(atMostOnce["Sources/AcmeSync/WebhookEndpoint.swift"]!.contains("retriesFailures: false"))
        #expect(!atLeastOnce["Sources/AcmeSync/WebhookEndpoint.swift"]!.contains("retriesFailures"))
        #expect(atMostOnce["Tests/AcmeSyncTests/WebhookEndpointTests.swift"]!.contains("never processed again"))
    }

    @Test(
        "generated trees match their snapshots",
        arguments: [
            (
                "push-stripe",
                Answers(
                    kind: .push, guarantee: .atLeastOnce, errors: [.transient, .permanent, .partial], provider: .stripe)
            ),
            (
                "pull-airbnb",
                Answers(kind: .pull, guarantee: .atLeastOnce, errors: [.transient, .partial], provider: .airbnb)
            ),
            (
                "bidirectional-generic",
                Answers(
                    kind: .bidirectional, guarantee: .exactlyOnce, errors: [.transient, .permanent],
                    provider: .genericHTTP)
            ),
        ])
    func snapshots(name: String, answers: Answers) throws {
        let tree = ScaffoldGenerator().files(for: Self.request(answers)).map { "===== \($0.path)\n\($0.contents)" }
            .joined()
        assertSnapshot(tree, named: "\(name).txt")
    }
}
