import Foundation
import PackagePlugin

/// Embeds the Markdown pages under `Content/` into the target as Swift string literals, so the built
/// binary carries its own content and works from any directory.
@main
struct EmbedContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let contentDirectory = context.package.directoryURL.appending(path: "Content")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        let inputs = markdownFiles(under: contentDirectory)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) content pages",
                executable: try context.tool(named: "EmbedContent").url,
                arguments: [contentDirectory.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func markdownFiles(under directory: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
