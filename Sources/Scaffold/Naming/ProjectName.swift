internal import Foundation

/// Names for a generated package, derived from anything the user typed ("Mi Integración 2026!").
///
/// The package and target names are Swift identifiers in UpperCamelCase: accents are folded, anything
/// that is not a letter or a digit separates words, a leading digit gets a prefix, and names that
/// would clash with a module the package imports get a suffix.
public struct ProjectName: Sendable, Hashable {
    /// What the user typed, trimmed.
    public let display: String
    /// The package, product and main target name (`MiIntegracion2026`).
    public let identifier: String

    /// Modules and words a generated target must not be called.
    static let reserved: Set<String> = [
        "IntegrationPatterns", "Foundation", "FoundationEssentials", "Swift", "Testing", "XCTest", "Dispatch", "Glibc",
        "Self", "Type", "Protocol", "Any", "Tests", "Package", "Main",
    ]

    /// Derives the names from `raw`.
    public init(_ raw: String) {
        display = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = display.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var identifier = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if identifier.isEmpty { identifier = "Integration" }
        if identifier.first!.isNumber { identifier = "App" + identifier }
        if Self.reserved.contains(identifier) { identifier += "App" }
        self.identifier = identifier
    }

    /// The test target's name.
    public var testTarget: String { identifier + "Tests" }
}
