internal import Advisor
internal import Foundation
internal import IntegrationPatterns

/// Turns a design into the files of a Swift package the user owns.
///
/// The files depend only on the request: the same design, name and dependency give the same bytes.
/// Each component of the design maps to a template (see `Templates/`); the answers file is last.
public struct ScaffoldGenerator: Sendable {
    /// Creates a generator.
    public init() {}

    /// Every file to write, sorted by path, `.ipm/answers.json` included.
    public func files(for request: ScaffoldRequest) -> [GeneratedFile] {
        let context = TemplateContext(request: request)
        var files = [ManifestTemplate().file(context), ConfigurationTemplate().file(context)]
        let tests = TestTemplates()
        if context.receives {
            files += WebhookTemplates().files(context)
            files.append(tests.webhookTests(context))
        }
        if context.callsOut {
            files.append(OutboundTemplates().client(context))
            files.append(tests.clientTests(context))
        }
        if context.sendsOut {
            files.append(OutboundTemplates().publisher(context))
            files.append(tests.publisherTests(context))
        }
        if context.pollsFeed {
            files += FeedTemplates().calendarFiles(context)
        } else if context.polls {
            files += FeedTemplates().cursorFiles(context)
        }
        files.append(tests.configurationTests(context))
        files.append(ReadmeTemplate().file(context, files: files.map(\.path)))
        files.sort { $0.path < $1.path }
        files.append(answersFile(request, files))
        return files
    }

    private func answersFile(_ request: ScaffoldRequest, _ files: [GeneratedFile]) -> GeneratedFile {
        let dependency: ScaffoldAnswers.Dependency
        switch request.dependency {
        case .path(let path): dependency = .init(kind: "path", location: path, from: nil)
        case .url(let url, let version): dependency = .init(kind: "url", location: url, from: version)
        }
        let answers = ScaffoldAnswers(
            ipmVersion: request.ipmVersion, designID: request.design.id, name: request.name.display,
            dependency: dependency,
            answers: request.design.answers,
            files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, SHA256Digest.hex($0.contents)) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(answers)) ?? Data("{}".utf8)
        return GeneratedFile(path: ScaffoldAnswers.path, contents: String(decoding: data, as: UTF8.self) + "\n")
    }
}
