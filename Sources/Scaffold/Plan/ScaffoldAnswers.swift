public import Advisor

/// `.ipm/answers.json`: the design the package was generated from, the ipm version, and a hash of each
/// generated file, so that a later `--force` run can tell which files the user changed.
public struct ScaffoldAnswers: Sendable, Codable, Hashable {
    /// Where `IntegrationPatterns` came from.
    public struct Dependency: Sendable, Codable, Hashable {
        /// `path` or `url`.
        public var kind: String
        /// The path or URL.
        public var location: String
        /// The minimum version, for a URL.
        public var from: String?
    }

    /// The file format's version.
    public var format = 1
    /// The ipm that generated the files.
    public var ipmVersion: String
    /// The design's id.
    public var designID: String
    /// The name as typed.
    public var name: String
    /// Where the library came from.
    public var dependency: Dependency
    /// The design's answers (replayable with `ipm design --answers`).
    public var answers: Answers
    /// SHA-256 of each generated file's contents, by path.
    public var files: [String: String]

    enum CodingKeys: String, CodingKey {
        case format, name, dependency, answers, files
        case ipmVersion = "ipm_version"
        case designID = "design_id"
    }

    /// The path of the answers file inside a generated package.
    public static let path = ".ipm/answers.json"
}
