/// One file of a generated package: its path inside the package and its contents.
public struct GeneratedFile: Sendable, Hashable {
    /// The path relative to the package root (`Sources/Shop/WebhookEndpoint.swift`).
    public var path: String
    /// The contents.
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
