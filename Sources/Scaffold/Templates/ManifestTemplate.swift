internal import Advisor

/// `Package.swift` of the generated package: one library target wired to `IntegrationPatterns`, and its tests.
struct ManifestTemplate {
    func file(_ context: TemplateContext) -> GeneratedFile {
        let module = context.module
        let identity = context.request.dependency.identity
        let contents = #"""
            // swift-tools-version: 6.0
            \#(context.header)
            import PackageDescription

            let package = Package(
                name: "\#(module)",
                products: [
                    .library(name: "\#(module)", targets: ["\#(module)"]),
                ],
                dependencies: [
                    \#(context.request.dependency.declaration),
                ],
                targets: [
                    .target(
                        name: "\#(module)",
                        dependencies: [.product(name: "IntegrationPatterns", package: "\#(identity)")]),
                    .testTarget(
                        name: "\#(context.request.name.testTarget)",
                        dependencies: ["\#(module)", .product(name: "IntegrationPatterns", package: "\#(identity)")]),
                ]
            )

            """#
        return GeneratedFile(path: "Package.swift", contents: contents)
    }
}
