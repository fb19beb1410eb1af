/// Where the generated package gets `IntegrationPatterns` from.
public enum PackageDependency: Sendable, Hashable {
    /// A local checkout of ipm.
    case path(String)
    /// A git URL, from a version up to the next major one.
    case url(String, from: String)

    /// SwiftPM's identity of the package: the last path component, lower-cased, without `.git`.
    public var identity: String {
        let location: String
        switch self {
        case .path(let path): location = path
        case .url(let url, _): location = url
        }
        var last = location.split(separator: "/").last.map(String.init) ?? "ipm"
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.lowercased()
    }

    /// The `.package(...)` line of Package.swift.
    var declaration: String {
        switch self {
        case .path(let path): return ".package(path: \(SwiftLiteral.string(path)))"
        case .url(let url, let version):
            return ".package(url: \(SwiftLiteral.string(url)), from: \(SwiftLiteral.string(version)))"
        }
    }
}
