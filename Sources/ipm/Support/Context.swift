internal import Console
internal import Foundation
internal import Knowledge

/// What a command runs with: the environment, the output streams, the language and the catalog.
final class Context: @unchecked Sendable {
    let environment: [String: String]
    let standardOutput: OutputStream
    let standardError: OutputStream
    /// Whether `--no-color` was given.
    var noColor = false
    /// The language chosen by `--lang` or the environment.
    var language: Language

    private var cachedCatalog: Catalog?

    init(environment: [String: String], standardOutput: OutputStream, standardError: OutputStream) {
        self.environment = environment
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.language = Language.preferred(environment: environment)
    }

    /// The catalog: built-in pages plus the user's; unreadable user pages are reported once on stderr.
    var catalog: Catalog {
        if let cachedCatalog { return cachedCatalog }
        let catalog = Catalog.load(environment: environment)
        for problem in catalog.problems {
            standardError.write("Warning: skipped a content page: \(problem)\n")
        }
        cachedCatalog = catalog
        return catalog
    }

    /// The capabilities of standard output.
    func outputCapabilities(widthOverride: Int? = nil) -> TerminalCapabilities {
        TerminalCapabilities.detect(
            environment: environment, fileDescriptor: 1, noColorFlag: noColor, widthOverride: widthOverride)
    }

    /// Whether standard error takes colours.
    var errorColors: Bool {
        TerminalCapabilities.colorEnabled(
            environment: environment, isTerminal: isatty(2) == 1, noColorFlag: noColor)
    }

    /// Whether standard input is a terminal.
    var inputIsTerminal: Bool { isatty(0) == 1 }

    /// Writes to standard output.
    func out(_ text: String) { standardOutput.write(text) }

    /// Writes to standard error.
    func err(_ text: String) { standardError.write(text) }
}
