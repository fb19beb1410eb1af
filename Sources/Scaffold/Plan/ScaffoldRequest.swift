public import Advisor

/// What to generate: a design, a name, where the library comes from, and which ipm generates it.
public struct ScaffoldRequest: Sendable {
    /// The design the package implements.
    public var design: Design
    /// The package's names.
    public var name: ProjectName
    /// Where `IntegrationPatterns` comes from.
    public var dependency: PackageDependency
    /// The version of ipm generating it (recorded in headers and the answers file).
    public var ipmVersion: String

    /// Creates a request.
    public init(design: Design, name: ProjectName, dependency: PackageDependency, ipmVersion: String) {
        self.design = design
        self.name = name
        self.dependency = dependency
        self.ipmVersion = ipmVersion
    }
}
