/// Reads the front matter block that opens every content page.
///
/// The format is a strict subset of YAML: a line `---`, then `key: value` lines, then `---`. Lists are
/// written inline as `[a, b, c]`. Known keys: `id`, `title`, `kind`, `aliases`, `summary`, `related`,
/// `types`; unknown keys are an error, so that a typo does not silently drop a field.
///
/// Every structural character is ASCII, so the block is scanned as UTF-8 bytes: loading the catalog
/// is on the start-up path of every command.
public struct FrontMatterParser: Sendable {
    private static let listKeys: Set<String> = ["aliases", "related", "types"]
    private static let scalarKeys: Set<String> = ["id", "title", "kind", "summary"]

    /// Creates a parser.
    public init() {}

    /// Parses `text` (a whole page) written in `language`; `file` names it in errors.
    public func parse(_ text: String, language: Language, file: String, origin: Page.Origin = .builtIn) throws
        -> Page
    {
        let utf8 = text.utf8
        var cursor = utf8.startIndex
        func nextLine() -> Substring.UTF8View? {
            guard cursor < utf8.endIndex else { return nil }
            let end = utf8[cursor...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var line = Substring(text)[cursor..<end].utf8
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
            cursor = end < utf8.endIndex ? utf8.index(after: end) : end
            return line
        }
        guard let first = nextLine(), first.elementsEqual("---".utf8) else {
            throw FrontMatterError(file: file, line: 1, message: "the page must start with a '---' line")
        }
        var scalars: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var lineNumber = 1
        var closed = false
        while let line = nextLine() {
            lineNumber += 1
            if line.elementsEqual("---".utf8) {
                closed = true
                break
            }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw FrontMatterError(file: file, line: lineNumber, message: "expected 'key: value'")
            }
            let key = Self.trimmed(line[..<colon])
            let value = Self.trimmed(line[line.index(after: colon)...])
            if Self.listKeys.contains(key) {
                guard value.hasPrefix("["), value.hasSuffix("]") else {
                    throw FrontMatterError(file: file, line: lineNumber, message: "a list is written as [a, b, c]")
                }
                lists[key] = value.utf8.dropFirst().dropLast().split(separator: UInt8(ascii: ","))
                    .map { Self.trimmed($0) }.filter { !$0.isEmpty }
            } else if Self.scalarKeys.contains(key) {
                guard !value.isEmpty else {
                    throw FrontMatterError(file: file, line: lineNumber, message: "'\(key)' has no value")
                }
                scalars[key] = value
            } else {
                throw FrontMatterError(file: file, line: lineNumber, message: "unknown key '\(key)'")
            }
        }
        guard closed else {
            throw FrontMatterError(file: file, line: lineNumber, message: "the front matter has no closing '---'")
        }
        // Blank lines between the front matter and the first heading are not part of the body.
        while cursor < utf8.endIndex, utf8[cursor] == 0x0A || utf8[cursor] == 0x0D {
            if utf8[cursor] == 0x0A { lineNumber += 1 }
            cursor = utf8.index(after: cursor)
        }
        for key in ["id", "title", "kind"] where scalars[key] == nil {
            throw FrontMatterError(file: file, line: lineNumber, message: "missing '\(key)'")
        }
        guard let kind = PageKind(rawValue: scalars["kind"]!) else {
            let allowed = PageKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw FrontMatterError(
                file: file, line: lineNumber, message: "kind '\(scalars["kind"]!)' is not one of \(allowed)")
        }
        return Page(
            id: scalars["id"]!, title: scalars["title"]!, kind: kind, aliases: lists["aliases"] ?? [],
            summary: scalars["summary"] ?? "", related: lists["related"] ?? [], types: lists["types"] ?? [],
            language: language, bodyText: Substring(text)[cursor...], bodyStartLine: lineNumber + 1,
            origin: origin)
    }

    /// The bytes as a string without leading and trailing spaces and tabs.
    private static func trimmed<C: BidirectionalCollection>(_ bytes: C) -> String where C.Element == UInt8 {
        var slice = bytes[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
